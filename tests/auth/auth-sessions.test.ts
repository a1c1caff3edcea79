import { randomBytes, scryptSync } from 'node:crypto';
import { parseOptions } from '@node-rs/argon2';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
import { makeProvider, type ProviderWorld, password } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-05-01T08:00:00Z'));
let harness: Harness;
let world: ProviderWorld;

beforeAll(async () => {
  harness = await createHarness({ clock, env: { TRUST_PROXY: 'true' } });
  world = await makeProvider(harness);
});
afterAll(() => harness.close());

const signIn = (email: string, pass: string, address = '203.0.113.10') =>
  call(harness.app, 'POST', '/v1/auth/token', {
    body: { email, password: pass },
    headers: { 'x-forwarded-for': address },
  });

describe('sign-in', () => {
  it('returns a short-lived access token and a refresh token, never cached', async () => {
    const response = await signIn(world.coach.email, password);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 14 * 86_400 });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('says the same for an unknown email as for a wrong password, and spends the same hashing work', async () => {
    const wrong = await signIn(world.coach.email, 'not the right password at all', '198.51.100.1');
    const unknown = await signIn('nobody-here@example.org', 'not the right password at all', '198.51.100.1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.error?.message).toBe(wrong.error?.message);
    expect(unknown.error?.code).toBe(wrong.error?.code);

    const time = async (email: string) => {
      const started = performance.now();
      await signIn(email, 'still not the right password', '198.51.100.2');
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknowns: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(world.admin.email));
      unknowns.push(await time(`ghost${i}@example.org`));
    }
    // Both pay for one hash; without the dummy hash the unknown path would be many times faster.
    expect(median(unknowns)).toBeGreaterThan(median(known) * 0.4);

    // The same work, not only the same time: one Argon2id verification at the current parameters.
    const verify = vi.spyOn(harness.services.hasher, 'verify');
    try {
      await signIn(world.admin.email, 'still not the right password', '198.51.100.4');
      await signIn('ghost-again@example.org', 'still not the right password', '198.51.100.4');
      expect(verify).toHaveBeenCalledTimes(2);
      const [known, unknown] = verify.mock.calls.map(([, stored]) => parseOptions(stored));
      expect(unknown).toEqual(known);
      expect(known).toMatchObject({
        memoryCost: harness.services.config.PASSWORD_ARGON2_MEMORY_KIB,
        timeCost: 2,
        parallelism: 1,
      });
    } finally {
      verify.mockRestore();
    }
    await harness.services.db.collection('login_throttle').deleteMany({});
  });

  it('signs in an account whose password was hashed with scrypt, and replaces the hash with Argon2id', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
    const legacy = `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    const accounts = harness.services.accounts.collection;
    await accounts.updateOne({ _id: new ObjectId(world.delegate.accountId) }, { $set: { passwordHash: legacy } });

    expect((await signIn(world.delegate.email, 'the wrong password entirely', '198.51.100.5')).status).toBe(401);
    expect((await accounts.findOne({ _id: new ObjectId(world.delegate.accountId) }))?.passwordHash).toBe(legacy);

    expect((await signIn(world.delegate.email, password, '198.51.100.5')).status).toBe(200);
    const rehashed = (await accounts.findOne({ _id: new ObjectId(world.delegate.accountId) }))?.passwordHash ?? '';
    expect(rehashed.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(rehashed)).toMatchObject({
      memoryCost: harness.services.config.PASSWORD_ARGON2_MEMORY_KIB,
      timeCost: 2,
      parallelism: 1,
    });
    expect((await signIn(world.delegate.email, password, '198.51.100.5')).status).toBe(200);
    await harness.services.db.collection('login_throttle').deleteMany({});
  });

  it('audits successful and failed sign-ins without passwords', async () => {
    await signIn(world.youngPerson.email, 'a wrong password for the audit', '198.51.100.3');
    const failures = await harness.services.audit.find({
      action: 'auth.sign_in',
      accountId: world.youngPerson.accountId,
    });
    expect(failures.some((entry) => entry.outcome === 'failure' && entry.details?.reason === 'wrong_password')).toBe(
      true,
    );
    const all = JSON.stringify(await harness.services.db.collection('audit_events').find({}).toArray());
    expect(all).not.toContain(password);
    expect(all).not.toContain('a wrong password for the audit');
  });
});

describe('refresh tokens', () => {
  it('rotate on every use, and a reused token revokes the whole sign-in', async () => {
    const first = await signIn(world.coach.email, password);
    const second = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.json.refreshToken).not.toBe(first.json.refreshToken);
    expect((await call(harness.app, 'GET', '/v1/me', { token: second.json.accessToken })).status).toBe(200);

    // The first token again: someone copied it. Both it and its successor stop working.
    const reuse = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(reuse.status).toBe(401);
    const successor = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: second.json.refreshToken },
    });
    expect(successor.status).toBe(401);
    const events = await harness.services.audit.find({ action: 'auth.refresh_reuse' });
    expect(events[0]).toMatchObject({ outcome: 'denied', actor: { accountId: world.coach.accountId } });

    // Another sign-in of the same account is not affected.
    const other = await signIn(world.coach.email, password);
    expect(
      (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: other.json.refreshToken } })).status,
    ).toBe(200);
  });

  it('are stored only as hashes', async () => {
    const session = await signIn(world.admin.email, password);
    const stored = JSON.stringify(await harness.services.db.collection('refresh_tokens').find({}).toArray());
    expect(stored).not.toContain(session.json.refreshToken);
  });

  it('stop working after logout', async () => {
    const session = await signIn(world.admin.email, password);
    const logout = await call(harness.app, 'POST', '/v1/auth/logout', {
      body: { refreshToken: session.json.refreshToken },
    });
    expect(logout.status).toBe(204);
    expect(
      (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.json.refreshToken } }))
        .status,
    ).toBe(401);
  });

  it('expire', async () => {
    const session = await signIn(world.admin.email, password);
    clock.advance(15 * 86_400_000);
    try {
      expect(
        (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.json.refreshToken } }))
          .status,
      ).toBe(401);
    } finally {
      clock.advance(-15 * 86_400_000);
    }
  });

  it('stop working when the account is disabled', async () => {
    const session = await signIn(world.delegate.email, password);
    await call(harness.app, 'POST', '/v1/accounts/{accountId}/disable', {
      path: { accountId: world.delegate.accountId },
      token: world.admin.token,
    });
    expect(
      (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.json.refreshToken } }))
        .status,
    ).toBe(401);
    await call(harness.app, 'POST', '/v1/accounts/{accountId}/enable', {
      path: { accountId: world.delegate.accountId },
      token: world.admin.token,
    });
  });
});

describe('access tokens end with their sign-in, at once', () => {
  const me = (token: string) => call(harness.app, 'GET', '/v1/me', { token });

  it('after logout', async () => {
    const session = await signIn(world.coach.email, password);
    const other = await signIn(world.coach.email, password);
    expect((await me(session.json.accessToken)).status).toBe(200);
    await call(harness.app, 'POST', '/v1/auth/logout', { body: { refreshToken: session.json.refreshToken } });
    const after = await me(session.json.accessToken);
    expect(after.status).toBe(401);
    expect(after.error?.code).toBe('unauthenticated');
    expect((await me(other.json.accessToken)).status).toBe(200);
  });

  it('after a refresh token is reused: the tokens issued before and after the refresh', async () => {
    const first = await signIn(world.coach.email, password);
    const second = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect((await me(second.json.accessToken)).status).toBe(200);
    await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.json.refreshToken } });
    expect((await me(first.json.accessToken)).status).toBe(401);
    expect((await me(second.json.accessToken)).status).toBe(401);
  });

  it('after a password change: every sign-in of the account, but not the new one', async () => {
    const { makeAccount } = await import('../helpers/world.js');
    const person = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId });
    const elsewhere = await signIn(person.email, password);
    const browser = await harness.services.webSessions.start(person.accountId);
    const wrong = await call(harness.app, 'POST', '/v1/me/password', {
      token: person.token,
      body: { currentPassword: 'not my password at all', newPassword: 'saffron teapot mountain' },
    });
    expect(wrong.status).toBe(422);
    expect(fieldProblems(wrong)[0]).toMatchObject({ path: 'currentPassword' });
    expect((await me(person.token)).status).toBe(200);

    const changed = await call(harness.app, 'POST', '/v1/me/password', {
      token: person.token,
      body: { currentPassword: password, newPassword: 'saffron teapot mountain' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await me(person.token)).status).toBe(401);
    expect((await me(elsewhere.json.accessToken)).status).toBe(401);
    expect(
      (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: elsewhere.json.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await harness.services.webSessions.lookup(browser.token)).status).not.toBe('active');
    expect((await me(changed.json.accessToken)).status).toBe(200);
    expect((await signIn(person.email, password, '203.0.113.90')).status).toBe(401);
    expect((await signIn(person.email, 'saffron teapot mountain', '203.0.113.90')).status).toBe(200);
  });

  it('checks the sign-in with one lookup by id', async () => {
    const indexes = await harness.services.db.collection('sign_ins').indexes();
    expect(indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['_id_', 'account', 'purge_ttl']));
    // MongoDB's TTL monitor reads the real clock: the field it reads must be set from the real clock too.
    expect(indexes.find((index) => index.name === 'purge_ttl')?.key).toEqual({ purgeAfter: 1 });
    const session = await signIn(world.admin.email, password);
    const { sid } = JSON.parse(Buffer.from(session.json.accessToken.split('.')[1]!, 'base64url').toString());
    const stored = await harness.services.db.collection('sign_ins').findOne({ _id: sid });
    expect(stored!.purgeAfter.getTime()).toBeGreaterThan(Date.now());
    const plan = await harness.services.db.collection('sign_ins').find({ _id: sid }).explain('executionStats');
    expect(plan.executionStats.totalDocsExamined).toBe(1);
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toMatch(/IDHACK|EXPRESS_IXSCAN|IXSCAN/);
  });
});

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after repeated failures on one account, and recovers after the window', async () => {
    await harness.services.db.collection('login_throttle').deleteMany({});
    for (let i = 0; i < 5; i++)
      expect((await signIn(world.youngPerson.email, `wrong password number ${i}`, `192.0.2.${i}`)).status).toBe(401);
    const blocked = await signIn(world.youngPerson.email, password, '192.0.2.99');
    expect(blocked.status).toBe(429);
    expect(blocked.error?.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    clock.advance((retryAfter + 1) * 1000);
    expect((await signIn(world.youngPerson.email, password, '192.0.2.99')).status).toBe(200);
  });

  it('forgets the failures counted on an account after a successful sign-in, and writes nothing to the counters when there were none', async () => {
    const counters = harness.services.db.collection('login_throttle');
    await counters.deleteMany({});
    for (let i = 0; i < 4; i++)
      expect((await signIn(world.delegate.email, `wrong password number ${i}`, `192.0.2.${20 + i}`)).status).toBe(401);
    expect(await counters.countDocuments({ _id: { $regex: '^account:' } } as object)).toBe(1);
    expect((await signIn(world.delegate.email, password, '192.0.2.30')).status).toBe(200);
    expect(await counters.countDocuments({ _id: { $regex: '^account:' } } as object)).toBe(0);
    // Four more failures are allowed again before the fifth locks the account.
    for (let i = 0; i < 4; i++)
      expect((await signIn(world.delegate.email, `wrong password again ${i}`, `192.0.2.${40 + i}`)).status).toBe(401);
    expect((await signIn(world.delegate.email, password, '192.0.2.50')).status).toBe(200);

    const deletes = vi.spyOn(counters.constructor.prototype, 'deleteOne');
    try {
      expect((await signIn(world.delegate.email, password, '192.0.2.51')).status).toBe(200);
      expect(deletes).not.toHaveBeenCalled();
    } finally {
      deletes.mockRestore();
    }
  });

  it('stores no sign-in and no refresh token for a wrong password, though the tokens are signed during the hash', async () => {
    const { db } = harness.services;
    const account = await db.collection('accounts').findOne({ email: world.coach.email });
    const [signInsBefore, tokensBefore] = await Promise.all([
      db.collection('sign_ins').countDocuments({ accountId: account!._id }),
      db.collection('refresh_tokens').countDocuments({ accountId: account!._id }),
    ]);
    const wrong = await signIn(world.coach.email, 'not the right password at all', '192.0.2.60');
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.json)).not.toMatch(/eyJ/);
    expect(await db.collection('sign_ins').countDocuments({ accountId: account!._id })).toBe(signInsBefore);
    expect(await db.collection('refresh_tokens').countDocuments({ accountId: account!._id })).toBe(tokensBefore);
  });

  it('throttles one client address trying many accounts', async () => {
    const address = '203.0.113.77';
    for (let i = 0; i < 30; i++) await signIn(`someone${i}@example.org`, 'guessing a password here', address);
    const blocked = await signIn(world.coach.email, password, address);
    expect(blocked.status).toBe(429);
    expect((await signIn(world.coach.email, password, '203.0.113.78')).status).toBe(200);
    clock.advance(901_000);
    expect((await signIn(world.coach.email, password, address)).status).toBe(200);
  });
});
