import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Role } from '../domain/vocabulary.js';
import {
  type AdjustmentKind,
  type AdjustmentPayer,
  type AdjustmentState,
  adjustmentKinds,
  adjustmentPayers,
  adjustmentStates,
  type CheckAnswer,
  checkAnswers,
  type ReviewDecision,
  reviewDecisions,
} from './adjustments.machine.js';

export interface SuggestedPart {
  kind: AdjustmentKind;
  text: string;
}

export interface ActedBy {
  accountId: string;
  role: Role;
}

/** Where a request came from: a help the young person shared from their passport, or the job coach. */
export type AdjustmentSource =
  | { from: 'passport'; shareId: string; helpKey: string }
  | { from: 'job_coach' }
  | { from: 'split'; adjustmentId: string };

/**
 * One adjustment request on one journey, in the young person's words. Every text here is special
 * category data: none of it goes to a search index, a log line or an email body, and an employer
 * reads it only while the young person's share of "what helps me at work" with them stands.
 */
export interface AdjustmentRequest {
  id: string;
  matchId: string;
  youngPersonId: string;
  providerId: string;
  employerId: string;
  placementId: string;
  kind: AdjustmentKind;
  text: string;
  source: AdjustmentSource;
  state: AdjustmentState;
  requestedAt: Date;
  requestedBy: ActedBy;
  /**
   * The job coach's rewording (one part) or split (several), shown beside the young person's words
   * until they agree or say no, as a coach's passport draft is.
   */
  suggestion?: { parts: SuggestedPart[]; by: ActedBy; at: Date };
  /** Added by the job coach and waiting for the young person to agree; the employer does not see it yet. */
  awaitingYoungPerson?: boolean;
  agreed?: { who: string; byDate: string; payer: AdjustmentPayer; accessToWorkLine?: string; by: ActedBy; at: Date };
  notPossible?: { reason: string; alternative?: string; by: ActedBy; at: Date };
  inPlace?: { on: string; by: ActedBy; at: Date };
  check?: { answer: CheckAnswer; why?: string; by: ActedBy; at: Date };
  observations: { note: string; by: ActedBy; at: Date }[];
  reviews: { decision: ReviewDecision; note?: string; on: string; by: ActedBy; at: Date }[];
  /** Where the young person's passport says this help worked before, copied when it was shared. */
  knownToWork?: { employer: string; month: string }[];
  /** When the young person added it to their passport as known to work. */
  addedToPassport?: { by: ActedBy; at: Date };
  /** Reminders already sent about this request, so the daily run sends each once however often it runs. */
  remindersSent: string[];
  updatedAt: Date;
}

type StoredActedBy = { accountId: ObjectId; role: Role };

interface AdjustmentDoc
  extends Omit<
    AdjustmentRequest,
    | 'id'
    | 'matchId'
    | 'youngPersonId'
    | 'providerId'
    | 'employerId'
    | 'placementId'
    | 'requestedBy'
    | 'suggestion'
    | 'agreed'
    | 'notPossible'
    | 'inPlace'
    | 'check'
    | 'observations'
    | 'reviews'
    | 'addedToPassport'
  > {
  _id: ObjectId;
  matchId: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  employerId: ObjectId;
  placementId: ObjectId;
  requestedBy: StoredActedBy;
  suggestion?: Omit<NonNullable<AdjustmentRequest['suggestion']>, 'by'> & { by: StoredActedBy };
  agreed?: Omit<NonNullable<AdjustmentRequest['agreed']>, 'by'> & { by: StoredActedBy };
  notPossible?: Omit<NonNullable<AdjustmentRequest['notPossible']>, 'by'> & { by: StoredActedBy };
  inPlace?: Omit<NonNullable<AdjustmentRequest['inPlace']>, 'by'> & { by: StoredActedBy };
  check?: Omit<NonNullable<AdjustmentRequest['check']>, 'by'> & { by: StoredActedBy };
  observations: { note: string; by: StoredActedBy; at: Date }[];
  reviews: (Omit<AdjustmentRequest['reviews'][number], 'by'> & { by: StoredActedBy })[];
  addedToPassport?: { by: StoredActedBy; at: Date };
}

