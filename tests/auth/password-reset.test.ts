import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
import { mainLink, SmtpSink } from '../helpers/mail.js';
import {
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
  password,
  signIn,
} from '../helpers/world.js';

const publicUrl = 'https://internships.example.org';
const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;
const newPassword = 'marmalade lighthouse sparrow';

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ clock, env: { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl, TRUST_PROXY: 'true' } });
  world = await makeProvider(harness);
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

let client = 0;
/** Each test asks from its own client address, so that the per-address limit is only met where a test means to. */
const nextClient = () => `192.0.2.${++client}`;

const requestReset = (email: string, from: string) =>
  call(harness.app, 'POST', '/v1/auth/password-reset', { body: { email }, headers: { 'x-forwarded-for': from } });
const confirm = (token: string, chosen = newPassword) =>
  call(harness.app, 'POST', '/v1/auth/password-reset/confirm', { body: { token, newPassword: chosen } });

/** Sends what the outbox holds through the real SMTP server and returns the token of the newest reset email to `email`. */
async function emailedToken(email: string): Promise<string> {
  await harness.services.notificationDelivery!.drain();
  const mails = sink.to(email).filter((mail) => mail.kind === 'password_reset');
  if (mails.length === 0) throw new Error(`no reset email to ${email}`);
  const link = mainLink(mails[mails.length - 1]!, publicUrl);
  expect(link.pathname).toMatch(/^\/password-reset\/[A-Za-z0-9_-]{43}$/);
  return link.pathname.split('/').pop()!;
}

function freshAccount(): Promise<Person> {
  return makeAccount(harness, { role: 'job_coach', providerId: world.providerId });
}

