import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { DashboardSummaries, LogScope } from '../dashboards/dashboard-summaries.js';
import {
  type ActedBy,
  type Journey,
  type JourneyDoc,
  journeysCollection,
  storedActedBy,
} from './journey.repository.js';
import { targetStatuses } from './journey.schemas.js';

/** What a weekly log says about its week: what a correction replaces. */
export interface WeeklyLogEntry {
  hoursWorked: number;
  tasksDone: string[];
  /** Job coaching at work: the hours Access to Work can pay for. */
  supportHours: number;
  /** Support with study (English, maths, employability), which Access to Work never pays for. */
  studyHours: number;
  independence: { task: string; rating: number }[];
  notes?: string;
  recordedBy: ActedBy;
  recordedAt: Date;
}

/** A version of a log that was later corrected, kept as it was. */
export interface WeeklyLogVersion extends WeeklyLogEntry {
  version: number;
}

export interface WeeklyLog extends WeeklyLogEntry {
  id: string;
  matchId: string;
  youngPersonId: string;
  weekStarting: string;
  weekNumber: number;
  /** 1 when first written; each correction adds one and keeps the version it replaced in `earlierVersions`. */
  version: number;
  earlierVersions: WeeklyLogVersion[];
}

export interface Review {
  id: string;
  matchId: string;
  youngPersonId: string;
  heldOn: string;
  summary?: string;
  targets: {
    text: string;
    measure: string;
    dueDate: string;
    status: (typeof targetStatuses)[number];
    /** The EHC plan outcome it serves. */
    outcomeId?: string;
  }[];
  nextReviewDue: string;
  recordedBy: ActedBy;
  recordedAt: Date;
}

/** The match's grouping fields, copied so the support-hours trend needs no join. */
type MatchScope = { providerId: ObjectId; jobCoachId?: ObjectId; employerId: ObjectId };

type StoredVersion = Omit<WeeklyLogVersion, 'recordedBy'> & {
  recordedBy: { accountId: ObjectId; role: ActedBy['role'] };
};

/**
 * Logs written before corrections existed have neither `version` nor `earlierVersions`: version 1.
 */
export interface WeeklyLogDoc
  extends Omit<
      WeeklyLog,
      'id' | 'matchId' | 'youngPersonId' | 'recordedBy' | 'studyHours' | 'version' | 'earlierVersions'
    >,
    MatchScope {
  _id: ObjectId;
  /** Absent on logs written before study time was kept apart: all their support was coaching. */
  studyHours?: number;
  matchId: ObjectId;
  youngPersonId: ObjectId;
  recordedBy: { accountId: ObjectId; role: ActedBy['role'] };
  version?: number;
  earlierVersions?: StoredVersion[];
}

export interface ReviewDoc extends Omit<Review, 'id' | 'matchId' | 'youngPersonId' | 'recordedBy'>, MatchScope {
  _id: ObjectId;
  matchId: ObjectId;
  youngPersonId: ObjectId;
  recordedBy: { accountId: ObjectId; role: ActedBy['role'] };
}

