import { createServer, type Server } from 'node:http';
import { type CryptoKey, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { makeProvider, type ProviderWorld, password } from '../helpers/world.js';

let harness: Harness;
let world: ProviderWorld;
const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
});
afterAll(() => harness.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claimsFor(accountId: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(clock.now().getTime() / 1000);
  return {
    sub: accountId,
    iss: harness.config.JWT_ISSUER,
    aud: harness.config.JWT_AUDIENCE,
    iat: now,
    nbf: now,
    exp: now + 600,
    jti: 'test-jti',
    role: 'job_coach',
    ...overrides,
  };
}

/** Signs claims with the service's own current key, so only the field under test is wrong. */
async function signWithServiceKey(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { kid, key } = harness.services.keys.signingKey();
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt', ...header }).sign(key);
}

async function expectRefused(token: string | undefined) {
  const response = await call(harness.app, 'GET', '/v1/me', token === undefined ? {} : { token });
  expect(response.status).toBe(401);
  expect(response.error?.code).toBe('unauthenticated');
  expect(response.error?.requestId).toBeTruthy();
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  return response;
}

describe('access tokens: the happy path', () => {
  it('signs in and reads /v1/me with the access token', async () => {
    const response = await call(harness.app, 'GET', '/v1/me', { token: world.coach.token });
    expect(response.status).toBe(200);
    expect(response.json.account).toMatchObject({
      id: world.coach.accountId,
      role: 'job_coach',
      providerId: world.providerId,
    });
    expect(response.json.organisation).toMatchObject({
      type: 'provider',
      id: world.providerId,
      name: 'Leeds City College',
    });
  });

  it('issues ES256 tokens with a kid that the JWKS publishes', async () => {
    const header = decodeProtectedHeader(world.coach.token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const jwks = await call(harness.app, 'GET', '/.well-known/jwks.json');
    expect(jwks.json.keys.map((key) => key.kid)).toContain(header.kid);
    expect(jwks.json.keys.every((key: Record<string, unknown>) => key.d === undefined)).toBe(true);
  });

  it('tells a delegate whom they act for', async () => {
    const response = await call(harness.app, 'GET', '/v1/me', { token: world.delegate.token });
    expect(response.json.actsFor).toEqual([
      { youngPersonId: world.youngPersonId, preferredName: 'Sam', rights: ['view_profile', 'edit_profile'] },
    ]);
  });
});

describe('access tokens: every forgery and mistake is a 401', () => {
  it('no token', async () => {
    await expectRefused(undefined);
  });

  it('a malformed token', async () => {
    await expectRefused('not.a.jwt-at-all');
    await expectRefused('abcdefghijklmnop');
  });

  it('alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claimsFor(world.coach.accountId))}.`;
    await expectRefused(token);
  });

  it('HS256 signed with the public key as the secret', async () => {
    const [publicJwk] = (await call(harness.app, 'GET', '/.well-known/jwks.json')).json.keys;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT(claimsFor(world.coach.accountId))
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk!.kid as string, typ: 'at+jwt' })
      .sign(secret);
    await expectRefused(token);
  });

  it('wrong issuer', async () => {
    await expectRefused(await signWithServiceKey(claimsFor(world.coach.accountId, { iss: 'https://evil.example' })));
  });

  it('wrong audience', async () => {
    await expectRefused(await signWithServiceKey(claimsFor(world.coach.accountId, { aud: 'another-api' })));
  });

  it('expired', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    await expectRefused(
      await signWithServiceKey(claimsFor(world.coach.accountId, { iat: now - 1000, nbf: now - 1000, exp: now - 100 })),
    );
  });

  it('not yet valid', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    await expectRefused(
      await signWithServiceKey(claimsFor(world.coach.accountId, { nbf: now + 600, exp: now + 1200 })),
    );
  });

  it('a tampered payload', async () => {
    const [header, , signature] = world.youngPerson.token.split('.');
    const forged = `${header}.${b64(claimsFor(world.admin.accountId, { role: 'provider_admin' }))}.${signature}`;
    await expectRefused(forged);
  });

  it('an unknown kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claimsFor(world.coach.accountId))
      .setProtectedHeader({ alg: 'ES256', kid: 'someone-elses-key', typ: 'at+jwt' })
      .sign(privateKey);
    await expectRefused(token);
  });

  it('a token signed by a key that is not ours but reuses our kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const { kid } = harness.services.keys.signingKey();
    const token = await new SignJWT(claimsFor(world.coach.accountId))
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .sign(privateKey);
    await expectRefused(token);
  });

  it('a token of an account that has been disabled, at once', async () => {
    const before = await call(harness.app, 'GET', '/v1/me', { token: world.delegate.token });
    expect(before.status).toBe(200);
    const disabled = await call(harness.app, 'POST', '/v1/accounts/{accountId}/disable', {
      path: { accountId: world.delegate.accountId },
      token: world.admin.token,
    });
    expect(disabled.status).toBe(200);
    await expectRefused(world.delegate.token);
    const signIn = await call(harness.app, 'POST', '/v1/auth/token', {
      body: { email: world.delegate.email, password },
    });
    expect(signIn.status).toBe(401);
    await call(harness.app, 'POST', '/v1/accounts/{accountId}/enable', {
      path: { accountId: world.delegate.accountId },
      token: world.admin.token,
    });
    // Disabling ended the sign-in: enabling the account again does not bring its old tokens back.
    await expectRefused(world.delegate.token);
    world.delegate.token = (
      await call(harness.app, 'POST', '/v1/auth/token', { body: { email: world.delegate.email, password } })
    ).json.accessToken;
    expect((await call(harness.app, 'GET', '/v1/me', { token: world.delegate.token })).status).toBe(200);
  });
});

