import type { AnyBulkWriteOperation, ClientSession, Collection, Db, Document } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Logger } from '../core/logger.js';
import { type Counts, emptyCounts, trendWeeks } from './dashboard-figures.js';

/**
 * Running totals behind the provider dashboard, so that a provider with tens of thousands of
 * journeys and hundreds of thousands of weekly logs gets its figures from a few hundred rows:
 *
 * - `dashboard_outcome_counts`: per provider, the count behind each figure and the days from
 *   proposal to start (as a histogram, so medians stay exact), in one row per academic year,
 *   local authority and sector ("area", for a dashboard narrowed by local authority or sector);
 *   one per academic year ("year"); one per local authority and one per sector, each for one
 *   academic year and for all years (`cohortYear` null: "authority", "sector"), so that the
 *   dashboard of a whole provider or of one year reads tens of rows, not every combination; and
 *   one per job coach, likewise for each year and for all ("coach"). A provider can have
 *   thousands of coaches, so their rows are indexed by their proposals: a page of the busiest
 *   coaches is one indexed read, whatever the year.
 * - `dashboard_support_weeks`: one row per provider, academic year, local authority and sector,
 *   and one for the whole provider, each with a part per internship week: the number of weekly
 *   logs and their support hours and hours worked.
 * Rows are kept few (hundreds for a provider of 25,000 journeys, plus one per job coach), since
 * reading rows is what the dashboard pays for.
 *
 * The journey and weekly-log repositories change them in the same transaction as their own
 * writes, so they never disagree with the records; `rebuild` recomputes them from the records
 * (after a bulk load, or when their version changes). Figures from them are exactly those of
 * the full aggregation (`outcomeFacetPipeline`, `supportTrendPipeline`); a test compares both on
 * the seeded history.
 */

/** What the outcome counts need of a journey: a structural view of a `placement_matches` document. */
export interface JourneyFacts {
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  cohortYear: number;
  localAuthority?: string;
  sector: string;
  state: string;
  startedOn?: string;
  proposedAt: Date;
  outcome?: { type: string; hoursPerWeek?: number };
  followUp?: { stillEmployed: boolean };
}

/** Where a weekly log counts: its journey's provider, academic year, local authority and sector. */
export type LogScope = Pick<JourneyFacts, 'providerId' | 'cohortYear' | 'localAuthority' | 'sector'>;
export interface LogFacts {
  weekNumber: number;
  supportHours: number;
  hoursWorked: number;
}

export const countNames = [
  'proposals',
  'starts',
  'inProgress',
  'completed',
  'withdrawn',
  'paidEmployment',
  'paidEmployment16Hours',
  'followedUp',
  'employedAt12Months',
  'followedUpInPaidEmployment',
  'stillEmployedAt12Months',
] as const;
type CountName = (typeof countNames)[number];

/** Bump when what the rows hold changes: the service rebuilds them at its next start. */
const summariesVersion = 5;

/** The counts of some journeys, with their days from proposal to start -> how many took that long. */
type Tallied = Partial<Record<CountName, number>> & { days?: Record<string, number> };

type OutcomeGrain = 'area' | 'year' | 'authority' | 'sector' | 'coach';

interface OutcomeRow extends Tallied {
  _id: string;
  providerId: ObjectId;
  grain: OutcomeGrain;
  /** Area and year rows: their year. Authority, sector and coach rows: their year, or null for all years. */
  cohortYear?: number | null;
  localAuthority?: string | null;
  sector?: string;
  /** Coach rows: the coach (null for journeys without one). */
  jobCoachId?: ObjectId | null;
}

interface SupportRow {
  _id: string;
  providerId: ObjectId;
  /** One row per year, local authority and sector ("area"), and one for the whole provider. */
  grain: 'area' | 'provider';
  cohortYear?: number;
  localAuthority?: string | null;
  sector?: string;
  /** Internship week -> its weekly logs, and their support hours and hours worked added up. */
  weeks: Record<string, { logs?: number; supportHours?: number; hoursWorked?: number }>;
}

const tallyProperties = {
  ...Object.fromEntries(countNames.map((name) => [name, { bsonType: 'number' }])),
  days: { bsonType: 'object' },
};

