/**
 * Sign-in and token verification, each against a baseline measured in the same run:
 *   sign-in (POST /v1/auth/token over HTTP)      vs  one scrypt hash at the same cost
 *   verification (authenticate: jose + account)  vs  jose jwtVerify alone
 *   GET /v1/me over HTTP                           vs  GET /health/live over HTTP
 * Run: npm run bench:auth
 */
import { scrypt, randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { jwtVerify } from 'jose';
import { benchEnvironment, ms, percentile, timeEach } from './support.js';

const password = 'correct horse battery staple';
const env = await benchEnvironment({ NODE_ENV: 'test', SEED_DEMO_DATA: 'never', TOKEN_KEYS_SECRET: randomBytes(32).toString('hex') });
try {
  const { services, baseUrl, config } = env;
  const provider = await services.providers.create({ name: 'Bench College', kind: 'college', localAuthority: 'Leeds' });
  const email = `bench.${Date.now()}@example.org`;
  await services.accounts.insert({
    email,
    name: 'Bench Coach',
    role: 'job_coach',
    status: 'active',
    passwordHash: await services.hasher.hash(password),
    providerId: new ObjectId(provider.id),
  });
  // Sign-in is throttled per address; the benchmark signs in many times from one address.
  const signIn = () =>
    fetch(`${baseUrl}/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }).then(async (r) => {
      if (!r.ok) throw new Error(`sign-in ${r.status}`);
      return (await r.json()) as { accessToken: string };
    });
  const { accessToken } = await signIn();

  const cost = config.PASSWORD_SCRYPT_COST;
  const salt = randomBytes(16);
  const kdf = await timeEach(20, () => new Promise((resolve, reject) => scrypt(password, salt, 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k)))));
  const signIns = await timeEach(20, async () => {
    await signIn();
    await services.db.collection('login_throttle').deleteMany({});
  });

  const key = await services.keys.verificationKey(JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString()).kid);
  const joseOnly = await timeEach(2000, () => jwtVerify(accessToken, key!, { algorithms: ['ES256'], issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }));
  const authenticate = await timeEach(2000, () => services.auth.authenticate(accessToken));

  const live = await timeEach(1000, () => fetch(`${baseUrl}/health/live`).then((r) => r.arrayBuffer()));
  const me = await timeEach(1000, () => fetch(`${baseUrl}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.arrayBuffer()));

  const row = (name: string, samples: number[], baselineName: string, baseline: number[]) =>
    console.log(
      `${name.padEnd(34)} median ${ms(percentile(samples, 50)).padStart(10)}  p95 ${ms(percentile(samples, 95)).padStart(10)}   ` +
        `baseline ${baselineName} median ${ms(percentile(baseline, 50))}  ratio ${(percentile(samples, 50) / percentile(baseline, 50)).toFixed(2)}`,
    );
  console.log(`scrypt N=${cost}, r=8, p=1; ES256 access tokens; ${new Date().toISOString()}`);
  row('sign-in (HTTP, scrypt + tokens)', signIns, 'scrypt alone', kdf);
  row('verify + account check', authenticate, 'jose jwtVerify alone', joseOnly);
  row('GET /v1/me (HTTP)', me, 'GET /health/live', live);
} finally {
  await env.close();
}