describe('key rotation', () => {
  it('keeps old tokens valid until they expire while new tokens use the new key', async () => {
    const oldKid = decodeProtectedHeader(world.coach.token).kid;
    const newKid = await harness.services.keys.rotate();
    expect(newKid).not.toBe(oldKid);
    expect((await call(harness.app, 'GET', '/v1/me', { token: world.coach.token })).status).toBe(200);
    const fresh = await call(harness.app, 'POST', '/v1/auth/token', { body: { email: world.coach.email, password } });
    expect(decodeProtectedHeader(fresh.json.accessToken).kid).toBe(newKid);
    const kids = (await call(harness.app, 'GET', '/.well-known/jwks.json')).json.keys.map((key) => key.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));

    clock.advance((harness.config.ACCESS_TOKEN_TTL_SECONDS + 120) * 1000);
    await expectRefused(world.coach.token);
    const later = (await call(harness.app, 'GET', '/.well-known/jwks.json')).json.keys.map((key) => key.kid);
    expect(later).toEqual([newKid]);
    world.coach.token = (
      await call(harness.app, 'POST', '/v1/auth/token', { body: { email: world.coach.email, password } })
    ).json.accessToken;
  });

  it('keeps the keys across restarts, encrypted at rest', async () => {
    const stored = await harness.services.db.collection('signing_keys').findOne({ status: 'active' });
    expect(JSON.stringify(stored?.privateJwk)).not.toContain('"d"');
    const { KeyStore } = await import('../../src/auth/keys.js');
    const again = new KeyStore(harness.services.db, 'test-secret-test-secret-test-secret-0123', clock, {
      rotationDays: 30,
      accessTokenTtlSeconds: 900,
      clockToleranceSeconds: 30,
    });
    await again.init();
    expect(again.signingKey().kid).toBe(harness.services.keys.signingKey().kid);
    const wrongSecret = new KeyStore(harness.services.db, 'another-secret-another-secret-another', clock, {
      rotationDays: 30,
      accessTokenTtlSeconds: 900,
      clockToleranceSeconds: 30,
    });
    await expect(wrongSecret.init()).rejects.toThrow(/TOKEN_KEYS_SECRET/);
  });

  it('makes one signing key, not three, when three instances start together on a database without one', async () => {
    const { KeyStore, signingKeysCollection } = await import('../../src/auth/keys.js');
    const { leasesCollection } = await import('../../src/core/lease.js');
    const { applyCollectionSpecs } = await import('../../src/core/db/mongo.js');
    const db = harness.services.mongo.db(`${harness.services.db.databaseName}-keys`);
    await applyCollectionSpecs(db, [signingKeysCollection, leasesCollection]);
    try {
      const instances = [1, 2, 3].map(
        () =>
          new KeyStore(db, 'test-secret-test-secret-test-secret-0123', clock, {
            rotationDays: 30,
            accessTokenTtlSeconds: 900,
            clockToleranceSeconds: 30,
          }),
      );
      await Promise.all(instances.map((keys) => keys.init()));
      expect(await db.collection('signing_keys').countDocuments({})).toBe(1);
      expect(new Set(instances.map((keys) => keys.signingKey().kid)).size).toBe(1);
    } finally {
      await db.dropDatabase();
    }
  });
});

