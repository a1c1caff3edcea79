import type { Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import { daysAfter } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';

export type SignInEndReason =
  | 'sign_out'
  | 'refresh_reuse'
  | 'password_change'
  | 'account_disabled'
  | 'account_inactive';

interface SignInDoc {
  /** The refresh-token family id: one sign-in, however many times its tokens are refreshed. */
  _id: string;
  accountId: ObjectId;
  startedAt: Date;
  expiresAt: Date;
  /** When MongoDB may delete the record; on the real clock, which is the one its TTL monitor reads. */
  purgeAfter: Date;
  endedAt?: Date;
  endReason?: SignInEndReason;
}

export const signInsCollection: CollectionSpec = {
  name: 'sign_ins',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'accountId', 'startedAt', 'expiresAt'],
    properties: {
      _id: { bsonType: 'string' },
      accountId: { bsonType: 'objectId' },
      startedAt: { bsonType: 'date' },
      expiresAt: { bsonType: 'date' },
      endedAt: { bsonType: 'date' },
      endReason: { enum: ['sign_out', 'refresh_reuse', 'password_change', 'account_disabled', 'account_inactive'] },
    },
  },
  indexes: [
    { key: { accountId: 1 }, name: 'account' },
    // A sign-in whose refresh tokens have all expired can no longer mint access tokens; its access
    // tokens are long expired by the time this removes it (a day later). The TTL monitor reads the
    // real clock, so it reads `purgeAfter` (set from the real clock), never the service clock's
    // `expiresAt`: a service clock set in the past would otherwise end sign-ins within a minute.
    { key: { purgeAfter: 1 }, name: 'purge_ttl', expireAfterSeconds: 86_400 },
  ],
};

/**
 * Sign-ins (sessions) behind access tokens. Every access token names its sign-in (`sid`), and
 * every request checks that the sign-in has not ended: one lookup by `_id`, run beside the account
 * lookup. So signing out, a reused refresh token and a password change stop access at once,
 * not when the access token expires.
 */
export class SignIns {
  readonly #signIns: Collection<SignInDoc>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ttlDays: number,
  ) {
    this.#signIns = db.collection<SignInDoc>(signInsCollection.name);
  }

  async start(accountId: string, signInId: string): Promise<void> {
    const now = this.clock.now();
    await this.#signIns.insertOne({
      _id: signInId,
      accountId: new ObjectId(accountId),
      startedAt: now,
      expiresAt: this.#expiry(now),
      purgeAfter: this.#purgeAfter(),
    });
  }

  /** A refresh keeps the sign-in going as long as its newest refresh token. */
  async extend(signInId: string): Promise<void> {
    await this.#signIns.updateOne(
      { _id: signInId, endedAt: { $exists: false } },
      { $set: { expiresAt: this.#expiry(this.clock.now()), purgeAfter: this.#purgeAfter() } },
    );
  }

  async isActive(signInId: string, accountId: string): Promise<boolean> {
    const found = await this.#signIns.findOne({ _id: signInId }, { projection: { accountId: 1, endedAt: 1 } });
    return !!found && !found.endedAt && found.accountId.toHexString() === accountId;
  }

  async end(signInId: string, reason: SignInEndReason): Promise<void> {
    await this.#signIns.updateOne(
      { _id: signInId, endedAt: { $exists: false } },
      { $set: { endedAt: this.clock.now(), endReason: reason } },
    );
  }

  async endAllOf(accountId: string, reason: SignInEndReason): Promise<void> {
    await this.#signIns.updateMany(
      { accountId: new ObjectId(accountId), endedAt: { $exists: false } },
      { $set: { endedAt: this.clock.now(), endReason: reason } },
    );
  }

  #expiry(from: Date): Date {
    return daysAfter(from, this.ttlDays);
  }

  #purgeAfter(): Date {
    return daysAfter(new Date(), this.ttlDays);
  }
}
