import { randomUUID } from 'node:crypto';
import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import { type CollectionSpec, isDuplicateKey } from '../core/db/mongo.js';
import type { Backlog } from '../core/metrics.js';
import { type NotificationKind, notificationKinds } from './kinds.js';
import type { DigestItem, Facts } from './templates.js';

/**
 * - `pending`: waiting to be sent (or to be tried again);
 * - `held`: kept for the recipient's daily digest;
 * - `sent`, `digested` (went out inside a digest), `suppressed` (the recipient turned this kind off);
 * - `failed`: given up after the last attempt, shown to the provider's admins.
 */
export const notificationStatuses = ['pending', 'held', 'sent', 'digested', 'suppressed', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

export interface Recipient {
  email: string;
  name: string;
  accountId?: string;
}

export interface NewNotification {
  kind: NotificationKind;
  to: Recipient;
  /** The web app path the email links to. It may carry a one-time token, so it is dropped once sent. */
  path: string;
  facts: Facts;
  /** The provider whose admins see this notification if it cannot be delivered. */
  providerId?: string;
  /** The young people it is about, so that erasing one of them erases it too. */
  subjectIds?: string[];
  /** Makes a reminder idempotent: a second notification with the same key is never made. */
  dedupeKey?: string;
  digestItems?: DigestItem[];
}

export interface NotificationDoc {
  _id: ObjectId;
  kind: NotificationKind;
  status: NotificationStatus;
  to: { email: string; name: string; accountId?: ObjectId };
  path?: string;
  facts: Facts;
  providerId?: ObjectId;
  subjectIds?: ObjectId[];
  dedupeKey?: string;
  digestItems?: DigestItem[];
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil?: Date;
  claimId?: string;
  lastError?: string;
  sentAt?: Date;
  failedAt?: Date;
}

export const notificationsCollection: CollectionSpec = {
  name: 'notifications',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'kind', 'status', 'to', 'facts', 'createdAt', 'attempts', 'nextAttemptAt'],
    properties: {
      kind: { enum: [...notificationKinds] },
      status: { enum: [...notificationStatuses] },
      to: {
        bsonType: 'object',
        required: ['email', 'name'],
        properties: {
          email: { bsonType: 'string', maxLength: 254 },
          name: { bsonType: 'string', maxLength: 120 },
          accountId: { bsonType: 'objectId' },
        },
      },
      path: { bsonType: 'string', maxLength: 500 },
      facts: { bsonType: 'object' },
      providerId: { bsonType: 'objectId' },
      subjectIds: { bsonType: 'array', items: { bsonType: 'objectId' } },
      dedupeKey: { bsonType: 'string', maxLength: 200 },
      createdAt: { bsonType: 'date' },
      attempts: { bsonType: 'number' },
      nextAttemptAt: { bsonType: 'date' },
      lockedUntil: { bsonType: 'date' },
      claimId: { bsonType: 'string' },
      lastError: { bsonType: 'string', maxLength: 300 },
    },
  },
  indexes: [
    { key: { status: 1, nextAttemptAt: 1 }, name: 'due' },
    {
      key: { dedupeKey: 1 },
      name: 'dedupe_key',
      unique: true,
      partialFilterExpression: { dedupeKey: { $exists: true } },
    },
    { key: { 'to.accountId': 1, status: 1, createdAt: 1 }, name: 'recipient_status' },
    { key: { providerId: 1, status: 1, createdAt: -1 }, name: 'provider_status' },
    { key: { subjectIds: 1 }, name: 'subjects', partialFilterExpression: { subjectIds: { $exists: true } } },
  ],
};

/** A notification one worker holds until its lease ends. */
export interface ClaimedNotification {
  claimId: string;
  doc: NotificationDoc;
}

/**
 * The notifications outbox: the event that causes an email writes it here in the same
 * transaction, so an acknowledged event always gets its email, even if the mail server is down.
 */