const isoDate = { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const actedBy = {
  bsonType: 'object',
  required: ['accountId', 'role'],
  properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
};
const text = (maxLength: number) => ({ bsonType: 'string', minLength: 1, maxLength });

export const adjustmentsCollection: CollectionSpec = {
  name: 'adjustments',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'matchId',
      'youngPersonId',
      'providerId',
      'employerId',
      'placementId',
      'kind',
      'text',
      'source',
      'state',
      'requestedAt',
      'requestedBy',
      'observations',
      'reviews',
      'remindersSent',
      'updatedAt',
    ],
    properties: {
      matchId: { bsonType: 'objectId' },
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      employerId: { bsonType: 'objectId' },
      placementId: { bsonType: 'objectId' },
      kind: { enum: [...adjustmentKinds] },
      text: text(1000),
      source: {
        bsonType: 'object',
        required: ['from'],
        properties: {
          from: { enum: ['passport', 'job_coach', 'split'] },
          shareId: { bsonType: 'string' },
          helpKey: { bsonType: 'string' },
          adjustmentId: { bsonType: 'string' },
        },
      },
      state: { enum: [...adjustmentStates] },
      requestedAt: { bsonType: 'date' },
      requestedBy: actedBy,
      suggestion: {
        bsonType: 'object',
        required: ['parts', 'by', 'at'],
        properties: {
          parts: {
            bsonType: 'array',
            minItems: 1,
            maxItems: 5,
            items: {
              bsonType: 'object',
              required: ['kind', 'text'],
              properties: { kind: { enum: [...adjustmentKinds] }, text: text(1000) },
            },
          },
          by: actedBy,
          at: { bsonType: 'date' },
        },
      },
      awaitingYoungPerson: { bsonType: 'bool' },
      agreed: {
        bsonType: 'object',
        required: ['who', 'byDate', 'payer', 'by', 'at'],
        properties: {
          who: text(200),
          byDate: isoDate,
          payer: { enum: [...adjustmentPayers] },
          accessToWorkLine: text(200),
          by: actedBy,
          at: { bsonType: 'date' },
        },
      },
      notPossible: {
        bsonType: 'object',
        required: ['reason', 'by', 'at'],
        properties: { reason: text(1000), alternative: text(1000), by: actedBy, at: { bsonType: 'date' } },
      },
      inPlace: {
        bsonType: 'object',
        required: ['on', 'by', 'at'],
        properties: { on: isoDate, by: actedBy, at: { bsonType: 'date' } },
      },
      check: {
        bsonType: 'object',
        required: ['answer', 'by', 'at'],
        properties: { answer: { enum: [...checkAnswers] }, why: text(1000), by: actedBy, at: { bsonType: 'date' } },
      },
      observations: { bsonType: 'array', maxItems: 100 },
      reviews: {
        bsonType: 'array',
        maxItems: 100,
        items: {
          bsonType: 'object',
          required: ['decision', 'on', 'by', 'at'],
          properties: { decision: { enum: [...reviewDecisions] }, on: isoDate, by: actedBy, at: { bsonType: 'date' } },
        },
      },
      addedToPassport: { bsonType: 'object', required: ['by', 'at'] },
      knownToWork: {
        bsonType: 'array',
        maxItems: 10,
        items: {
          bsonType: 'object',
          required: ['employer', 'month'],
          properties: { employer: text(200), month: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}$' } },
        },
      },
      remindersSent: { bsonType: 'array', items: { bsonType: 'string' } },
      updatedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { matchId: 1, requestedAt: 1 }, name: 'match_requested_at' },
    // Sharing the same help again must not make a second request on the same journey.
    {
      key: { matchId: 1, 'source.helpKey': 1 },
      name: 'match_help_unique',
      unique: true,
      partialFilterExpression: { 'source.from': 'passport' },
    },
    { key: { employerId: 1, state: 1 }, name: 'employer_state' },
    { key: { providerId: 1, requestedAt: 1 }, name: 'provider_requested_at' },
    { key: { youngPersonId: 1 }, name: 'young_person' },
    { key: { state: 1, updatedAt: 1 }, name: 'state_updated_at' },
  ],
};

