import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import { isOptionalKind, type NotificationKind, type OptionalKind, optionalKinds } from './kinds.js';

export interface NotificationPreferences {
  /** Whether each optional kind is emailed; every kind is on until the person turns it off. */
  email: Record<OptionalKind, boolean>;
  /** One email a day with everything instead of one email each (security emails still come at once). */
  dailyDigest: boolean;
}

interface PreferencesDoc {
  _id: ObjectId;
  off: OptionalKind[];
  dailyDigest: boolean;
  updatedAt: Date;
}

export const notificationPreferencesCollection: CollectionSpec = {
  name: 'notification_preferences',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'off', 'dailyDigest', 'updatedAt'],
    properties: {
      off: { bsonType: 'array', items: { enum: [...optionalKinds] } },
      dailyDigest: { bsonType: 'bool' },
      updatedAt: { bsonType: 'date' },
    },
  },
  indexes: [],
};

const toPreferences = (doc: PreferencesDoc | null): NotificationPreferences => ({
  email: Object.fromEntries(optionalKinds.map((kind) => [kind, !doc?.off.includes(kind)])) as Record<
    OptionalKind,
    boolean
  >,
  dailyDigest: doc?.dailyDigest ?? false,
});

/** Each account's choices about email; an account with no record gets every kind, one by one. */
export class PreferencesRepository {
  readonly collection: Collection<PreferencesDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<PreferencesDoc>(notificationPreferencesCollection.name);
  }

  async of(accountId: string): Promise<NotificationPreferences> {
    return toPreferences(await this.collection.findOne({ _id: new ObjectId(accountId) }));
  }

  async replace(accountId: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
    const off = optionalKinds.filter((kind) => !preferences.email[kind]);
    await this.collection.updateOne(
      { _id: new ObjectId(accountId) },
      { $set: { off, dailyDigest: preferences.dailyDigest, updatedAt: this.clock.now() } },
      { upsert: true },
    );
    return this.of(accountId);
  }

  /** Turns one kind off and leaves every other choice as it was. */
  async turnOff(accountId: string, kind: OptionalKind): Promise<void> {
    await this.collection.updateOne(
      { _id: new ObjectId(accountId) },
      { $addToSet: { off: kind }, $set: { updatedAt: this.clock.now() }, $setOnInsert: { dailyDigest: false } },
      { upsert: true },
    );
  }
}

/**
 * One-click unsubscribe links (RFC 8058) carry the account, the kind and a MAC over both, so
 * that the link works without signing in but cannot be changed to touch another kind or account.
 */
export class UnsubscribeLinks {
  readonly #key: Buffer;
  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('notification-unsubscribe').digest();
  }

  #mac(accountId: string, kind: string): string {
    return createHmac('sha256', this.#key).update(`${accountId}:${kind}`).digest('base64url').slice(0, 32);
  }

  token(accountId: string, kind: OptionalKind): string {
    return `${accountId}.${kind}.${this.#mac(accountId, kind)}`;
  }

  /** The account and kind a token names, or undefined when it was not made here. */
  verify(token: string): { accountId: string; kind: OptionalKind } | undefined {
    const [accountId, kind, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !accountId || !kind || !mac || !/^[0-9a-f]{24}$/.test(accountId) || !isOptionalKind(kind))
      return undefined;
    const expected = Buffer.from(this.#mac(accountId, kind));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { accountId, kind };
  }
}

export const unsubscribePath = (token: string) => `/notifications/unsubscribe/${token}`;

export function wantsEmail(preferences: NotificationPreferences, kind: NotificationKind): 'send' | 'hold' | 'suppress' {
  if (!isOptionalKind(kind)) return 'send';
  if (!preferences.email[kind]) return 'suppress';
  return preferences.dailyDigest ? 'hold' : 'send';
}