export class NotificationOutbox {
  readonly collection: Collection<NotificationDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<NotificationDoc>(notificationsCollection.name);
  }

  #toDoc(item: NewNotification, now: Date): NotificationDoc {
    return {
      _id: new ObjectId(),
      kind: item.kind,
      status: 'pending',
      to: {
        email: item.to.email,
        name: item.to.name,
        ...(item.to.accountId ? { accountId: new ObjectId(item.to.accountId) } : {}),
      },
      path: item.path,
      facts: item.facts,
      ...(item.providerId ? { providerId: new ObjectId(item.providerId) } : {}),
      ...(item.subjectIds && item.subjectIds.length > 0
        ? { subjectIds: item.subjectIds.map((id) => new ObjectId(id)) }
        : {}),
      ...(item.dedupeKey ? { dedupeKey: item.dedupeKey } : {}),
      ...(item.digestItems ? { digestItems: item.digestItems } : {}),
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
    };
  }

  /** Adds notifications inside the caller's transaction. */
  async enqueue(items: NewNotification[], session?: ClientSession): Promise<void> {
    if (items.length === 0) return;
    const now = this.clock.now();
    await this.collection.insertMany(
      items.map((item) => this.#toDoc(item, now)),
      { session },
    );
  }

  /** Adds a notification unless one with its `dedupeKey` already exists; true when it was added. */
  async enqueueOnce(item: NewNotification & { dedupeKey: string }, session?: ClientSession): Promise<boolean> {
    try {
      const result = await this.collection.updateOne(
        { dedupeKey: item.dedupeKey },
        { $setOnInsert: this.#toDoc(item, this.clock.now()) },
        { upsert: true, session },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      // Two instances upserting the same key at once: the unique index lets one in.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Takes one due notification that nobody holds. The update re-checks that it is still free,
   * so of two workers racing for it only one gets it; the lease lets another worker take it
   * over if this one dies before finishing.
   */
  async claimNext(leaseMs: number): Promise<ClaimedNotification | undefined> {
    const now = this.clock.now();
    const claimId = randomUUID();
    const doc = await this.collection.findOneAndUpdate(
      {
        status: 'pending',
        nextAttemptAt: { $lte: now },
        lockedUntil: { $not: { $gt: now } },
      } as Filter<NotificationDoc>,
      { $set: { lockedUntil: new Date(now.getTime() + leaseMs), claimId } },
      { sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after' },
    );
    return doc ? { claimId, doc } : undefined;
  }

  /** Ends a claim in a final state; the link (which may carry a token) is dropped. */
  async finish(
    claim: ClaimedNotification,
    status: Exclude<NotificationStatus, 'pending'>,
    extra: { lastError?: string } = {},
  ): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.collection.updateOne(
      { _id: claim.doc._id, claimId: claim.claimId },
      {
        $set: {
          status,
          ...(status === 'sent' ? { sentAt: now } : {}),
          ...(status === 'failed' ? { failedAt: now } : {}),
          ...(extra.lastError ? { lastError: extra.lastError.slice(0, 300) } : {}),
        },
        $inc: { attempts: status === 'sent' || status === 'failed' ? 1 : 0 },
        $unset: { lockedUntil: '', claimId: '', ...(status === 'held' ? {} : { path: '' }) },
      },
    );
    return result.modifiedCount === 1;
  }

  /** Puts a notification back to be tried again at `nextAttemptAt`. */
  async retryLater(claim: ClaimedNotification, nextAttemptAt: Date, reason: string): Promise<void> {
    await this.collection.updateOne(
      { _id: claim.doc._id, claimId: claim.claimId },
      {
        $set: { nextAttemptAt, lastError: reason.slice(0, 300) },
        $inc: { attempts: 1 },
        $unset: { lockedUntil: '', claimId: '' },
      },
    );
  }

  /** The emails waiting to be sent (or sent again), and the oldest one's age: the email lag /metrics shows. */
  async backlog(): Promise<Backlog> {
    const [row] = await this.collection
      .aggregate<Backlog>([
        { $match: { status: 'pending' } },
        { $group: { _id: null, count: { $sum: 1 }, oldest: { $min: '$createdAt' } } },
      ])
      .toArray();
    return { count: row?.count ?? 0, oldest: row?.oldest };
  }
}
