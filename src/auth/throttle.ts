import { createHash } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';

interface CounterDoc {
  _id: string;
  failures: number;
  windowStart: Date;
  expireAt: Date;
}

export const loginThrottleCollection: CollectionSpec = {
  name: 'login_throttle',
  indexes: [{ key: { expireAt: 1 }, name: 'expire_ttl', expireAfterSeconds: 0 }],
};

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export interface ThrottleState {
  retryAfter: number;
  accountFailures: boolean;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 30, windowSeconds: 900 };

/** Password-reset emails: a few an hour to one address, so nobody can flood an inbox or guess by volume. */
export const defaultPasswordResetLimits: ThrottleLimits = { perAccount: 3, perAddress: 20, windowSeconds: 3600 };

/**
 * Counts failed sign-ins per account (by a hash of the email, so unknown emails are counted
 * the same way and nothing readable is stored) and per client address, in fixed windows.
 * Kept in MongoDB so that every instance of the service sees the same counts.
 */
export class LoginThrottle {
  readonly #counters: Collection<CounterDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
    /** Keeps the counts of another kind of attempt (password-reset requests) apart from sign-ins'. */
    private readonly scope = '',
  ) {
    this.#counters = db.collection<CounterDoc>(loginThrottleCollection.name);
  }

  keys(email: string, address: string): { account: string; address: string } {
    return {
      account: `${this.scope}account:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`,
      address: `${this.scope}address:${address}`,
    };
  }

  /**
   * Seconds until another attempt is allowed (`retryAfter`, 0 when one may be made now), and
   * whether the account has failures counted, which a successful sign-in then clears.
   */
  async check(keys: { account: string; address: string }): Promise<ThrottleState> {
    const now = this.clock.now().getTime();
    const docs = await this.#counters.find({ _id: { $in: [keys.account, keys.address] } }).toArray();
    let retryAfter = 0;
    for (const doc of docs) {
      const limit = doc._id === keys.account ? this.limits.perAccount : this.limits.perAddress;
      const windowEnd = doc.windowStart.getTime() + this.limits.windowSeconds * 1000;
      if (doc.failures >= limit && windowEnd > now)
        retryAfter = Math.max(retryAfter, Math.ceil((windowEnd - now) / 1000));
    }
    return { retryAfter, accountFailures: docs.some((doc) => doc._id === keys.account) };
  }

  async recordFailure(keys: { account: string; address: string }): Promise<void> {
    const now = this.clock.now();
    const windowMs = this.limits.windowSeconds * 1000;
    const staleBefore = new Date(now.getTime() - windowMs);
    await Promise.all(
      [keys.account, keys.address].map((key) =>
        this.#counters.updateOne(
          { _id: key },
          [
            {
              $set: {
                fresh: { $or: [{ $not: ['$windowStart'] }, { $lt: ['$windowStart', staleBefore] }] },
              },
            },
            {
              $set: {
                failures: { $cond: ['$fresh', 1, { $add: ['$failures', 1] }] },
                windowStart: { $cond: ['$fresh', now, '$windowStart'] },
                // MongoDB's TTL monitor deletes by the real clock, so the purge time is set from it: a
                // service clock set in the past (tests, demos) would otherwise lose counters mid-window.
                expireAt: new Date(Date.now() + windowMs * 2),
              },
            },
            { $unset: 'fresh' },
          ],
          { upsert: true },
        ),
      ),
    );
  }

  /**
   * A successful sign-in clears the account's counter (not the address's). Without one at the
   * check there is nothing to clear, and no write is made: a failure counted since then by a
   * concurrent attempt stays, as it would had it come just after this sign-in.
   */
  async recordSuccess(keys: { account: string }, checked: ThrottleState): Promise<void> {
    if (checked.accountFailures) await this.#counters.deleteOne({ _id: keys.account });
  }
}