describe('forgotten password', () => {
  it('emails a one-time link that sets a new password and ends every sign-in of the account', async () => {
    const person = await freshAccount();
    const refresh = await call(harness.app, 'POST', '/v1/auth/token', { body: { email: person.email, password } });
    const browser = await harness.services.webSessions.start(person.accountId);

    const asked = await requestReset(person.email, nextClient());
    expect(asked.status).toBe(202);
    const token = await emailedToken(person.email);
    const mail = sink.to(person.email).find((sent) => sent.kind === 'password_reset')!;
    expect(mail.subject).toBe('Choose a new password for Supported internships');
    expect(mail.text).toContain('The link works once, until 1 April 2026 at 11:00 BST');

    const stored = JSON.stringify(await harness.services.db.collection('invitations').find({}).toArray());
    expect(stored).toContain('password_reset');
    expect(stored).not.toContain(token);
    const outbox = JSON.stringify(await harness.services.notifications.outbox.collection.find({}).toArray());
    expect(outbox).not.toContain(token);

    expect((await confirm(token)).status).toBe(204);
    expect((await call(harness.app, 'GET', '/v1/me', { token: person.token })).status).toBe(401);
    const refreshed = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: refresh.json.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect(await harness.services.webSessions.lookup(browser.token)).toEqual({ status: 'none' });
    expect(
      (await call(harness.app, 'POST', '/v1/auth/token', { body: { email: person.email, password } })).status,
    ).toBe(401);
    expect(await signIn(harness, person.email, newPassword)).toBeTruthy();
  });

  it('gives the same answer for an address no account has, and for a disabled account, and emails neither', async () => {
    const known = await freshAccount();
    const disabled = await freshAccount();
    await harness.services.accounts.setStatus(disabled.accountId, 'disabled');
    const unknown = `nobody.${Date.now()}@example.org`;
    const answers = await Promise.all(
      [known.email, unknown, disabled.email].map((email) => requestReset(email, nextClient())),
    );
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    await harness.services.notificationDelivery!.drain();
    expect(sink.to(known.email)).toHaveLength(1);
    expect(sink.to(unknown)).toHaveLength(0);
    expect(sink.to(disabled.email)).toHaveLength(0);
  });

  it('refuses a used link, a wrong one, an expired one and one replaced by a newer link', async () => {
    const person = await freshAccount();
    const from = nextClient();
    await requestReset(person.email, from);
    const first = await emailedToken(person.email);
    await requestReset(person.email, from);
    const second = await emailedToken(person.email);
    expect(second).not.toBe(first);
    expect((await confirm(first)).status).toBe(410);

    expect((await confirm(second)).status).toBe(204);
    const reused = await confirm(second, 'another lighthouse sparrow');
    expect(reused.status).toBe(410);
    expect(reused.error?.code).toBe('gone');

    const wrong = await confirm('Zq3v8KfR1pLx0sW7tY2bN5mC9dH4jG6aE1uI8oQ3rTk');
    expect(wrong.status).toBe(404);

    const late = await freshAccount();
    await requestReset(late.email, nextClient());
    const lateToken = await emailedToken(late.email);
    clock.advance(60 * 60_000 + 1);
    try {
      expect((await confirm(lateToken)).status).toBe(410);
    } finally {
      clock.advance(-(60 * 60_000 + 1));
    }
    // None of the refused links changed a password.
    expect(await signIn(harness, late.email)).toBeTruthy();
    expect(await signIn(harness, person.email, newPassword)).toBeTruthy();
  });

  it('refuses a password that is easy to guess, naming the field, and keeps the link usable', async () => {
    const person = await freshAccount();
    await requestReset(person.email, nextClient());
    const token = await emailedToken(person.email);
    const weak = await confirm(token, `${person.email.split('@')[0]} lantern`);
    expect(weak.status).toBe(422);
    expect(fieldProblems(weak).map((problem) => problem.path)).toEqual(['newPassword']);
    expect((await confirm(token)).status).toBe(204);
  });

  it('is never an invitation: its token cannot make an account', async () => {
    const person = await freshAccount();
    await requestReset(person.email, nextClient());
    const token = await emailedToken(person.email);
    const accepted = await call(harness.app, 'POST', '/v1/invitations/accept', {
      body: { token, password: newPassword },
    });
    expect(accepted.status).toBe(404);
  });

  it('limits requests for one address to 3 an hour, known or not, with the same answer', async () => {
    const known = await freshAccount();
    const unknown = `nobody.else.${Date.now()}@example.org`;
    for (const email of [known.email, unknown]) {
      for (let i = 0; i < 3; i += 1) expect((await requestReset(email, nextClient())).status).toBe(202);
    }
    const [knownFourth, unknownFourth] = await Promise.all([
      requestReset(known.email, nextClient()),
      requestReset(unknown, nextClient()),
    ]);
    expect([knownFourth.status, unknownFourth.status]).toEqual([429, 429]);
    expect(knownFourth.error?.message).toBe(unknownFourth.error?.message);
    expect(Number(knownFourth.headers.get('retry-after'))).toBeGreaterThan(0);
    await harness.services.notificationDelivery!.drain();
    expect(sink.to(known.email)).toHaveLength(3);
    clock.advance(60 * 60_000 + 1);
    expect((await requestReset(known.email, nextClient())).status).toBe(202);
  });

  it('limits requests from one client address to 20 an hour', async () => {
    const from = nextClient();
    for (let i = 0; i < 20; i += 1) {
      expect((await requestReset(`someone.${i}.${Date.now()}@example.org`, from)).status).toBe(202);
    }
    expect((await requestReset(`someone.more.${Date.now()}@example.org`, from)).status).toBe(429);
    expect((await requestReset(`someone.more.${Date.now()}@example.org`, nextClient())).status).toBe(202);
  });

  it('names the field when the address is not an email address', async () => {
    const bad = await call(harness.app, 'POST', '/v1/auth/password-reset', {
      untypedBody: { email: 'not an address' },
    });
    expect(bad.status).toBe(400);
    expect(fieldProblems(bad).map((problem) => problem.path)).toEqual(['email']);
  });

  it('works for every role that signs in with a password', async () => {
    const employer = await makeEmployer(harness);
    const people = { ...world, employer: employer.staff };
    for (const role of ['admin', 'coach', 'youngPerson', 'delegate', 'employer'] as const) {
      const person = people[role];
      expect((await requestReset(person.email, nextClient())).status, role).toBe(202);
      expect((await confirm(await emailedToken(person.email))).status, role).toBe(204);
      expect(await signIn(harness, person.email, newPassword), role).toBeTruthy();
    }
  });
});