export const outcomeCountsCollection: CollectionSpec = {
  name: 'dashboard_outcome_counts',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'providerId', 'grain'],
    properties: {
      _id: { bsonType: 'string' },
      providerId: { bsonType: 'objectId' },
      grain: { enum: ['area', 'year', 'authority', 'sector', 'coach'] },
      cohortYear: { bsonType: ['number', 'null'] },
      localAuthority: { bsonType: ['string', 'null'] },
      sector: { bsonType: 'string' },
      jobCoachId: { bsonType: ['objectId', 'null'] },
      ...tallyProperties,
    },
  },
  indexes: [
    // Every grain by year; coach rows busiest first within their year, so a page of coaches needs no sort.
    {
      key: { providerId: 1, grain: 1, cohortYear: 1, proposals: -1, jobCoachId: 1 },
      name: 'provider_grain_year_ranking',
    },
  ],
};

/** The index `provider_grain_year_ranking` replaced. */
export const replacedOutcomeCountsIndex = 'provider_grain';

export const supportWeeksCollection: CollectionSpec = {
  name: 'dashboard_support_weeks',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'providerId', 'grain'],
    properties: {
      _id: { bsonType: 'string' },
      providerId: { bsonType: 'objectId' },
      grain: { enum: ['area', 'provider'] },
      cohortYear: { bsonType: 'number' },
      localAuthority: { bsonType: ['string', 'null'] },
      sector: { bsonType: 'string' },
      weeks: { bsonType: 'object' },
    },
  },
  indexes: [{ key: { providerId: 1, grain: 1, cohortYear: 1 }, name: 'provider_grain_year' }],
};

export const summaryStateCollection: CollectionSpec = {
  name: 'dashboard_summary_state',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'version', 'builtAt'],
    properties: { _id: { bsonType: 'string' }, version: { bsonType: 'number' }, builtAt: { bsonType: 'date' } },
  },
  indexes: [],
};

/**
 * The 0/1 counts of one journey and its days from proposal to start: the same rules as
 * `countFlags` and `journeyFlags` in dashboard-figures.ts, for one record.
 */
export function journeyCounts(journey: JourneyFacts): {
  counts: Record<CountName, number>;
  daysToStart: number | null;
} {
  const started = journey.startedOn !== undefined;
  const completed = journey.state === 'completed' || journey.state === 'followed_up';
  const followedUp = journey.state === 'followed_up';
  const paid = journey.outcome?.type === 'paid_employment';
  const stillEmployed = journey.followUp?.stillEmployed === true;
  const hours = journey.outcome?.hoursPerWeek;
  const one = (condition: boolean) => (condition ? 1 : 0);
  return {
    counts: {
      proposals: 1,
      starts: one(started),
      inProgress: one(journey.state === 'in_progress'),
      completed: one(completed),
      withdrawn: one(started && journey.state === 'withdrawn'),
      paidEmployment: one(completed && paid),
      paidEmployment16Hours: one(completed && paid && hours !== undefined && hours >= 16),
      followedUp: one(followedUp),
      employedAt12Months: one(followedUp && stillEmployed),
      followedUpInPaidEmployment: one(followedUp && paid),
      stillEmployedAt12Months: one(followedUp && paid && stillEmployed),
    },
    daysToStart: journey.startedOn === undefined ? null : daysBetween(journey.proposedAt, journey.startedOn),
  };
}

/** Whole UTC days from the proposal's day to the start day, as `$dateDiff` with unit "day" counts them. */
function daysBetween(proposedAt: Date, startedOn: string): number {
  const proposedDay = Date.UTC(proposedAt.getUTCFullYear(), proposedAt.getUTCMonth(), proposedAt.getUTCDate());
  return Math.round((Date.parse(`${startedOn}T00:00:00Z`) - proposedDay) / 86_400_000);
}

/**
 * The rows a journey counts in: its year, local authority and sector's; its year's; and its local
 * authority's, sector's and coach's, each for its year and for all years.
 */
function outcomeKeys(journey: JourneyFacts): (Document & { _id: string })[] {
  const providerId = journey.providerId;
  const year = journey.cohortYear;
  const localAuthority = journey.localAuthority ?? null;
  const jobCoachId = journey.jobCoachId ?? null;
  // An ObjectId is written into the `_id` as its hex string (its toJSON).
  const row = (grain: OutcomeGrain, fields: Document) => ({
    _id: JSON.stringify([grain, providerId.toHexString(), ...Object.values(fields)]),
    providerId,
    grain,
    ...fields,
  });
  return [
    row('area', { cohortYear: year, localAuthority, sector: journey.sector }),
    row('year', { cohortYear: year }),
    ...[year, null].flatMap((cohortYear) => [
      row('authority', { cohortYear, localAuthority }),
      row('sector', { cohortYear, sector: journey.sector }),
      row('coach', { cohortYear, jobCoachId }),
    ]),
  ];
}

