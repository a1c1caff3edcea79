import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignInAddressKeys, signInAddressLimits } from '../../src/auth/sign-in-addresses.js';
import { ManualClock } from '../../src/core/clock.js';
import { msPerDay } from '../../src/core/dates.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { password } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));
let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ clock, env: { TRUST_PROXY: 'true' } });
});
afterAll(() => harness.close());

let counter = 0;
/** An account that has never signed in. */
async function newAccount(): Promise<{ id: string; email: string }> {
  const email = `addresses.${++counter}.${Date.now().toString(36)}@example.org`;
  const account = await harness.services.accounts.insert({
    email,
    name: 'Sam Address',
    role: 'job_coach',
    status: 'active',
    passwordHash: await harness.services.hasher.hash(password),
  });
  return { id: account.id, email };
}

async function signInFrom(email: string, address: string, pass = password) {
  const response = await call(harness.app, 'POST', '/v1/auth/token', {
    body: { email, password: pass },
    headers: { 'x-forwarded-for': address },
  });
  expect(response.status, response.text).toBe(200);
  return response.json as { accessToken: string };
}

/** The reasons of the new-sign-in warnings queued for this email, oldest first. */
async function warnings(email: string): Promise<string[]> {
  const queued = await harness.services.notifications.outbox.collection
    .find({ kind: 'security_new_sign_in', 'to.email': email })
    .sort({ _id: 1 })
    .toArray();
  return queued.map((notification) => String(notification.facts.reason));
}

const accountDoc = (id: string) => harness.services.accounts.collection.findOne({ _id: new ObjectId(id) });

