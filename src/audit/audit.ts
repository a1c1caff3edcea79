import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Role } from '../domain/vocabulary.js';
import type { JourneyAction } from '../journey/journey.machine.js';

/**
 * Every action the audit trail records. A new kind of entry is added here first, so that the
 * owner's access log, exports and tests can rely on the names.
 */
export type AuditAction =
  | 'auth.sign_in'
  | 'auth.refresh'
  | 'auth.refresh_reuse'
  | 'auth.sign_out'
  | 'auth.password_change'
  | 'auth.password_reset_request'
  | 'auth.password_reset'
  | 'account.disable'
  | 'account.enable'
  | 'invitation.create'
  | 'invitation.accept'
  | 'employer.sign_up'
  | 'employer.update'
  | 'employer.verify'
  | 'employer.unverify'
  | 'employer.verification_refused'
  | 'placement.create'
  | 'placement.update'
  | 'young_person.create'
  | 'young_person.update'
  | 'young_person.eligibility_exception'
  | 'young_person.export'
  | 'young_person.erase'
  | 'delegate.remove'
  | PassportReadAction
  | 'passport.save'
  | 'passport.restore'
  | 'passport.draft_propose'
  | 'passport.draft_accept'
  | 'passport.draft_reject'
  | 'passport.share'
  | 'passport.share_withdraw'
  | 'passport.share_renew'
  | `placement_match.${JourneyAction | 'propose' | 'correct_log'}`
  | 'access_to_work.application'
  | 'access_to_work.award'
  | 'access_to_work.claim_draft'
  | 'access_to_work.claim_sign'
  | 'access_to_work.claim_send'
  | 'access_to_work.claim_pay'
  | 'access_to_work.claim_query'
  | 'study.programme'
  | 'study.attendance'
  | 'outcomes.ehc_plan'
  | 'outcomes.core_aims'
  | 'outcomes.employment_plan'
  | 'outcomes.follow_up'
  | 'outcomes.sen2_export'
  | `adjustment.${'request' | 'add' | 'suggest' | 'suggestion_agree' | 'suggestion_decline' | 'agree' | 'decline' | 'put_in_place' | 'check' | 'observe' | 'review' | 'add_to_passport'}`
  | 'document.upload'
  | 'document.download'
  | 'document.delete'
  | 'document.expire'
  | 'seed.load';

/** Reads of a passport by someone other than its owner: what the owner's access log lists. */
export type PassportReadAction =
  | 'passport.read'
  | 'passport.read_version'
  | 'passport.print'
  | 'passport_share.read'
  | 'passport_share.print';

/** The kinds of record an entry can be about. */
export interface AuditTarget {
  type:
    | 'account'
    | 'invitation'
    | 'employer'
    | 'placement'
    | 'young_person'
    | 'passport'
    | 'passport_draft'
    | 'passport_share'
    | 'placement_match'
    | 'access_to_work_case'
    | 'access_to_work_claim'
    | 'study_programme'
    | 'ehc_plan'
    | 'provider'
    | 'document'
    | 'adjustment';
  id: string;
}

/** What an entry says beyond who did what: the record, the young person it is about, the request and its facts. */
export interface AuditedAct {
  target: AuditTarget;
  subjectId?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown>;
}

/**
 * The append-only audit trail. Entries say who did what to which record, when, and how it
 * ended; never passwords, tokens or passport contents. They are only ever inserted, except
 * that erasing a young person replaces their id with a pseudonym (see pseudonymise).
 */
export interface AuditEntry {
  action: AuditAction;
  outcome: 'success' | 'failure' | 'denied';
  actor: { accountId?: string; role?: Role | 'system'; ip?: string };
  target?: AuditTarget;
  /** The young person the entry is about, so they can see it in their access log. */
  subjectId?: string;
  requestId?: string;
  /** Non-sensitive facts, e.g. which passport sections were read. */
  details?: Record<string, unknown>;
}

/** The audit entry's `actor` for someone acting through the API. */
export function auditActor(actor: { accountId: string; role: Role }): AuditEntry['actor'] {
  return { accountId: actor.accountId, role: actor.role };
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
  at: Date;
}

/** One account's entries about a subject on one day: see AuditLog.perAccountPerDay. */
export interface AccountDay {
  accountId?: string;
  role?: Role | 'system';
  /** The day, YYYY-MM-DD, in the time zone asked for. */
  day: string;
  count: number;
  lastAt: Date;
  actions: AuditAction[];
  /** Every value of `details.sections` in those entries, once each. */
  sections: string[];
  /** Every `details.documentKind` (documents downloaded) in those entries, once each. */
  documentKinds: string[];
}

interface AccountDayDoc {
  _id: { accountId?: string; day: string };
  role?: Role | 'system';
  count: number;
  lastAt: Date;
  actions: AuditAction[];
  sections: string[][];
  documentKinds: string[];
}

interface AuditDoc extends Omit<AuditEntry, 'subjectId'> {
  _id: ObjectId;
  at: Date;
  subjectId?: string;
}