/** The rows a weekly log counts in: its year, local authority and sector's, and its provider's total. */
function supportKeys(scope: LogScope): (Document & { _id: string })[] {
  const localAuthority = scope.localAuthority ?? null;
  return [
    {
      _id: JSON.stringify(['area', scope.providerId.toHexString(), scope.cohortYear, localAuthority, scope.sector]),
      providerId: scope.providerId,
      grain: 'area',
      cohortYear: scope.cohortYear,
      localAuthority,
      sector: scope.sector,
    },
    {
      _id: JSON.stringify(['provider', scope.providerId.toHexString()]),
      providerId: scope.providerId,
      grain: 'provider',
    },
  ];
}

type RowChanges = Map<string, { key: Document & { _id: string }; inc: Record<string, number> }>;

function bump(into: RowChanges, key: Document & { _id: string }, path: string, by: number) {
  const entry = into.get(key._id) ?? { key, inc: {} as Record<string, number> };
  entry.inc[path] = (entry.inc[path] ?? 0) + by;
  into.set(key._id, entry);
}

/** Adds `sign` times a journey's counts to the `$inc` of each row it counts in. */
function addOutcomes(into: RowChanges, journey: JourneyFacts, sign: 1 | -1) {
  const { counts, daysToStart } = journeyCounts(journey);
  for (const key of outcomeKeys(journey)) {
    for (const name of countNames) bump(into, key, name, sign * counts[name]);
    if (daysToStart !== null) bump(into, key, `days.${daysToStart}`, sign);
  }
}

function addLog(into: RowChanges, scope: LogScope, log: LogFacts, sign: 1 | -1) {
  for (const key of supportKeys(scope)) {
    bump(into, key, `weeks.${log.weekNumber}.logs`, sign);
    bump(into, key, `weeks.${log.weekNumber}.supportHours`, sign * log.supportHours);
    bump(into, key, `weeks.${log.weekNumber}.hoursWorked`, sign * log.hoursWorked);
  }
}

function upserts(changes: RowChanges): AnyBulkWriteOperation<{ _id: string }>[] {
  const operations: AnyBulkWriteOperation<{ _id: string }>[] = [];
  for (const { key, inc } of changes.values()) {
    const net = Object.fromEntries(Object.entries(inc).filter(([, value]) => value !== 0));
    if (Object.keys(net).length === 0) continue;
    const { _id, ...fields } = key;
    operations.push({ updateOne: { filter: { _id }, update: { $inc: net, $setOnInsert: fields }, upsert: true } });
  }
  return operations;
}

/** A row as `rebuild` writes it: the identifying fields, and every `$inc` path set as a nested value. */
function rowOf({ key, inc }: { key: Document; inc: Record<string, number> }): Document {
  const row: Document = { ...key };
  for (const [path, value] of Object.entries(inc)) {
    if (value === 0) continue;
    const parts = path.split('.');
    let at = row;
    for (const part of parts.slice(0, -1)) at = at[part] ??= {};
    at[parts.at(-1)!] = value;
  }
  return row;
}

/** What a provider dashboard can be narrowed to (the job coach filter is served from the journeys). */
export interface SummaryFilters {
  academicYear?: number;
  localAuthority?: string;
  sector?: string;
}

export type GroupedCounts = Counts & { _id: unknown };
export type AreaBreakdowns = Record<'overall' | 'byCohortYear' | 'byLocalAuthority' | 'bySector', GroupedCounts[]>;

interface Tally {
  counts: Record<CountName, number>;
  days: Map<number, number>;
}

function tallyRow(tallies: Map<string, { id: unknown; tally: Tally }>, id: unknown, row: Tallied) {
  const name = id instanceof ObjectId ? id.toHexString() : JSON.stringify(id);
  const entry = tallies.get(name) ?? {
    id,
    tally: { counts: Object.fromEntries(countNames.map((n) => [n, 0])) as Record<CountName, number>, days: new Map() },
  };
  // A count that has only ever been 0 is not in the row: `$inc` writes only what changed.
  for (const count of countNames) entry.tally.counts[count] += row[count] ?? 0;
  for (const [days, n] of Object.entries(row.days ?? {}))
    entry.tally.days.set(Number(days), (entry.tally.days.get(Number(days)) ?? 0) + n);
  tallies.set(name, entry);
}

