import { randomBytes, scryptSync } from 'node:crypto';
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { HashingSlots, owaspArgon2Cost, PasswordHasher, passwordProblem } from '../../src/auth/passwords.js';

const cheap = new PasswordHasher({ memoryKib: 1024, iterations: 2 });
const secret = 'kettle orchard lantern';

/** A hash in the format the service stored before Argon2id. */
function scryptHash(password: string, cost = 16384): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: cost, r: 8, p: 1 });
  return `scrypt$${cost}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

describe('password hashing', () => {
  it('hashes with Argon2id at OWASP’s parameters by default (m = 19 MiB, t = 2, p = 1)', async () => {
    const stored = await new PasswordHasher().hash(secret);
    expect(stored.startsWith('$argon2id$v=19$')).toBe(true);
    expect(parseOptions(stored)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1, saltLen: 16 });
    expect(owaspArgon2Cost).toEqual({ memoryKib: 19_456, iterations: 2 });
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await cheap.hash(secret);
    expect(await cheap.verify(secret, stored)).toBe(true);
    expect(await cheap.verify('kettle orchard lanterns', stored)).toBe(false);
    expect(await cheap.hash(secret)).not.toBe(stored);
  });

  it('treats the same text typed in another Unicode form as the same password', async () => {
    const stored = await cheap.hash('café au lait please');
    expect(await cheap.verify('cafe\u0301 au lait please', stored)).toBe(true);
  });

  it('still verifies hashes made with scrypt before Argon2id, and asks for them to be rehashed', async () => {
    const stored = scryptHash(secret);
    expect(await cheap.verify(secret, stored)).toBe(true);
    expect(await cheap.verify('not the password at all', stored)).toBe(false);
    expect(cheap.needsRehash(stored)).toBe(true);
  });

  it('asks to rehash an Argon2id hash made with other parameters, and only then', async () => {
    expect(cheap.needsRehash(await cheap.hash(secret))).toBe(false);
    expect(cheap.needsRehash(await new PasswordHasher({ memoryKib: 2048, iterations: 2 }).hash(secret))).toBe(true);
    expect(cheap.needsRehash(await new PasswordHasher({ memoryKib: 1024, iterations: 3 }).hash(secret))).toBe(true);
  });

  it('refuses, without throwing, a stored value it cannot read', async () => {
    for (const stored of [
      '',
      'plain text',
      'scrypt$16384$8$1$',
      '$argon2id$v=19$m=1024,t=2,p=1$broken',
      '$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaA',
    ]) {
      expect(await cheap.verify(secret, stored), stored).toBe(false);
      expect(cheap.needsRehash(stored), stored).toBe(true);
    }
  });

  it('hashes on the thread pool: the call returns at once and the event loop keeps turning while the hash runs', async () => {
    const owasp = new PasswordHasher();
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    const called = performance.now();
    const pending = owasp.hash(secret);
    const returnedAfter = performance.now() - called;
    await pending;
    const total = performance.now() - called;
    clearInterval(tick);
    expect(returnedAfter).toBeLessThan(total / 2);
    expect(turns).toBeGreaterThan(0);
  });
});

describe('hashing slots', () => {
  it('run at most their size at once, the rest in the order they came, and free a slot when work fails', async () => {
    const slots = new HashingSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) =>
      slots.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        order.push(n);
        if (n === 1) throw new Error('hash failed');
        return n;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(work));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(order.slice(2)).toEqual([2, 3, 4]);
    expect(await slots.run(async () => 'still free')).toBe('still free');
  });
});

describe('the rules a new password must keep', () => {
  it('says exactly which part of the email a password must not contain', () => {
    expect(passwordProblem('admin-kettle-orchard', { email: 'admin@demo.example' })).toBe(
      'must not contain "admin", the part of your email address before the @',
    );
  });

  it('says a password must not contain the name, and accepts one that contains neither', () => {
    expect(passwordProblem('orchard-samtaylor-9', { email: 'sam@x.example', name: 'Sam Taylor' })).toBe(
      'must not contain your name',
    );
    expect(
      passwordProblem('kettle-orchard-lantern-7', { email: 'admin@demo.example', name: 'Sam Taylor' }),
    ).toBeUndefined();
  });
});
