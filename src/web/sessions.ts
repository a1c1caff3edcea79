import { createHash, randomBytes } from 'node:crypto';
import { type Collection, type Db, ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';

/** A signed-in browser is signed out after this long without a request. */
export const sessionIdleMs = 30 * 60_000;
/** ...and after this long in any case. */
export const sessionAbsoluteMs = 12 * 60 * 60_000;
/** Recording activity costs a write, so it is recorded at most this often. */
const touchEveryMs = 60_000;

export interface Flash {
  heading: string;
  body?: string;
}

interface WebSessionDoc {
  _id: ObjectId;
  /** SHA-256 of the cookie value; the value itself is never stored. */
  tokenHash: string;
  accountId: ObjectId;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute end, by the service clock; a lookup after it ends the session. */
  expiresAt: Date;
  /** The same end by the real clock, which MongoDB's TTL monitor reads: it removes the document then. */
  purgeAfter?: Date;
  /** For a delegate: the young person they chose to act for, and the name to show on every page. */
  actingFor?: { youngPersonId: ObjectId; name: string };
  /** A message for the next page after a successful form (Post/Redirect/Get). */
  flash?: Flash;
}

export interface WebSession {
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  actingFor?: { youngPersonId: string; name: string };
  flash?: Flash;
}

export const webSessionsCollection: CollectionSpec = {
  name: 'web_sessions',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'tokenHash', 'accountId', 'csrfToken', 'createdAt', 'lastSeenAt', 'expiresAt'],
    properties: {
      tokenHash: { bsonType: 'string' },
      accountId: { bsonType: 'objectId' },
      csrfToken: { bsonType: 'string' },
      createdAt: { bsonType: 'date' },
      lastSeenAt: { bsonType: 'date' },
      expiresAt: { bsonType: 'date' },
      purgeAfter: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { tokenHash: 1 }, name: 'token_hash', unique: true },
    { key: { accountId: 1 }, name: 'account' },
    // On `purgeAfter`, not `expiresAt`: a service clock set in the past (tests, demos) would
    // otherwise have sessions removed within a minute of being made.
    { key: { purgeAfter: 1 }, name: 'purge_ttl', expireAfterSeconds: 0 },
  ],
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');

function toSession(doc: WebSessionDoc): WebSession {
  return {
    id: doc._id.toHexString(),
    accountId: doc.accountId.toHexString(),
    csrfToken: doc.csrfToken,
    createdAt: doc.createdAt,
    lastSeenAt: doc.lastSeenAt,
    expiresAt: doc.expiresAt,
    ...(doc.actingFor
      ? { actingFor: { youngPersonId: doc.actingFor.youngPersonId.toHexString(), name: doc.actingFor.name } }
      : {}),
    ...(doc.flash ? { flash: doc.flash } : {}),
  };
}

export type SessionLookup = { status: 'active'; session: WebSession } | { status: 'expired' } | { status: 'none' };

/**
 * Browser sessions: an opaque random id in a cookie, only its hash in MongoDB, ended after 30
 * minutes without activity or 12 hours in all, whichever is first.
 */
export class WebSessions {
  readonly #sessions: Collection<WebSessionDoc>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.#sessions = db.collection<WebSessionDoc>(webSessionsCollection.name);
  }

  /** Starts a new session (a new id every sign-in) and returns the cookie value. */
  async start(accountId: string): Promise<{ token: string; session: WebSession }> {
    const token = randomToken();
    const now = this.clock.now();
    const doc: WebSessionDoc = {
      _id: new ObjectId(),
      tokenHash: hashToken(token),
      accountId: new ObjectId(accountId),
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionAbsoluteMs),
      purgeAfter: new Date(Date.now() + sessionAbsoluteMs),
    };
    await this.#sessions.insertOne(doc);
    return { token, session: toSession(doc) };
  }

  /** Finds the session of a cookie value, ending it if it has timed out; records activity. */
  async lookup(token: string): Promise<SessionLookup> {
    const doc = await this.#sessions.findOne({ tokenHash: hashToken(token) });
    if (!doc) return { status: 'none' };
    const now = this.clock.now().getTime();
    if (doc.expiresAt.getTime() <= now || doc.lastSeenAt.getTime() + sessionIdleMs <= now) {
      await this.#sessions.deleteOne({ _id: doc._id });
      return { status: 'expired' };
    }
    if (now - doc.lastSeenAt.getTime() >= touchEveryMs) {
      doc.lastSeenAt = new Date(now);
      await this.#sessions.updateOne({ _id: doc._id }, { $set: { lastSeenAt: doc.lastSeenAt } });
    }
    return { status: 'active', session: toSession(doc) };
  }

  async end(id: string): Promise<void> {
    await this.#sessions.deleteOne({ _id: new ObjectId(id) });
  }

  /** Ends every browser session of an account (disabled, or its password changed). */
  async endAllFor(accountId: string): Promise<void> {
    await this.#sessions.deleteMany({ accountId: new ObjectId(accountId) });
  }

  async setFlash(id: string, flash: Flash): Promise<void> {
    await this.#sessions.updateOne({ _id: new ObjectId(id) }, { $set: { flash } });
  }

  /** Removes the flash message once a page has shown it. */
  async clearFlash(id: string): Promise<void> {
    await this.#sessions.updateOne({ _id: new ObjectId(id) }, { $unset: { flash: '' } });
  }

  async actFor(id: string, youngPersonId: string, name: string): Promise<void> {
    await this.#sessions.updateOne(
      { _id: new ObjectId(id) },
      { $set: { actingFor: { youngPersonId: new ObjectId(youngPersonId), name } } },
    );
  }
}