describe('tokens from an external OpenID Connect provider', () => {
  let server: Server;
  let oidcHarness: Harness;
  let privateKey: CryptoKey;
  let issuer: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    issuer = `http://127.0.0.1:${port}/realms/test`;
    oidcHarness = await createHarness({
      env: { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'internships', OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks` },
    });
  });
  afterAll(async () => {
    await oidcHarness.close();
    server.close();
  });

  const idpToken = (claims: Record<string, unknown>) =>
    new SignJWT({ email_verified: true, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setIssuer(issuer)
      .setAudience('internships')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('maps the email claim to a local account', async () => {
    const local = await makeProvider(oidcHarness, 'OIDC College');
    const token = await idpToken({ email: local.coach.email, sub: 'idp-user-1' });
    const response = await call(oidcHarness.app, 'GET', '/v1/me', { token });
    expect(response.status).toBe(200);
    expect(response.json.account.id).toBe(local.coach.accountId);
  });

  it('refuses an external token with no matching local account, the wrong audience, or an unverified email', async () => {
    for (const token of [
      await idpToken({ email: 'nobody@example.org' }),
      await new SignJWT({ email: 'x@example.org' })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
        .setIssuer(issuer)
        .setAudience('other')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
      await idpToken({ email: 'x@example.org', email_verified: false }),
    ]) {
      expect((await call(oidcHarness.app, 'GET', '/v1/me', { token })).status).toBe(401);
    }
  });
});

describe('what MongoDB removes by its TTL monitor (the real clock)', () => {
  it('keeps refresh tokens and web sessions made with a service clock in the past until they end by the real clock', async () => {
    const signedIn = await call(harness.app, 'POST', '/v1/auth/token', {
      body: { email: world.coach.email, password },
    });
    expect(signedIn.status).toBe(200);
    const { session } = await harness.services.webSessions.start(world.coach.accountId);
    const { db } = harness.services;
    const token = await db
      .collection('refresh_tokens')
      .findOne({ accountId: { $exists: true } }, { sort: { createdAt: -1 } });
    const stored = await db.collection('web_sessions').findOne({ csrfToken: session.csrfToken });
    // The service clock is in June 2026, before today: by it both have ended already or soon will.
    for (const doc of [token, stored]) {
      expect(doc!.purgeAfter.getTime()).toBeGreaterThan(Date.now());
      expect(doc!.expiresAt.getTime()).toBeLessThan(doc!.purgeAfter.getTime());
    }
    for (const name of ['refresh_tokens', 'web_sessions']) {
      const ttl = (await db.collection(name).listIndexes().toArray()).filter(
        (index) => index.expireAfterSeconds !== undefined,
      );
      expect(ttl.map((index) => Object.keys(index.key))).toEqual([['purgeAfter']]);
    }
  });
});