const isoDate = { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const scopeProperties = {
  providerId: { bsonType: 'objectId' },
  jobCoachId: { bsonType: 'objectId' },
  employerId: { bsonType: 'objectId' },
};

export const weeklyLogsCollection: CollectionSpec = {
  name: 'internship_weekly_logs',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'matchId',
      'youngPersonId',
      'providerId',
      'employerId',
      'weekStarting',
      'weekNumber',
      'hoursWorked',
      'tasksDone',
      'supportHours',
      'independence',
      'recordedBy',
      'recordedAt',
    ],
    properties: {
      matchId: { bsonType: 'objectId' },
      youngPersonId: { bsonType: 'objectId' },
      ...scopeProperties,
      weekStarting: isoDate,
      weekNumber: { bsonType: 'number', minimum: 1, maximum: 120 },
      hoursWorked: { bsonType: 'number', minimum: 0, maximum: 60 },
      tasksDone: { bsonType: 'array', maxItems: 20 },
      supportHours: { bsonType: 'number', minimum: 0, maximum: 60 },
      studyHours: { bsonType: 'number', minimum: 0, maximum: 60 },
      independence: {
        bsonType: 'array',
        maxItems: 20,
        items: {
          bsonType: 'object',
          required: ['task', 'rating'],
          properties: {
            task: { bsonType: 'string', maxLength: 120 },
            rating: { bsonType: 'number', minimum: 1, maximum: 5 },
          },
        },
      },
      notes: { bsonType: 'string', maxLength: 2000 },
      recordedBy: { bsonType: 'object', required: ['accountId', 'role'] },
      recordedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    // One log per internship week, whoever writes it, so support hours are never counted twice.
    { key: { matchId: 1, weekStarting: 1 }, name: 'match_week_unique', unique: true },
    // The support-hours trend groups a provider's (or a coach's) logs by week number; with the
    // hours in the index it is answered from the index alone.
    {
      key: { providerId: 1, jobCoachId: 1, weekNumber: 1, supportHours: 1, hoursWorked: 1 },
      name: 'provider_coach_week',
    },
    { key: { youngPersonId: 1 }, name: 'young_person' },
  ],
};

export const reviewsCollection: CollectionSpec = {
  name: 'internship_reviews',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'matchId',
      'youngPersonId',
      'providerId',
      'employerId',
      'heldOn',
      'targets',
      'nextReviewDue',
      'recordedBy',
      'recordedAt',
    ],
    properties: {
      matchId: { bsonType: 'objectId' },
      youngPersonId: { bsonType: 'objectId' },
      ...scopeProperties,
      heldOn: isoDate,
      summary: { bsonType: 'string', maxLength: 2000 },
      targets: {
        bsonType: 'array',
        minItems: 1,
        maxItems: 10,
        items: {
          bsonType: 'object',
          required: ['text', 'measure', 'dueDate', 'status'],
          properties: {
            text: { bsonType: 'string', maxLength: 300 },
            measure: { bsonType: 'string', maxLength: 300 },
            dueDate: isoDate,
            status: { enum: [...targetStatuses] },
          },
        },
      },
      nextReviewDue: isoDate,
      recordedBy: { bsonType: 'object', required: ['accountId', 'role'] },
      recordedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { matchId: 1, heldOn: -1 }, name: 'match_held' },
    { key: { youngPersonId: 1 }, name: 'young_person' },
  ],
};

const scopeOf = (match: Journey): MatchScope => ({
  providerId: new ObjectId(match.providerId),
  ...(match.jobCoachId ? { jobCoachId: new ObjectId(match.jobCoachId) } : {}),
  employerId: new ObjectId(match.employerId),
});

const actedByOf = (stored: { accountId: ObjectId; role: ActedBy['role'] }): ActedBy => ({
  accountId: stored.accountId.toHexString(),
  role: stored.role,
});

function toWeeklyLog(doc: WeeklyLogDoc): WeeklyLog {
  const {
    _id,
    matchId,
    youngPersonId,
    providerId: _p,
    jobCoachId: _c,
    employerId: _e,
    recordedBy,
    version,
    earlierVersions,
    ...rest
  } = doc;
  return {
    ...rest,
    studyHours: doc.studyHours ?? 0,
    id: _id.toHexString(),
    matchId: matchId.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    recordedBy: actedByOf(recordedBy),
    version: version ?? 1,
    earlierVersions: (earlierVersions ?? []).map((earlier) => ({
      ...earlier,
      recordedBy: actedByOf(earlier.recordedBy),
    })),
  };
}

/** The part of a stored log that a correction replaces, as it was. */
function versionOf(doc: WeeklyLogDoc): StoredVersion {
  return {
    version: doc.version ?? 1,
    hoursWorked: doc.hoursWorked,
    tasksDone: doc.tasksDone,
    supportHours: doc.supportHours,
    studyHours: doc.studyHours ?? 0,
    independence: doc.independence,
    ...(doc.notes !== undefined ? { notes: doc.notes } : {}),
    recordedBy: doc.recordedBy,
    recordedAt: doc.recordedAt,
  };
}

