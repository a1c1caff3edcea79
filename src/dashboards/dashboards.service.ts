import { type ClientSession, type Document, type MongoClient, ObjectId } from 'mongodb';
import { type Actor, authorize, providerDashboardScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour, todayInEngland } from '../core/dates.js';
import { forbidden } from '../core/errors.js';
import { type Sector, sectorLabels } from '../domain/vocabulary.js';
import type { AccessToWorkFiguresReadModel } from '../read-models/access-to-work-figures.js';
import type { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import type { DashboardsReadModel } from '../read-models/dashboards.js';
import type { NamesReadModel } from '../read-models/names.js';
import { accessToWorkFigureDefinitions, accessToWorkFigures } from './access-to-work-figures.js';
import { type AdjustmentFact, adjustmentDashboardDefinitions, adjustmentFigures } from './adjustment-figures.js';
import {
  emptyCounts,
  figureDefinitions,
  figuresFrom,
  groupedCounts,
  journeyFlags,
  outcomeFacetPipeline,
  supportTrendPipeline,
} from './dashboard-figures.js';
import {
  academicYearLabel,
  type CoachPage,
  type DashboardFilters,
  defaultCoachPage,
  journeyFilter,
} from './dashboard-filters.js';
import {
  type AreaBreakdowns,
  coachOrderStages,
  type DashboardSummaries,
  type GroupedCounts,
} from './dashboard-summaries.js';
import { EmployerDashboard } from './employer-dashboard.js';

// The routes, the reports page and the tests narrow a dashboard with these.
export { academicYearLabel, type CoachPage, type DashboardFilters, defaultCoachPage, journeyFilter };

export const breakdownDefinitions = {
  byCohortYear:
    'By academic year (from 1 September): the year the internship actually started in; for one that has not started, the year of the young person’s planned start when they were proposed.',
  byLocalAuthority:
    'By the young person’s local authority when they were proposed; "Not recorded" when none was given.',
  bySector: 'By the sector of the placement.',
  byJobCoach:
    'By the job coach whose caseload the young person was on when proposed; the coaches with the most proposals first, a page at a time (see byJobCoachPage). The CSV has every coach.',
  supportHoursTrend:
    'For each week of an internship (week 1 is the week it started): the mean job coach support hours and mean hours worked over every weekly log for that week, and how many internships logged it. Support falling while hours hold steady is fading.',
};

export const eligibilityExceptionDefinitions = {
  'eligibilityExceptions.total':
    'Young people admitted by a provider admin’s recorded exception to the eligibility rules (aged outside 16 to 24 at the planned start, or no EHC plan), by their planned start. Not narrowed by sector.',
  'eligibilityExceptions.withoutEhcPlan':
    'Of those, young people with no EHC plan, no assessment under way and no SEN support.',
};

export const trendDefinitions = {
  internships: 'Internships with a weekly log for that week.',
  averageSupportHours: 'The mean job coach support hours in that week’s logs (one decimal place).',
  averageHoursWorked: 'The mean hours worked in that week’s logs (one decimal place).',
};

/** Job coaches read and named at a time while the CSV export is sent. */
const exportBatch = 500;

type Breakdowns = AreaBreakdowns & { coaches: { rows: GroupedCounts[]; total: number } };

export class DashboardsService {
  private readonly mongo: MongoClient;
  private readonly summaries: DashboardSummaries;
  private readonly sources: DashboardsReadModel;
  private readonly names: NamesReadModel;
  private readonly accessToWork: AccessToWorkFiguresReadModel;
  private readonly adjustments: AdjustmentFiguresReadModel;
  private readonly clock: Clock;
  private readonly employerDashboard: EmployerDashboard;

  constructor(options: {
    mongo: MongoClient;
    summaries: DashboardSummaries;
    sources: DashboardsReadModel;
    /** Job coaches' and interns' names, many at a time (one query each). */
    names: NamesReadModel;
    accessToWork: AccessToWorkFiguresReadModel;
    adjustments: AdjustmentFiguresReadModel;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.summaries = options.summaries;
    this.sources = options.sources;
    this.names = options.names;
    this.accessToWork = options.accessToWork;
    this.adjustments = options.adjustments;
    this.clock = options.clock;
    this.employerDashboard = new EmployerDashboard(options);
  }

  /**
   * Outcome figures for the caller's provider: all of it for admins, their own caseload for job
   * coaches, narrowed by `filters`, with one page of the job-coach breakdown. Callable directly
   * (the web reports page does).
   */
  async provider(actor: Actor, filters: DashboardFilters = {}, page: CoachPage = defaultCoachPage) {
    const scope = this.#providerScope(actor, filters);
    const filter = this.#journeyScope(scope, filters);
    const [breakdowns, trend, exceptions, accessToWorkInterns, adjustments] = await Promise.all([
      scope.jobCoachId || filters.jobCoachId
        ? this.#fromRecords(filter, page)
        : this.#fromSummaries(filter, filters, page),
      scope.jobCoachId || filters.jobCoachId
        ? this.#supportTrend(filter, filters)
        : this.summaries.supportTrend(filter.providerId as ObjectId, filters),
      this.sources.eligibilityExceptions({
        providerId: scope.providerId,
        jobCoachId: scope.jobCoachId ?? filters.jobCoachId,
        localAuthority: filters.localAuthority,
        academicYear: filters.academicYear,
      }),
      this.accessToWork.interns(filter),
      this.adjustments.ofJourneys(filter),
    ]);
    const rows = (groups: GroupedCounts[], label: (id: unknown) => string) =>
      groups.map(({ _id, ...counts }) => ({
        key: _id === null || _id === undefined ? null : String(_id),
        label: label(_id),
        ...figuresFrom(counts),
      }));
    return {
      scope: {
        providerId: scope.providerId,
        ...(scope.jobCoachId ? { jobCoachId: scope.jobCoachId } : {}),
        coverage: scope.jobCoachId ? ('own_caseload' as const) : ('provider' as const),
      },
      filters,
      generatedAt: this.clock.now().toISOString(),
      overall: figuresFrom(stripId(breakdowns.overall[0]) ?? emptyCounts),
      byCohortYear: rows(breakdowns.byCohortYear, (id) => academicYearLabel(Number(id))),
      byLocalAuthority: rows(breakdowns.byLocalAuthority, (id) => (typeof id === 'string' ? id : 'Not recorded')),
      bySector: rows(breakdowns.bySector, (id) => sectorLabels[id as Sector] ?? String(id)),
      byJobCoach: await this.#namedCoachRows(breakdowns.coaches.rows),
      byJobCoachPage: { total: breakdowns.coaches.total, limit: page.limit, offset: page.offset },
      supportHoursTrend: trend.map(({ _id, ...week }) => ({ week: _id, ...week })),
      eligibilityExceptions: exceptions,
      accessToWork: accessToWorkFigures(accessToWorkInterns, todayInEngland(this.clock.now())),
      adjustments: this.#adjustmentFigures(adjustments),
      definitions: {
        ...adjustmentDashboardDefinitions,
        ...figureDefinitions,
        ...breakdownDefinitions,
        ...trendDefinitions,
        ...eligibilityExceptionDefinitions,
        ...Object.fromEntries(
          Object.entries(accessToWorkFigureDefinitions).map(([figure, words]) => [`accessToWork.${figure}`, words]),
        ),
      },
    };
  }

  /** The local authorities the caller's journeys were recorded under, by name: the choices for the filter. */
  async localAuthorities(actor: Actor): Promise<string[]> {
    const scope = this.#providerScope(actor, {});
    const names = await this.sources
      .journeys<{ _id: string }>([
        { $match: { ...this.#journeyScope(scope, {}), localAuthority: { $type: 'string' } } },
        { $group: { _id: '$localAuthority' } },
      ])
      .toArray();
    return names.map((row) => row._id).sort((a, b) => a.localeCompare(b, 'en-GB'));
  }

  /**
   * The provider dashboard with every job coach, for the CSV: the first page of coaches in
   * `dashboard`, and all of them (the first page again included) in batches as they are read, so
   * that an export of thousands of coaches starts at once and is never held whole.
   */
  async providerExport(actor: Actor, filters: DashboardFilters = {}) {
    const scope = this.#providerScope(actor, filters);
    const dashboard = await this.provider(actor, filters);
    // A caseload's breakdown is its one coach; only a whole provider's reads its coaches again, all of them.
    const wholeProvider = !scope.jobCoachId && !filters.jobCoachId;
    const firstPageHoldsAll = dashboard.byJobCoachPage.total <= dashboard.byJobCoach.length;
    return {
      dashboard,
      coaches:
        !wholeProvider || firstPageHoldsAll
          ? oneBatch(dashboard.byJobCoach)
          : this.#allCoaches(this.#journeyScope(scope, filters), filters),
    };
  }

  /**
   * Every coach of a whole provider, for the export. Read in one snapshot: the order is by
   * proposals, which may change while the rows are sent, and a row that moved would be sent twice
   * or not at all.
   */
  async *#allCoaches(filter: Document, filters: DashboardFilters) {
    const session = this.mongo.startSession({ snapshot: true });
    try {
      for await (const batch of this.#coachBatches(filter, filters, session)) yield await this.#namedCoachRows(batch);
    } finally {
      await session.endSession();
    }
  }

  #coachBatches(filter: Document, filters: DashboardFilters, session: ClientSession): AsyncIterable<GroupedCounts[]> {
    const rows =
      filters.localAuthority === undefined && filters.sector === undefined
        ? this.summaries.allCoaches(filter.providerId as ObjectId, filters.academicYear, {
            session,
            batchSize: exportBatch,
          })
        : this.sources.journeys<GroupedCounts>(this.#coachesFromRecords(filter), {
            session,
            batchSize: exportBatch,
          });
    return batches(rows, exportBatch);
  }

  #providerScope(actor: Actor, filters: DashboardFilters) {
    if (!actor.providerId) throw forbidden('Only provider staff have a provider dashboard.');
    authorize(actor, 'provider.dashboard', { type: 'provider', id: actor.providerId });
    const scope = providerDashboardScope(actor)!;
    if (scope.jobCoachId && filters.jobCoachId && filters.jobCoachId !== scope.jobCoachId) {
      throw forbidden('Job coaches see the figures of their own caseload only.');
    }
    return scope;
  }

  #journeyScope(scope: { providerId: string; jobCoachId?: string }, filters: DashboardFilters): Document {
    return journeyFilter(
      {
        providerId: new ObjectId(scope.providerId),
        ...(scope.jobCoachId ? { jobCoachId: new ObjectId(scope.jobCoachId) } : {}),
      },
      filters,
    );
  }

  async #namedCoachRows(groups: GroupedCounts[]) {
    const ids = groups.map((row) => row._id).filter((id): id is ObjectId => id instanceof ObjectId);
    const names = await this.names.accountNames(ids.map((id) => id.toHexString()));
    return groups.map(({ _id, ...counts }) => ({
      key: _id instanceof ObjectId ? _id.toHexString() : null,
      label: _id instanceof ObjectId ? (names.get(_id.toHexString()) ?? 'A former job coach') : 'No job coach',
      ...figuresFrom(counts),
    }));
  }

  /** One coach's caseload is small: aggregate its journeys. */
  async #fromRecords(filter: Document, page: CoachPage): Promise<Breakdowns> {
    const [facets] = await this.sources
      .journeys<Record<'overall' | 'byCohortYear' | 'byLocalAuthority' | 'bySector' | 'byJobCoach', GroupedCounts[]>>(
        outcomeFacetPipeline(filter),
      )
      .toArray();
    const { byJobCoach = [], ...areas } = facets ?? {
      overall: [],
      byCohortYear: [],
      byLocalAuthority: [],
      bySector: [],
    };
    return {
      ...areas,
      coaches: { rows: byJobCoach.slice(page.offset, page.offset + page.limit), total: byJobCoach.length },
    };
  }

  /**
   * A whole provider can hold tens of thousands of journeys and thousands of coaches: read the
   * running totals, and only the page of coaches asked for. Only the job-coach breakdown narrowed
   * by local authority or sector is not kept, and comes from the journeys.
   */
  async #fromSummaries(filter: Document, filters: DashboardFilters, page: CoachPage): Promise<Breakdowns> {
    const providerId = filter.providerId as ObjectId;
    const [areas, coaches] = await Promise.all([
      this.summaries.outcomeBreakdowns(providerId, filters),
      filters.localAuthority !== undefined || filters.sector !== undefined
        ? this.#coachPageFromRecords(filter, page)
        : this.summaries.coachPage(providerId, filters.academicYear, page),
    ]);
    return { ...areas, coaches };
  }

  #coachesFromRecords(filter: Document): Document[] {
    return [{ $match: filter }, journeyFlags(), ...groupedCounts('$jobCoachId'), ...coachOrderStages];
  }

  async #coachPageFromRecords(filter: Document, page: CoachPage) {
    const [result] = await this.sources
      .journeys<{ rows: GroupedCounts[]; total: { n: number }[] }>([
        ...this.#coachesFromRecords(filter),
        { $facet: { rows: [{ $skip: page.offset }, { $limit: page.limit }], total: [{ $count: 'n' }] } },
      ])
      .toArray();
    return { rows: result?.rows ?? [], total: result?.total[0]?.n ?? 0 };
  }

  /** Weekly logs carry the provider and coach but not the journey's year, area or sector: those narrow by journey. */
  async #supportTrend(filter: Document, filters: DashboardFilters) {
    const byJourney =
      filters.academicYear !== undefined || filters.localAuthority !== undefined || filters.sector !== undefined;
    const logFilter: Document = byJourney
      ? { providerId: filter.providerId, matchId: { $in: await this.sources.journeyIds(filter) } }
      : { providerId: filter.providerId, ...(filter.jobCoachId ? { jobCoachId: filter.jobCoachId } : {}) };
    return this.sources
      .weeklyLogs<{ _id: number; internships: number; averageSupportHours: number; averageHoursWorked: number }>(
        supportTrendPipeline(logFilter),
      )
      .toArray();
  }

  /** The employer's placements, interns and outcomes; only journeys the young person agreed to. */
  async employer(actor: Actor, filters: DashboardFilters = {}) {
    return this.employerDashboard.of(actor, filters);
  }

  #adjustmentFigures(facts: AdjustmentFact[]) {
    return adjustmentFigures(facts, londonDayAndHour(this.clock.now()).day);
  }
}

function stripId<T extends { _id?: unknown }>(row: T | undefined): Omit<T, '_id'> | undefined {
  if (!row) return undefined;
  const { _id, ...rest } = row;
  return rest;
}

async function* oneBatch<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** A cursor's documents `size` at a time. */
async function* batches<T>(cursor: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of cursor) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
