/**
 * Sign-in and token verification, each against a baseline measured in the same run:
 *   sign-in (POST /v1/auth/token over HTTP)           vs  one Argon2id verification alone (the two interleaved)
 *   the floor: hash + one HTTP round trip + one read + one durable write  vs  the same verification alone
 *   sign-ins per second at concurrency 8 (HTTP)         vs  scrypt (N=2^17, r=8, p=1: the hash before Argon2id) per second at concurrency 8
 *   GET /health/live while 8 sign-ins run at once       vs  GET /health/live with nothing else running
 *   verification (authenticate: jose + account)         vs  jose jwtVerify alone
 *   GET /v1/me over HTTP                                vs  GET /health/live over HTTP
 * Run: npm run bench:auth [-- --runs 30 --concurrent-sign-ins 80]
 * The last line is one JSON object of the figures.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { jwtVerify } from 'jose';
import { ObjectId } from 'mongodb';
import { benchEnvironment, ms, percentile, timeEach } from './support.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, 'concurrent-sign-ins': { type: 'string' } },
});
const runs = Number(args.runs ?? 30);
const concurrentSignIns = Number(args['concurrent-sign-ins'] ?? 80);
const concurrency = 8;
const password = 'correct horse battery staple';

/** Runs `total` calls of `work`, `width` at a time; returns the wall time in milliseconds. */
async function atConcurrency(width: number, total: number, work: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) {
        next++;
        await work();
      }
    }),
  );
  return performance.now() - started;
}