function toReview(doc: ReviewDoc): Review {
  const { _id, matchId, youngPersonId, providerId: _p, jobCoachId: _c, employerId: _e, recordedBy, ...rest } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    matchId: matchId.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    recordedBy: { accountId: recordedBy.accountId.toHexString(), role: recordedBy.role },
  };
}

const logScopeOf = (match: Journey): LogScope => ({
  providerId: new ObjectId(match.providerId),
  cohortYear: match.cohortYear,
  localAuthority: match.localAuthority,
  sector: match.sector,
});

/** Weekly logs and six-weekly reviews of internships. Log writes update the dashboard summaries in the same transaction. */
export class ProgressRepository {
  readonly logs: Collection<WeeklyLogDoc>;
  readonly reviews: Collection<ReviewDoc>;
  readonly #matches: Collection<JourneyDoc>;
  constructor(
    db: Db,
    private readonly summaries: DashboardSummaries,
  ) {
    this.logs = db.collection<WeeklyLogDoc>(weeklyLogsCollection.name);
    this.reviews = db.collection<ReviewDoc>(reviewsCollection.name);
    this.#matches = db.collection<JourneyDoc>(journeysCollection.name);
  }

  async insertLog(
    match: Journey,
    log: Omit<WeeklyLog, 'id' | 'matchId' | 'youngPersonId' | 'version' | 'earlierVersions'>,
    session: ClientSession,
  ): Promise<WeeklyLog> {
    const doc: WeeklyLogDoc = {
      _id: new ObjectId(),
      ...log,
      matchId: new ObjectId(match.id),
      youngPersonId: new ObjectId(match.youngPersonId),
      ...scopeOf(match),
      recordedBy: storedActedBy(log.recordedBy),
      version: 1,
    };
    await this.logs.insertOne(doc, { session });
    await this.summaries.logsChanged([{ scope: logScopeOf(match), log: doc }], 1, session);
    return toWeeklyLog(doc);
  }

  /**
   * Replaces what the log of one week says, keeping what it said before as an earlier version.
   * The dashboards' support-hours figures take the old hours out and the new ones in. Undefined
   * when the week has no log.
   */
  async correctLog(
    match: Journey,
    weekStarting: string,
    entry: WeeklyLogEntry,
    session: ClientSession,
  ): Promise<{ before: WeeklyLog; after: WeeklyLog } | undefined> {
    const filter = { matchId: new ObjectId(match.id), weekStarting };
    const before = await this.logs.findOne(filter, { session });
    if (!before) return undefined;
    const { notes, recordedBy, ...fields } = entry;
    const version = (before.version ?? 1) + 1;
    const after = await this.logs.findOneAndUpdate(
      // Only over the version just read: a correction made meanwhile is never overwritten unseen.
      { ...filter, version: before.version ?? { $exists: false } },
      {
        $set: { ...fields, ...(notes !== undefined ? { notes } : {}), recordedBy: storedActedBy(recordedBy), version },
        ...(notes === undefined ? { $unset: { notes: '' } } : {}),
        $push: { earlierVersions: versionOf(before) },
      },
      { returnDocument: 'after', session },
    );
    if (!after) return undefined;
    const scope = logScopeOf(match);
    await this.summaries.logsChanged([{ scope, log: before }], -1, session);
    await this.summaries.logsChanged([{ scope, log: after }], 1, session);
    return { before: toWeeklyLog(before), after: toWeeklyLog(after) };
  }