export const auditCollection: CollectionSpec = {
  name: 'audit_events',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'at', 'action', 'outcome', 'actor'],
    properties: {
      at: { bsonType: 'date' },
      action: { bsonType: 'string', maxLength: 100 },
      outcome: { enum: ['success', 'failure', 'denied'] },
      actor: { bsonType: 'object' },
      target: { bsonType: 'object' },
      subjectId: { bsonType: 'string' },
      requestId: { bsonType: 'string' },
      details: { bsonType: 'object' },
    },
  },
  indexes: [
    { key: { subjectId: 1, at: -1 }, name: 'subject_time' },
    { key: { 'actor.accountId': 1, at: -1 }, name: 'actor_time' },
    { key: { 'target.type': 1, 'target.id': 1, at: -1 }, name: 'target_time' },
    { key: { action: 1, at: -1 }, name: 'action_time' },
  ],
};

export class AuditLog {
  readonly #events: Collection<AuditDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.#events = db.collection<AuditDoc>(auditCollection.name);
  }

  /** The usual entry: someone acting through the API did `action` to a record, and it worked. */
  async success(
    action: AuditAction,
    actor: { accountId: string; role: Role },
    act: AuditedAct,
    session?: ClientSession,
  ): Promise<void> {
    await this.record({ action, outcome: 'success', actor: auditActor(actor), ...act }, session);
  }

  /** Any entry, for the rest: failures and refusals, entries with the caller's address, the system's own. */
  async record(entry: AuditEntry, session?: ClientSession): Promise<void> {
    await this.#events.insertOne({ _id: new ObjectId(), at: this.clock.now(), ...stripUndefined(entry) }, { session });
  }

  async forSubject(
    subjectId: string,
    options: { actions?: readonly AuditAction[]; limit?: number; offset?: number } = {},
  ) {
    const filter = { subjectId, ...(options.actions ? { action: { $in: options.actions } } : {}) };
    const [items, total] = await Promise.all([
      this.#events
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip(options.offset ?? 0)
        .limit(options.limit ?? 50)
        .toArray(),
      this.#events.countDocuments(filter),
    ]);
    return { items: items.map(toEntry), total };
  }

  /**
   * Entries about a young person, one row per account per day (in `timeZone`) with how many
   * there were: a person who opened a page ten times in a morning is one row, not ten. Rows of
   * the roles in `firstRoles` come first, then the rest; each group newest day first.
   */
  async perAccountPerDay(
    subjectId: string,
    options: {
      actions: readonly AuditAction[];
      firstRoles: readonly Role[];
      timeZone: string;
      limit: number;
      offset: number;
    },
  ): Promise<{ total: number; items: AccountDay[] }> {
    const [result] = await this.#events
      .aggregate<{ items: AccountDayDoc[]; total: { count: number }[] }>([
        { $match: { subjectId, action: { $in: options.actions } } },
        {
          $group: {
            _id: {
              accountId: '$actor.accountId',
              day: { $dateToString: { date: '$at', format: '%Y-%m-%d', timezone: options.timeZone } },
            },
            role: { $max: '$actor.role' },
            count: { $sum: 1 },
            lastAt: { $max: '$at' },
            actions: { $addToSet: '$action' },
            sections: { $addToSet: '$details.sections' },
            documentKinds: { $addToSet: '$details.documentKind' },
          },
        },
        { $addFields: { later: { $cond: [{ $in: ['$role', options.firstRoles] }, 0, 1] } } },
        { $sort: { later: 1, '_id.day': -1, lastAt: -1 } },
        { $facet: { items: [{ $skip: options.offset }, { $limit: options.limit }], total: [{ $count: 'count' }] } },
      ])
      .toArray();
    return {
      total: result?.total[0]?.count ?? 0,
      items: (result?.items ?? []).map((doc) => ({
        ...(doc._id.accountId ? { accountId: doc._id.accountId } : {}),
        ...(doc.role ? { role: doc.role } : {}),
        day: doc._id.day,
        count: doc.count,
        lastAt: doc.lastAt,
        actions: doc.actions,
        sections: [...new Set(doc.sections.filter(Array.isArray).flat())],
        documentKinds: doc.documentKinds.filter((kind) => typeof kind === 'string'),
      })),
    };
  }

  async find(
    filter: { action?: AuditAction; accountId?: string; targetId?: string },
    limit = 100,
  ): Promise<StoredAuditEntry[]> {
    const query: Record<string, unknown> = {};
    if (filter.action) query.action = filter.action;
    if (filter.accountId) query['actor.accountId'] = filter.accountId;
    if (filter.targetId) query['target.id'] = filter.targetId;
    return (await this.#events.find(query).sort({ at: -1 }).limit(limit).toArray()).map(toEntry);
  }

  /**
   * After erasure the entries stay (accountability) but no longer point at the person:
   * their id becomes a pseudonym everywhere it appears.
   */
  async pseudonymise(ids: string[], pseudonym: string, session?: ClientSession): Promise<void> {
    for (const id of ids) {
      await this.#events.updateMany({ subjectId: id }, { $set: { subjectId: pseudonym } }, { session });
      await this.#events.updateMany({ 'target.id': id }, { $set: { 'target.id': pseudonym } }, { session });
      await this.#events.updateMany({ 'actor.accountId': id }, { $set: { 'actor.accountId': pseudonym } }, { session });
    }
  }
}

function toEntry({ _id, ...rest }: AuditDoc): StoredAuditEntry {
  return { id: _id.toHexString(), ...rest };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