const env = await benchEnvironment({
  NODE_ENV: 'test',
  SEED_DEMO_DATA: 'never',
  TOKEN_KEYS_SECRET: randomBytes(32).toString('hex'),
});
try {
  const { services, baseUrl, config } = env;
  const provider = await services.providers.create({ name: 'Bench College', kind: 'college', localAuthority: 'Leeds' });
  const email = `bench.${Date.now()}@example.org`;
  const passwordHash = await services.hasher.hash(password);
  await services.accounts.insert({
    email,
    name: 'Bench Coach',
    role: 'job_coach',
    status: 'active',
    passwordHash,
    providerId: new ObjectId(provider.id),
  });
  // Only failures count towards the throttle, so many successful sign-ins from one address are fine.
  const signIn = () =>
    fetch(`${baseUrl}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`sign-in ${r.status}`);
      return (await r.json()) as { accessToken: string };
    });
  const live = () => fetch(`${baseUrl}/health/live`).then((r) => r.arrayBuffer());
  const { accessToken } = await signIn();

  // The sign-in and its baseline, one after the other in each round, so that the machine's drift
  // touches both alike. Beside them, the floor of any sign-in that stores its session durably: the
  // hash, one HTTP round trip of a JSON body (refused by validation), one read and one durable
  // write, the read and write each timed after a hash, as in a sign-in (the stores have idled).
  const scratch = services.db.collection<{ at: Date }>('bench_floor');
  const badBody = () =>
    fetch(`${baseUrl}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    }).then((r) => r.arrayBuffer());
  const hashOnce = () => services.hasher.verify(password, passwordHash);
  const hashAlone: number[] = [];
  const signIns: number[] = [];
  const floor: number[] = [];
  const floorParts = { http: [] as number[], read: [] as number[], write: [] as number[] };
  for (let round = -3; round < runs; round++) {
    const [hash] = await timeEach(1, hashOnce);
    const [signInMs] = await timeEach(1, signIn);
    const [http] = await timeEach(1, badBody);
    await hashOnce();
    const [read] = await timeEach(1, () => scratch.findOne({}));
    await hashOnce();
    const [write] = await timeEach(1, () => scratch.insertOne({ at: new Date() }));
    if (round < 0) continue;
    hashAlone.push(hash!);
    signIns.push(signInMs!);
    floor.push(hash! + http! + read! + write!);
    floorParts.http.push(http!);
    floorParts.read.push(read!);
    floorParts.write.push(write!);
  }

  const signInWallMs = await atConcurrency(concurrency, concurrentSignIns, signIn);
  const signInsPerSecond = (concurrentSignIns / signInWallMs) * 1000;
  const scryptCost = 2 ** 17;
  const salt = randomBytes(16);
  const scryptOnce = () =>
    new Promise((resolve, reject) =>
      scrypt(password, salt, 32, { N: scryptCost, r: 8, p: 1, maxmem: 256 * scryptCost * 8 + 1024 * 1024 }, (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
  const scryptTotal = 16;
  const scryptPerSecond = (scryptTotal / (await atConcurrency(concurrency, scryptTotal, scryptOnce))) * 1000;

  // Is the event loop free while hashes run? Time /health/live alone, then during 8 concurrent sign-ins.
  await timeEach(50, live);
  const liveIdle = await timeEach(200, live);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  let signingIn = true;
  const load = atConcurrency(concurrency, concurrentSignIns, signIn).finally(() => (signingIn = false));
  const liveBusy: number[] = [];
  while (signingIn) liveBusy.push(...(await timeEach(1, live)));
  await load;
  loopDelay.disable();

  const key = await services.keys.verificationKey(
    JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString()).kid,
  );
  const joseOnly = await timeEach(2000, () =>
    jwtVerify(accessToken, key!, { algorithms: ['ES256'], issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
  );
  const authenticate = await timeEach(2000, () => services.auth.authenticate(accessToken));
  const liveAlone = await timeEach(1000, live);
  const me = await timeEach(1000, () =>
    fetch(`${baseUrl}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.arrayBuffer()),
  );

  const row = (name: string, samples: number[], baselineName: string, baseline: number[]) =>
    console.log(
      `${name.padEnd(40)} p50 ${ms(percentile(samples, 50)).padStart(10)}  p95 ${ms(percentile(samples, 95)).padStart(10)}   ` +
        `baseline ${baselineName} p50 ${ms(percentile(baseline, 50))}  ratio ${(percentile(samples, 50) / percentile(baseline, 50)).toFixed(2)}`,
    );
  console.log(
    `Argon2id m=${config.PASSWORD_ARGON2_MEMORY_KIB} KiB, t=${config.PASSWORD_ARGON2_ITERATIONS}, p=1; ES256 access tokens; ` +
      `${runs} runs each, ${concurrentSignIns} sign-ins at concurrency ${concurrency}; libuv thread pool ${process.env.UV_THREADPOOL_SIZE ?? 4}; ${new Date().toISOString()}`,
  );
  row('sign-in (HTTP, Argon2id + tokens)', signIns, 'Argon2id verify alone', hashAlone);
  row('floor: hash + HTTP + read + write', floor, 'Argon2id verify alone', hashAlone);
  console.log(
    `${'  (floor parts, p50)'.padEnd(40)} HTTP ${ms(percentile(floorParts.http, 50))}, read ${ms(percentile(floorParts.read, 50))}, ` +
      `durable write ${ms(percentile(floorParts.write, 50))}`,
  );
  console.log(
    `${'sign-ins per second, concurrency 8'.padEnd(40)} ${signInsPerSecond.toFixed(1).padStart(10)}/s   ` +
      `baseline scrypt N=2^17 hashes per second, concurrency 8 ${scryptPerSecond.toFixed(2)}/s  ratio ${(signInsPerSecond / scryptPerSecond).toFixed(1)}`,
  );
  row('GET /health/live during 8 sign-ins', liveBusy, 'GET /health/live alone', liveIdle);
  console.log(
    `${'  (p99 during / alone)'.padEnd(40)} ${ms(percentile(liveBusy, 99))} / ${ms(percentile(liveIdle, 99))}; ` +
      `event-loop delay during the sign-ins: p99 ${ms(loopDelay.percentile(99) / 1e6)}, max ${ms(loopDelay.max / 1e6)}`,
  );
  row('verify + account check', authenticate, 'jose jwtVerify alone', joseOnly);
  row('GET /v1/me (HTTP)', me, 'GET /health/live', liveAlone);
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'auth',
      signInP50Ms: round(percentile(signIns, 50)),
      hashP50Ms: round(percentile(hashAlone, 50)),
      signInRatio: round(percentile(signIns, 50) / percentile(hashAlone, 50)),
      floorP50Ms: round(percentile(floor, 50)),
      floorRatio: round(percentile(floor, 50) / percentile(hashAlone, 50)),
      signInsPerSecond: round(signInsPerSecond),
      scryptHashesPerSecond: round(scryptPerSecond),
      liveP50IdleMs: round(percentile(liveIdle, 50)),
      liveP50DuringSignInsMs: round(percentile(liveBusy, 50)),
      liveP99DuringSignInsMs: round(percentile(liveBusy, 99)),
      eventLoopDelayMaxMs: round(loopDelay.max / 1e6),
    }),
  );
} finally {
  await env.close();
}