const stored = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });
const plain = (by: StoredActedBy): ActedBy => ({ accountId: by.accountId.toHexString(), role: by.role });
const withPlainBy = <T extends { by: StoredActedBy }>(value: T | undefined) =>
  value ? { ...value, by: plain(value.by) } : undefined;
const withStoredBy = <T extends { by: ActedBy }>(value: T | undefined) =>
  value ? { ...value, by: stored(value.by) } : undefined;

function toAdjustment(doc: AdjustmentDoc): AdjustmentRequest {
  const {
    _id,
    matchId,
    youngPersonId,
    providerId,
    employerId,
    placementId,
    requestedBy,
    suggestion,
    agreed,
    notPossible,
    inPlace,
    check,
    observations,
    reviews,
    addedToPassport,
    ...rest
  } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    matchId: matchId.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    employerId: employerId.toHexString(),
    placementId: placementId.toHexString(),
    requestedBy: plain(requestedBy),
    ...(suggestion ? { suggestion: withPlainBy(suggestion)! } : {}),
    ...(agreed ? { agreed: withPlainBy(agreed)! } : {}),
    ...(notPossible ? { notPossible: withPlainBy(notPossible)! } : {}),
    ...(inPlace ? { inPlace: withPlainBy(inPlace)! } : {}),
    ...(check ? { check: withPlainBy(check)! } : {}),
    observations: observations.map((entry) => ({ ...entry, by: plain(entry.by) })),
    reviews: reviews.map((entry) => ({ ...entry, by: plain(entry.by) })),
    ...(addedToPassport ? { addedToPassport: withPlainBy(addedToPassport)! } : {}),
  };
}

/** The parts of a request a step may change; `$set` as given, one field per step. */
export type AdjustmentChange = Partial<
  Pick<
    AdjustmentRequest,
    | 'state'
    | 'kind'
    | 'text'
    | 'agreed'
    | 'notPossible'
    | 'inPlace'
    | 'check'
    | 'suggestion'
    | 'addedToPassport'
    | 'awaitingYoungPerson'
  >
>;

function storedChange(change: AdjustmentChange): Record<string, unknown> {
  const out: Record<string, unknown> = { ...change };
  for (const key of ['suggestion', 'agreed', 'notPossible', 'inPlace', 'check', 'addedToPassport'] as const) {
    if (change[key]) out[key] = withStoredBy(change[key] as { by: ActedBy });
  }
  return out;
}

export type NewAdjustment = Omit<
  AdjustmentRequest,
  'id' | 'state' | 'observations' | 'reviews' | 'remindersSent' | 'updatedAt'
>;

/** Adjustment requests, one document per request. */
export class AdjustmentsRepository {
  readonly adjustments: Collection<AdjustmentDoc>;
  constructor(db: Db) {
    this.adjustments = db.collection<AdjustmentDoc>(adjustmentsCollection.name);
  }