/** The median the full aggregation computes: the mean of the two middle values, null when there are none. */
export function medianOfHistogram(histogram: Map<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (index < seen) return value;
    }
    throw new Error('index beyond the histogram');
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}

/** BSON order, as `$sort: { _id: 1 }` gives it: null first, then numbers, strings, ObjectIds. */
function bsonOrder(a: unknown, b: unknown): number {
  const rank = (value: unknown) =>
    value === null || value === undefined ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof ObjectId && b instanceof ObjectId) return Buffer.compare(a.id, b.id);
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return 0;
}

function groupsOf(tallies: Map<string, { id: unknown; tally: Tally }>): GroupedCounts[] {
  return [...tallies.values()]
    .filter(({ tally }) => tally.counts.proposals > 0)
    .sort((a, b) => bsonOrder(a.id, b.id))
    .map(({ id, tally }) => ({
      ...emptyCounts,
      ...tally.counts,
      medianDaysToStart: medianOfHistogram(tally.days),
      _id: id ?? null,
    }));
}

/**
 * How job coaches are listed: most proposals first (the largest caseloads, where most of the
 * figures come from), then by coach id so that pages do not overlap. `coachRowOrder` is the same
 * order over the coach rows, and `coachOrderStages` over `groupedCounts('$jobCoachId')`.
 */
const coachRowOrder = { proposals: -1, jobCoachId: 1 } as const;
export const coachOrderStages: Document[] = [{ $sort: { proposals: -1, _id: 1 } }];

function coachFilter(providerId: ObjectId, academicYear: number | undefined) {
  return { providerId, grain: 'coach' as const, cohortYear: academicYear ?? null, proposals: { $gt: 0 } };
}

function coachGroup(row: OutcomeRow): GroupedCounts {
  const tallies = new Map<string, { id: unknown; tally: Tally }>();
  tallyRow(tallies, row.jobCoachId ?? null, row);
  return groupsOf(tallies)[0]!;
}

export class DashboardSummaries {
  readonly outcomes: Collection<OutcomeRow>;
  readonly supportWeeks: Collection<SupportRow>;
  readonly #state: Collection<{ _id: string; version: number; builtAt: Date }>;
  readonly #matches: Collection<Document>;
  readonly #logs: Collection<Document>;

  constructor(db: Db, sources: { matches: string; logs: string }) {
    this.outcomes = db.collection<OutcomeRow>(outcomeCountsCollection.name);
    this.supportWeeks = db.collection<SupportRow>(supportWeeksCollection.name);
    this.#state = db.collection(summaryStateCollection.name);
    this.#matches = db.collection(sources.matches);
    this.#logs = db.collection(sources.logs);
  }

  /** Journeys were added (no `before`), changed, or erased (no `after`). */
  async journeysChanged(
    changed: { before?: JourneyFacts; after?: JourneyFacts }[],
    session: ClientSession,
  ): Promise<void> {
    const changes: RowChanges = new Map();
    for (const { before, after } of changed) {
      if (before) addOutcomes(changes, before, -1);
      if (after) addOutcomes(changes, after, 1);
    }
    const operations = upserts(changes);
    if (operations.length > 0)
      await this.outcomes.bulkWrite(operations as AnyBulkWriteOperation<OutcomeRow>[], { session, ordered: false });
  }

  /** Weekly logs were added (`sign` 1) or erased (-1) for journeys in the given scopes. */
  async logsChanged(
    entries: { scope: LogScope; log: LogFacts }[],
    sign: 1 | -1,
    session: ClientSession,
  ): Promise<void> {
    const changes: RowChanges = new Map();
    for (const { scope, log } of entries) addLog(changes, scope, log, sign);
    const operations = upserts(changes);
    if (operations.length > 0)
      await this.supportWeeks.bulkWrite(operations as AnyBulkWriteOperation<SupportRow>[], { session, ordered: false });
  }

