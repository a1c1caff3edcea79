import type { AnyBulkWriteOperation, ClientSession, Collection, Db, Document, ObjectId } from 'mongodb';
import type { Logger } from '../core/logger.js';
import { trendWeeks } from './dashboard-figures.js';
import { outcomeCountsCollection, summaryStateCollection, supportWeeksCollection } from './summary-collections.js';
import {
  addLog,
  addOutcomes,
  type JourneyFacts,
  type LogFacts,
  type LogScope,
  type OutcomeRow,
  type RowChanges,
  rowOf,
  type SupportRow,
  upserts,
} from './summary-rows.js';
import {
  type AreaBreakdowns,
  coachFilter,
  coachGroup,
  coachRowOrder,
  type GroupedCounts,
  groupsOf,
  type SummaryFilters,
  type Tally,
  tallyRow,
} from './summary-tallies.js';

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

// The journey and weekly-log repositories, the collections list, the service and the tests know them from here.
export {
  outcomeCountsCollection,
  replacedOutcomeCountsIndex,
  summaryStateCollection,
  supportWeeksCollection,
} from './summary-collections.js';
export type { JourneyFacts, LogFacts, LogScope } from './summary-rows.js';
export {
  type AreaBreakdowns,
  coachOrderStages,
  type GroupedCounts,
  medianOfHistogram,
  type SummaryFilters,
} from './summary-tallies.js';

/** Bump when what the rows hold changes: the service rebuilds them at its next start. */
const summariesVersion = 5;

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