  #doc(request: NewAdjustment): AdjustmentDoc {
    return {
      _id: new ObjectId(),
      matchId: new ObjectId(request.matchId),
      youngPersonId: new ObjectId(request.youngPersonId),
      providerId: new ObjectId(request.providerId),
      employerId: new ObjectId(request.employerId),
      placementId: new ObjectId(request.placementId),
      kind: request.kind,
      text: request.text,
      source: request.source,
      state: 'requested',
      requestedAt: request.requestedAt,
      requestedBy: stored(request.requestedBy),
      ...(request.awaitingYoungPerson ? { awaitingYoungPerson: true } : {}),
      ...(request.knownToWork?.length ? { knownToWork: request.knownToWork } : {}),
      observations: [],
      reviews: [],
      remindersSent: [],
      updatedAt: request.requestedAt,
    };
  }

  async insert(request: NewAdjustment, session: ClientSession): Promise<AdjustmentRequest> {
    const doc = this.#doc(request);
    await this.adjustments.insertOne(doc, { session });
    return toAdjustment(doc);
  }

  /**
   * Inserts the requests made from shared helps, skipping any help already on the journey (the
   * unique index on the help's key decides), and returns the ones that are new.
   */
  async insertFromShare(requests: NewAdjustment[], session: ClientSession): Promise<AdjustmentRequest[]> {
    const made: AdjustmentRequest[] = [];
    for (const request of requests) {
      if (request.source.from !== 'passport') continue;
      const doc = this.#doc(request);
      const result = await this.adjustments.updateOne(
        { matchId: doc.matchId, 'source.from': 'passport', 'source.helpKey': request.source.helpKey },
        { $setOnInsert: doc },
        { upsert: true, session },
      );
      if (result.upsertedCount === 1) made.push(toAdjustment(doc));
    }
    return made;
  }

  async byId(id: string, session?: ClientSession): Promise<AdjustmentRequest | undefined> {
    if (!ObjectId.isValid(id)) return undefined;
    const doc = await this.adjustments.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toAdjustment(doc) : undefined;
  }

  async ofMatch(matchId: string, session?: ClientSession): Promise<AdjustmentRequest[]> {
    const docs = await this.adjustments
      .find({ matchId: new ObjectId(matchId) }, { session })
      .sort({ requestedAt: 1, _id: 1 })
      .toArray();
    return docs.map(toAdjustment);
  }

  async ofMatches(matchIds: string[]): Promise<AdjustmentRequest[]> {
    const docs = await this.adjustments
      .find({ matchId: { $in: matchIds.map((id) => new ObjectId(id)) } })
      .sort({ requestedAt: 1, _id: 1 })
      .toArray();
    return docs.map(toAdjustment);
  }

  async find(filter: {
    employerId?: string;
    providerId?: string;
    youngPersonId?: string;
    states?: readonly AdjustmentState[];
  }): Promise<AdjustmentRequest[]> {
    const query: Filter<AdjustmentDoc> = {};
    if (filter.employerId) query.employerId = new ObjectId(filter.employerId);
    if (filter.providerId) query.providerId = new ObjectId(filter.providerId);
    if (filter.youngPersonId) query.youngPersonId = new ObjectId(filter.youngPersonId);
    if (filter.states) query.state = { $in: [...filter.states] };
    const docs = await this.adjustments.find(query).sort({ requestedAt: 1, _id: 1 }).toArray();
    return docs.map(toAdjustment);
  }

  /**
   * Applies one step only if the request is still in the state it was read in, so two people
   * answering at once cannot both succeed; undefined when someone moved it first.
   */
  async move(
    id: string,
    from: AdjustmentState,
    change: AdjustmentChange,
    now: Date,
    session: ClientSession,
    extra: { unset?: (keyof AdjustmentChange)[]; push?: { observations?: unknown; reviews?: unknown } } = {},
  ): Promise<AdjustmentRequest | undefined> {
    const update: Record<string, unknown> = { $set: { ...storedChange(change), updatedAt: now } };
    if (extra.unset?.length) update.$unset = Object.fromEntries(extra.unset.map((key) => [key, '']));
    if (extra.push) {
      const push: Record<string, unknown> = {};
      if (extra.push.observations) {
        const entry = extra.push.observations as { by: ActedBy };
        push.observations = { ...entry, by: stored(entry.by) };
      }
      if (extra.push.reviews) {
        const entry = extra.push.reviews as { by: ActedBy };
        push.reviews = { ...entry, by: stored(entry.by) };
      }
      update.$push = push;
    }
    const doc = await this.adjustments.findOneAndUpdate({ _id: new ObjectId(id), state: from }, update, {
      returnDocument: 'after',
      session,
    });
    return doc ? toAdjustment(doc) : undefined;
  }

  /** Records that a reminder was sent; false when it had been already (another run sent it). */
  async markReminded(id: string, reminder: string, session: ClientSession): Promise<boolean> {
    const result = await this.adjustments.updateOne(
      { _id: new ObjectId(id), remindersSent: { $ne: reminder } },
      { $push: { remindersSent: reminder } },
      { session },
    );
    return result.modifiedCount === 1;
  }

  /** Removes a request the young person did not agree to; only one still waiting for them. */
  async deleteAwaiting(id: string, session: ClientSession): Promise<boolean> {
    const result = await this.adjustments.deleteOne(
      { _id: new ObjectId(id), awaitingYoungPerson: true, state: 'requested' },
      { session },
    );
    return result.deletedCount === 1;
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    await this.adjustments.deleteMany({ youngPersonId: new ObjectId(youngPersonId) }, { session });
  }
}