  async insertReview(
    match: Journey,
    review: Omit<Review, 'id' | 'matchId' | 'youngPersonId'>,
    session: ClientSession,
  ): Promise<Review> {
    const doc: ReviewDoc = {
      _id: new ObjectId(),
      ...review,
      matchId: new ObjectId(match.id),
      youngPersonId: new ObjectId(match.youngPersonId),
      ...scopeOf(match),
      recordedBy: storedActedBy(review.recordedBy),
    };
    await this.reviews.insertOne(doc, { session });
    return toReview(doc);
  }

  async logsOf(matchId: string): Promise<WeeklyLog[]> {
    return (
      await this.logs
        .find({ matchId: new ObjectId(matchId) })
        .sort({ weekStarting: 1 })
        .toArray()
    ).map(toWeeklyLog);
  }

  async reviewsOf(matchId: string): Promise<Review[]> {
    return (
      await this.reviews
        .find({ matchId: new ObjectId(matchId) })
        .sort({ heldOn: -1 })
        .toArray()
    ).map(toReview);
  }

  /** For several internships at once: the log of one week, by match id, where there is one. */
  async logsOfWeek(matchIds: string[], weekStarting: string): Promise<Map<string, WeeklyLog>> {
    const docs = await this.logs
      .find({ matchId: { $in: matchIds.map((id) => new ObjectId(id)) }, weekStarting })
      .toArray();
    return new Map(docs.map((doc) => [doc.matchId.toHexString(), toWeeklyLog(doc)]));
  }

  /** For several internships at once: the weeks that have a log. */
  async loggedWeeks(matchIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.logs
      .aggregate<{ _id: ObjectId; weeks: string[] }>([
        { $match: { matchId: { $in: matchIds.map((id) => new ObjectId(id)) } } },
        { $group: { _id: '$matchId', weeks: { $push: '$weekStarting' } } },
      ])
      .toArray();
    return new Map(rows.map((row) => [row._id.toHexString(), row.weeks]));
  }

  /** For several internships at once: when the latest review said the next one is due. */
  async latestReviews(matchIds: string[]): Promise<Map<string, { nextReviewDue: string }>> {
    const rows = await this.reviews
      .aggregate<{ _id: ObjectId; nextReviewDue: string }>([
        { $match: { matchId: { $in: matchIds.map((id) => new ObjectId(id)) } } },
        { $sort: { matchId: 1, heldOn: -1 } },
        { $group: { _id: '$matchId', nextReviewDue: { $first: '$nextReviewDue' } } },
      ])
      .toArray();
    return new Map(rows.map((row) => [row._id.toHexString(), { nextReviewDue: row.nextReviewDue }]));
  }

  async allOf(youngPersonId: string): Promise<{ logs: WeeklyLog[]; reviews: Review[] }> {
    const id = new ObjectId(youngPersonId);
    const [logs, reviews] = await Promise.all([
      this.logs.find({ youngPersonId: id }).sort({ matchId: 1, weekStarting: 1 }).toArray(),
      this.reviews.find({ youngPersonId: id }).sort({ matchId: 1, heldOn: 1 }).toArray(),
    ]);
    return { logs: logs.map(toWeeklyLog), reviews: reviews.map(toReview) };
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const id = new ObjectId(youngPersonId);
    const logs = await this.logs
      .find(
        { youngPersonId: id },
        { session, projection: { matchId: 1, weekNumber: 1, supportHours: 1, hoursWorked: 1 } },
      )
      .toArray();
    const scopes = new Map(
      (
        await this.#matches
          .find(
            { _id: { $in: [...new Set(logs.map((log) => log.matchId))] } },
            { session, projection: { providerId: 1, cohortYear: 1, localAuthority: 1, sector: 1 } },
          )
          .toArray()
      ).map((match) => [match._id.toHexString(), match as LogScope]),
    );
    await this.logs.deleteMany({ youngPersonId: id }, { session });
    await this.reviews.deleteMany({ youngPersonId: id }, { session });
    const erased = logs.flatMap((log) => {
      const scope = scopes.get(log.matchId.toHexString());
      return scope ? [{ scope, log }] : [];
    });
    await this.summaries.logsChanged(erased, -1, session);
  }
}