describe('remembered sign-in addresses', () => {
  it('never warn on the first sign-in; a new address warns once, and the same address again does not', async () => {
    const { email } = await newAccount();
    await signInFrom(email, '198.51.100.20');
    await signInFrom(email, '198.51.100.20');
    expect(await warnings(email)).toEqual([]);
    await signInFrom(email, '198.51.100.21');
    expect(await warnings(email)).toEqual(['new_address']);
    await signInFrom(email, '198.51.100.21');
    await signInFrom(email, '198.51.100.20');
    expect(await warnings(email)).toEqual(['new_address']);
  });

  it('are kept as keyed hashes, never as the address', async () => {
    const { id, email } = await newAccount();
    await signInFrom(email, '198.51.100.30');
    await signInFrom(email, '2001:db8::30');
    const doc = await accountDoc(id);
    expect(doc?.signInAddresses).toHaveLength(2);
    for (const seen of doc?.signInAddresses ?? []) expect(seen.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = JSON.stringify(doc);
    expect(stored).not.toContain('198.51.100.30');
    expect(stored).not.toContain('2001:db8::30');
  });

  it('are keyed by the service secret: the same address gives another key under another secret', () => {
    const ours = new SignInAddressKeys('secret-one-secret-one-secret-one-0123');
    const theirs = new SignInAddressKeys('secret-two-secret-two-secret-two-0123');
    expect(ours.of('198.51.100.31')).toBe(ours.of(' 198.51.100.31 '));
    expect(ours.of('2001:DB8::31')).toBe(ours.of('2001:db8::31'));
    expect(ours.of('198.51.100.31')).not.toBe(ours.of('198.51.100.32'));
    expect(ours.of('198.51.100.31')).not.toBe(theirs.of('198.51.100.31'));
  });

  it('warn once when two sign-ins from a new address arrive together', async () => {
    const { email } = await newAccount();
    await signInFrom(email, '198.51.100.40');
    await Promise.all([signInFrom(email, '198.51.100.41'), signInFrom(email, '198.51.100.41')]);
    expect(await warnings(email)).toEqual(['new_address']);
  });

  it(`keep only the last ${signInAddressLimits.kept}: the oldest is forgotten and warns again`, async () => {
    const { id, email } = await newAccount();
    const address = (n: number) => `203.0.113.${n}`;
    for (let n = 0; n <= signInAddressLimits.kept; n++) await signInFrom(email, address(n));
    expect((await accountDoc(id))?.signInAddresses).toHaveLength(signInAddressLimits.kept);
    expect(await warnings(email)).toHaveLength(signInAddressLimits.kept);
    await signInFrom(email, address(signInAddressLimits.kept));
    expect(await warnings(email)).toHaveLength(signInAddressLimits.kept);
    await signInFrom(email, address(0));
    expect(await warnings(email)).toHaveLength(signInAddressLimits.kept + 1);
    expect((await accountDoc(id))?.signInAddresses).toHaveLength(signInAddressLimits.kept);
  });

  it(`forget an address unused for ${signInAddressLimits.forgetAfterDays} days`, async () => {
    const { email } = await newAccount();
    await signInFrom(email, '198.51.100.50');
    clock.advance(200 * msPerDay);
    await signInFrom(email, '198.51.100.51');
    expect(await warnings(email)).toEqual(['new_address']);
    clock.advance((signInAddressLimits.forgetAfterDays - 199) * msPerDay);
    await signInFrom(email, '198.51.100.51');
    expect(await warnings(email)).toEqual(['new_address']);
    await signInFrom(email, '198.51.100.50');
    expect(await warnings(email)).toEqual(['new_address', 'new_address']);
  });

  it('warn once after a password change, even from a known address', async () => {
    const { email } = await newAccount();
    const { accessToken } = await signInFrom(email, '198.51.100.60');
    const changed = await call(harness.app, 'POST', '/v1/me/password', {
      token: accessToken,
      body: { currentPassword: password, newPassword: 'marmalade lighthouse sparrow' },
    });
    expect(changed.status, changed.text).toBe(200);
    await signInFrom(email, '198.51.100.60', 'marmalade lighthouse sparrow');
    await signInFrom(email, '198.51.100.60', 'marmalade lighthouse sparrow');
    expect(await warnings(email)).toEqual(['after_password_change']);
  });

  it('are the only thing a sign-in reads to decide: the audit trail is not read', async () => {
    const { email } = await newAccount();
    await signInFrom(email, '198.51.100.70');
    const find = vi.spyOn(harness.services.audit, 'find');
    try {
      await signInFrom(email, '198.51.100.71');
      await signInFrom(email, '198.51.100.70');
      expect(find).not.toHaveBeenCalled();
    } finally {
      find.mockRestore();
    }
    expect(await warnings(email)).toEqual(['new_address']);
  });

  it('start from the audit trail, once, for an account whose sign-ins came before they were remembered', async () => {
    const { id, email } = await newAccount();
    // As the sign-in-addresses migration leaves an account that had signed in: a last sign-in, no remembered addresses.
    await harness.services.accounts.collection.updateOne(
      { _id: new ObjectId(id) },
      { $set: { lastSignInAt: clock.now() } },
    );
    await harness.services.audit.record({
      action: 'auth.sign_in',
      outcome: 'success',
      actor: { accountId: id, role: 'job_coach', ip: '198.51.100.80' },
      requestId: 'before-migration',
    });
    const find = vi.spyOn(harness.services.audit, 'find');
    try {
      await signInFrom(email, '198.51.100.80');
      expect(find).toHaveBeenCalled();
      expect(await warnings(email)).toEqual([]);
      find.mockClear();
      await signInFrom(email, '198.51.100.81');
      expect(find).not.toHaveBeenCalled();
      expect(await warnings(email)).toEqual(['new_address']);
    } finally {
      find.mockRestore();
    }

    const other = await newAccount();
    await harness.services.accounts.collection.updateOne(
      { _id: new ObjectId(other.id) },
      { $set: { lastSignInAt: clock.now() } },
    );
    await harness.services.audit.record({
      action: 'auth.sign_in',
      outcome: 'success',
      actor: { accountId: other.id, role: 'job_coach', ip: '198.51.100.82' },
      requestId: 'before-migration-2',
    });
    await signInFrom(other.email, '198.51.100.83');
    expect(await warnings(other.email)).toEqual(['new_address']);
  });
});