  /**
   * The provider's outcome counts overall and by year, local authority and sector, in the shape
   * (and order) of `outcomeFacetPipeline`; the job coaches' come a page at a time from `coachPage`.
   */
  async outcomeBreakdowns(providerId: ObjectId, filters: SummaryFilters): Promise<AreaBreakdowns> {
    if (filters.localAuthority !== undefined || filters.sector !== undefined)
      return this.#areaBreakdowns(providerId, filters);
    const year = filters.academicYear;
    const rows = await this.outcomes
      .find({
        $or: [
          { providerId, grain: 'year', ...(year !== undefined ? { cohortYear: year } : {}) },
          { providerId, grain: { $in: ['authority', 'sector'] }, cohortYear: year ?? null },
        ],
      })
      .toArray();
    const overall = new Map<string, { id: unknown; tally: Tally }>();
    const byCohortYear = new Map<string, { id: unknown; tally: Tally }>();
    const byLocalAuthority = new Map<string, { id: unknown; tally: Tally }>();
    const bySector = new Map<string, { id: unknown; tally: Tally }>();
    for (const row of rows) {
      if (row.grain === 'year') {
        tallyRow(overall, null, row);
        tallyRow(byCohortYear, row.cohortYear, row);
      } else if (row.grain === 'authority') tallyRow(byLocalAuthority, row.localAuthority, row);
      else tallyRow(bySector, row.sector, row);
    }
    return {
      overall: groupsOf(overall),
      byCohortYear: groupsOf(byCohortYear),
      byLocalAuthority: groupsOf(byLocalAuthority),
      bySector: groupsOf(bySector),
    };
  }

  /** Narrowed by local authority or sector: add up the rows of each year, local authority and sector that match. */
  async #areaBreakdowns(providerId: ObjectId, filters: SummaryFilters): Promise<AreaBreakdowns> {
    const areaRows = await this.outcomes
      .find({
        providerId,
        grain: 'area' as const,
        ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
        ...(filters.localAuthority !== undefined ? { localAuthority: filters.localAuthority } : {}),
        ...(filters.sector !== undefined ? { sector: filters.sector } : {}),
      })
      .toArray();
    const overall = new Map<string, { id: unknown; tally: Tally }>();
    const byCohortYear = new Map<string, { id: unknown; tally: Tally }>();
    const byLocalAuthority = new Map<string, { id: unknown; tally: Tally }>();
    const bySector = new Map<string, { id: unknown; tally: Tally }>();
    for (const row of areaRows) {
      tallyRow(overall, null, row);
      tallyRow(byCohortYear, row.cohortYear, row);
      tallyRow(byLocalAuthority, row.localAuthority, row);
      tallyRow(bySector, row.sector, row);
    }
    return {
      overall: groupsOf(overall),
      byCohortYear: groupsOf(byCohortYear),
      byLocalAuthority: groupsOf(byLocalAuthority),
      bySector: groupsOf(bySector),
    };
  }

  /**
   * One page of the provider's job coaches in the order of `coachRowOrder` (of one academic year, or of all), and
   * how many coaches there are: two reads of the ranking index, neither sorting nor counting rows
   * beyond the page.
   */
  async coachPage(
    providerId: ObjectId,
    academicYear: number | undefined,
    page: { limit: number; offset: number },
  ): Promise<{ rows: GroupedCounts[]; total: number }> {
    const filter = coachFilter(providerId, academicYear);
    const [rows, total] = await Promise.all([
      this.outcomes.find(filter).sort(coachRowOrder).skip(page.offset).limit(page.limit).toArray(),
      this.outcomes.countDocuments(filter),
    ]);
    return { rows: rows.map(coachGroup), total };
  }

  /** Every job coach's counts in the order of `coachPage`, read as they are used (for the CSV export). */
  allCoaches(
    providerId: ObjectId,
    academicYear: number | undefined,
    options: { session: ClientSession; batchSize: number },
  ): AsyncIterable<GroupedCounts> {
    return this.outcomes
      .find(coachFilter(providerId, academicYear), { sort: coachRowOrder, ...options })
      .map(coachGroup);
  }

  /** The support-hours trend, as `supportTrendPipeline` computes it from the weekly logs. */
  async supportTrend(providerId: ObjectId, filters: SummaryFilters) {
    return this.supportWeeks
      .aggregate<{ _id: number; internships: number; averageSupportHours: number; averageHoursWorked: number }>([
        {
          $match:
            filters.academicYear === undefined && filters.localAuthority === undefined && filters.sector === undefined
              ? { providerId, grain: 'provider' }
              : {
                  providerId,
                  grain: 'area',
                  ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
                  ...(filters.localAuthority !== undefined ? { localAuthority: filters.localAuthority } : {}),
                  ...(filters.sector !== undefined ? { sector: filters.sector } : {}),
                },
        },
        { $project: { _id: 0, week: { $objectToArray: '$weeks' } } },
        { $unwind: '$week' },
        {
          $project: {
            week: { $toInt: '$week.k' },
            logs: '$week.v.logs',
            supportHours: '$week.v.supportHours',
            hoursWorked: '$week.v.hoursWorked',
          },
        },
        { $match: { week: { $lte: trendWeeks }, logs: { $gt: 0 } } },
        {
          $group: {
            _id: '$week',
            internships: { $sum: '$logs' },
            supportHours: { $sum: '$supportHours' },
            hoursWorked: { $sum: '$hoursWorked' },
          },
        },
        { $sort: { _id: 1 } },
        {
          $project: {
            internships: 1,
            averageSupportHours: { $round: [{ $divide: ['$supportHours', '$internships'] }, 1] },
            averageHoursWorked: { $round: [{ $divide: ['$hoursWorked', '$internships'] }, 1] },
          },
        },
      ])
      .toArray();
  }

  /**
   * Recomputes every row from the journeys and weekly logs. For bulk loads and version changes,
   * when nothing else is writing journeys: it replaces the rows outright.
   */
  async rebuild(): Promise<{ journeys: number; logs: number }> {
    const outcomes: RowChanges = new Map();
    const scopes = new Map<string, LogScope>();
    let journeys = 0;
    const journeyFields = {
      providerId: 1,
      jobCoachId: 1,
      cohortYear: 1,
      localAuthority: 1,
      sector: 1,
      state: 1,
      startedOn: 1,
      proposedAt: 1,
      outcome: 1,
      followUp: 1,
    };
    for await (const journey of this.#matches.find({}, { projection: journeyFields })) {
      addOutcomes(outcomes, journey as unknown as JourneyFacts, 1);
      scopes.set(journey._id.toHexString(), journey as unknown as LogScope);
      journeys++;
    }
    const support: RowChanges = new Map();
    let logs = 0;
    for await (const log of this.#logs.find(
      {},
      { projection: { matchId: 1, weekNumber: 1, supportHours: 1, hoursWorked: 1 } },
    )) {
      const scope = scopes.get((log.matchId as ObjectId).toHexString());
      if (!scope) continue;
      addLog(support, scope, log as unknown as LogFacts, 1);
      logs++;
    }
    await this.outcomes.deleteMany({});
    await this.supportWeeks.deleteMany({});
    const write = async (collection: Collection<Document>, rows: Document[]) => {
      for (let i = 0; i < rows.length; i += 1000)
        await collection.insertMany(rows.slice(i, i + 1000), { ordered: false });
    };
    await write(this.outcomes as unknown as Collection<Document>, [...outcomes.values()].map(rowOf));
    await write(this.supportWeeks as unknown as Collection<Document>, [...support.values()].map(rowOf));
    await this.#state.updateOne(
      { _id: 'summaries' },
      { $set: { version: summariesVersion, builtAt: new Date() } },
      { upsert: true },
    );
    return { journeys, logs };
  }

  /**
   * At start: when the rows were made by another version (or never), brings the journeys' academic
   * years up to date (by actual start once there is one) and rebuilds the rows from the records.
   */
  async ensure(logger: Logger): Promise<void> {
    const state = await this.#state.findOne({ _id: 'summaries' });
    if (state?.version === summariesVersion) return;
    const started = Date.now();
    await this.#matches.updateMany({ startedOn: { $type: 'string' } }, [
      { $set: { cohortYear: academicYearExpression('$startedOn') } },
    ]);
    const counted = await this.rebuild();
    logger.info({ ...counted, ms: Date.now() - started }, 'dashboard summaries rebuilt');
  }
}

/** The academic year (from 1 September) of an ISO date held in `field`, as `cohortYearOf` works it out. */
function academicYearExpression(field: string): Document {
  const year = { $toInt: { $substrBytes: [field, 0, 4] } };
  const month = { $toInt: { $substrBytes: [field, 5, 2] } };
  return { $cond: [{ $gte: [month, 9] }, year, { $subtract: [year, 1] }] };
}
