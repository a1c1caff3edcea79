import { type Document, ObjectId } from 'mongodb';
import type { AccountsRepository } from '../auth/accounts.js';
import { type Actor, authorize, providerDashboardScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { forbidden, notFound } from '../core/errors.js';
import { type Sector, sectorLabels } from '../domain/vocabulary.js';
import type { EmployersRepository } from '../employers/employers.repository.js';
import { employerResource } from '../employers/employers.service.js';
import type { JourneyState } from '../journey/journey.machine.js';
import type { PlacementMatchesRepository } from '../journey/journey.repository.js';
import type { OutcomeType } from '../journey/journey.schemas.js';
import type { ProgressRepository } from '../journey/progress.repository.js';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import {
  type Counts,
  emptyCounts,
  figureDefinitions,
  figuresFrom,
  groupedCounts,
  journeyFlags,
  outcomeFacetPipeline,
  percent,
  sums,
  supportTrendPipeline,
} from './dashboard-figures.js';
import type { DashboardSummaries, OutcomeBreakdowns } from './dashboard-summaries.js';

type GroupRow = Counts & { _id: unknown };
type EmployerRow = GroupRow & {
  awaitingDecision: number;
  tasters: number;
  acceptedByEmployer: number;
  declinedByEmployer: number;
  hiredByEmployer: number;
};
const noEmployerRow: EmployerRow = {
  ...emptyCounts,
  _id: null,
  awaitingDecision: 0,
  tasters: 0,
  acceptedByEmployer: 0,
  declinedByEmployer: 0,
  hiredByEmployer: 0,
};

const internsListed = 200;

export const breakdownDefinitions = {
  byCohortYear:
    'By academic year (from 1 September): the year the internship actually started in; for one that has not started, the year of the young person’s planned start when they were proposed.',
  byLocalAuthority:
    'By the young person’s local authority when they were proposed; "Not recorded" when none was given.',
  bySector: 'By the sector of the placement.',
  byJobCoach: 'By the job coach whose caseload the young person was on when proposed.',
  supportHoursTrend:
    'For each week of an internship (week 1 is the week it started): the mean job coach support hours and mean hours worked over every weekly log for that week, and how many internships logged it. Support falling while hours hold steady is fading.',
};

export const employerDefinitions = {
  awaitingDecision:
    'Proposals the young person agreed to that wait for your decision, including those with a taster arranged.',
  tasters: 'Proposals for which you arranged a taster day or informal interview.',
  acceptedByEmployer: 'Proposals you accepted.',
  declinedByEmployer: 'Proposals you declined.',
  hiredByEmployer: 'Completed internships that ended in paid employment with you.',
  hiredByEmployerPercent: 'Paid employment with you as a percentage of completed internships.',
  interns: 'Interns who started with you, most recent first (at most 200).',
};

/** What a dashboard can be narrowed to; each matches the journey's own copy of the field. */
export interface DashboardFilters {
  /** The academic year starting in September of this year: of the actual start, or of the planned start before one. */
  academicYear?: number;
  localAuthority?: string;
  sector?: Sector;
  jobCoachId?: string;
}

export function journeyFilter(base: Document, filters: DashboardFilters): Document {
  return {
    ...base,
    ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
    ...(filters.localAuthority !== undefined ? { localAuthority: filters.localAuthority } : {}),
    ...(filters.sector !== undefined ? { sector: filters.sector } : {}),
    ...(filters.jobCoachId !== undefined ? { jobCoachId: new ObjectId(filters.jobCoachId) } : {}),
  };
}

/** "2026/27" for the academic year that starts in September 2026. */
export function academicYearLabel(year: number): string {
  return `${year}/${String(year + 1).slice(2)}`;
}

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

export class DashboardsService {
  private readonly matches: PlacementMatchesRepository;
  private readonly progress: ProgressRepository;
  private readonly summaries: DashboardSummaries;
  private readonly placements: PlacementsRepository;
  private readonly employers: EmployersRepository;
  private readonly youngPeople: YoungPeopleRepository;
  private readonly accounts: AccountsRepository;
  private readonly clock: Clock;

  constructor(options: {
    matches: PlacementMatchesRepository;
    progress: ProgressRepository;
    summaries: DashboardSummaries;
    placements: PlacementsRepository;
    employers: EmployersRepository;
    youngPeople: YoungPeopleRepository;
    accounts: AccountsRepository;
    clock: Clock;
  }) {
    this.matches = options.matches;
    this.progress = options.progress;
    this.summaries = options.summaries;
    this.placements = options.placements;
    this.employers = options.employers;
    this.youngPeople = options.youngPeople;
    this.accounts = options.accounts;
    this.clock = options.clock;
  }

  /**
   * Outcome figures for the caller's provider: all of it for admins, their own caseload for job
   * coaches, narrowed by `filters`. Callable directly (the web reports page does).
   */
  async provider(actor: Actor, filters: DashboardFilters = {}) {
    if (!actor.providerId) throw forbidden('Only provider staff have a provider dashboard.');
    authorize(actor, 'provider.dashboard', { type: 'provider', id: actor.providerId });
    const scope = providerDashboardScope(actor)!;
    if (scope.jobCoachId && filters.jobCoachId && filters.jobCoachId !== scope.jobCoachId) {
      throw forbidden('Job coaches see the figures of their own caseload only.');
    }
    const filter = journeyFilter(
      {
        providerId: new ObjectId(scope.providerId),
        ...(scope.jobCoachId ? { jobCoachId: new ObjectId(scope.jobCoachId) } : {}),
      },
      filters,
    );
    const { facets, trend } =
      scope.jobCoachId || filters.jobCoachId
        ? await this.#fromRecords(filter, filters)
        : await this.#fromSummaries(filter, filters);
    const [coachNames, exceptions] = await Promise.all([
      this.#coachNames(
        (facets?.byJobCoach ?? []).map((row) => row._id).filter((id): id is ObjectId => id instanceof ObjectId),
      ),
      this.#eligibilityExceptions(scope, filters),
    ]);
    const rows = (key: keyof NonNullable<typeof facets>, label: (id: unknown) => string) =>
      (facets?.[key] ?? []).map(({ _id, ...counts }) => ({
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
      overall: figuresFrom(stripId(facets?.overall[0]) ?? emptyCounts),
      byCohortYear: rows('byCohortYear', (id) => academicYearLabel(Number(id))),
      byLocalAuthority: rows('byLocalAuthority', (id) => (typeof id === 'string' ? id : 'Not recorded')),
      bySector: rows('bySector', (id) => sectorLabels[id as Sector] ?? String(id)),
      byJobCoach: rows('byJobCoach', (id) =>
        id instanceof ObjectId ? (coachNames.get(id.toHexString()) ?? 'A former job coach') : 'No job coach',
      ),
      supportHoursTrend: trend.map(({ _id, ...week }) => ({ week: _id, ...week })),
      eligibilityExceptions: exceptions,
      definitions: {
        ...figureDefinitions,
        ...breakdownDefinitions,
        ...trendDefinitions,
        ...eligibilityExceptionDefinitions,
      },
    };
  }

  /** Young people let in by a provider admin's recorded exception (age, or no EHC plan), in the same scope and filters. */
  async #eligibilityExceptions(scope: { providerId: string; jobCoachId?: string }, filters: DashboardFilters) {
    const coach = scope.jobCoachId ?? filters.jobCoachId;
    const base = {
      providerId: new ObjectId(scope.providerId),
      eligibilityException: { $exists: true },
      ...(coach ? { jobCoachId: new ObjectId(coach) } : {}),
      ...(filters.localAuthority !== undefined ? { localAuthority: filters.localAuthority } : {}),
      ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
    };
    const [total, withoutEhcPlan] = await Promise.all([
      this.youngPeople.collection.countDocuments(base),
      this.youngPeople.collection.countDocuments({ ...base, ehcPlan: 'none' }),
    ]);
    return { total, withoutEhcPlan };
  }

  /**
   * One coach's caseload is small: aggregate its journeys and logs. Both reads at once, since they
   * are of different collections.
   */
  async #fromRecords(filter: Document, filters: DashboardFilters) {
    const [facets, trend] = await Promise.all([this.#outcomeFacets(filter), this.#supportTrend(filter, filters)]);
    return { facets, trend };
  }

  /**
   * A whole provider can hold tens of thousands of journeys: read the running totals instead. Only
   * the job-coach breakdown narrowed by local authority or sector is not kept, and comes from the journeys.
   */
  async #fromSummaries(filter: Document, filters: DashboardFilters) {
    const providerId = filter.providerId as ObjectId;
    const byCoachFromRecords = filters.localAuthority !== undefined || filters.sector !== undefined;
    const [facets, trend, byJobCoach] = await Promise.all([
      this.summaries.outcomeBreakdowns(providerId, filters),
      this.summaries.supportTrend(providerId, filters),
      byCoachFromRecords
        ? this.matches.collection
            .aggregate<GroupRow>([{ $match: filter }, journeyFlags(), ...groupedCounts('$jobCoachId')])
            .toArray()
        : undefined,
    ]);
    const breakdowns: OutcomeBreakdowns = byJobCoach ? { ...facets, byJobCoach } : facets;
    return { facets: breakdowns, trend };
  }

  async #outcomeFacets(filter: Document) {
    const [facets] = await this.matches.collection
      .aggregate<Record<'overall' | 'byCohortYear' | 'byLocalAuthority' | 'bySector' | 'byJobCoach', GroupRow[]>>(
        outcomeFacetPipeline(filter),
      )
      .toArray();
    return facets;
  }

  /** Weekly logs carry the provider and coach but not the journey's year, area or sector: those narrow by journey. */
  async #supportTrend(filter: Document, filters: DashboardFilters) {
    const byJourney =
      filters.academicYear !== undefined || filters.localAuthority !== undefined || filters.sector !== undefined;
    const logFilter: Document = byJourney
      ? { providerId: filter.providerId, matchId: { $in: await this.matches.collection.distinct('_id', filter) } }
      : { providerId: filter.providerId, ...(filter.jobCoachId ? { jobCoachId: filter.jobCoachId } : {}) };
    return this.progress.logs
      .aggregate<{ _id: number; internships: number; averageSupportHours: number; averageHoursWorked: number }>(
        supportTrendPipeline(logFilter),
      )
      .toArray();
  }

  async #coachNames(ids: ObjectId[]): Promise<Map<string, string>> {
    const docs = await this.accounts.collection.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), doc.name]));
  }

  /** The employer's placements, interns and outcomes; only journeys the young person agreed to. */
  async employer(actor: Actor, filters: DashboardFilters = {}) {
    if (!actor.employerId) throw forbidden('Only employer staff have an employer dashboard.');
    const employer = await this.employers.byId(actor.employerId);
    if (!employer) throw notFound('Employer');
    authorize(actor, 'employer.dashboard', employerResource(employer));
    const employerId = new ObjectId(employer.id);
    const employerFlags = {
      awaitingDecision: { $cond: [{ $in: ['$state', ['awaiting_employer', 'taster_arranged']] }, 1, 0] },
      tasters: { $cond: [{ $ne: [{ $type: '$taster' }, 'missing'] }, 1, 0] },
      acceptedByEmployer: { $cond: [{ $eq: ['$employerDecision.accepted', true] }, 1, 0] },
      declinedByEmployer: { $cond: [{ $eq: ['$employerDecision.accepted', false] }, 1, 0] },
      hiredByEmployer: {
        $cond: [
          {
            $and: [
              { $in: ['$state', ['completed', 'followed_up']] },
              { $eq: ['$outcome.type', 'paid_employment'] },
              { $eq: ['$outcome.employer', 'same'] },
            ],
          },
          1,
          0,
        ],
      },
    };
    const employerSums = sums(Object.keys(employerFlags));
    type InternRow = {
      matchId: ObjectId;
      youngPersonId: ObjectId;
      placementId: ObjectId;
      state: JourneyState;
      startedOn: string;
      endedOn?: string;
      outcomeType?: OutcomeType;
    };
    const [facets] = await this.matches.collection
      .aggregate<{ totals: EmployerRow[]; byPlacement: EmployerRow[]; interns: InternRow[] }>([
        { $match: journeyFilter({ employerId, visibleToEmployer: true }, filters) },
        journeyFlags({
          ...employerFlags,
          matchId: '$_id',
          youngPersonId: 1,
          placementId: 1,
          state: 1,
          startedOn: 1,
          endedOn: 1,
          outcomeType: '$outcome.type',
        }),
        {
          $facet: {
            totals: groupedCounts(null, employerSums),
            byPlacement: groupedCounts('$placementId', employerSums),
            interns: [
              { $match: { startedOn: { $exists: true } } },
              { $sort: { startedOn: -1 } },
              { $limit: internsListed },
              {
                $project: {
                  matchId: 1,
                  youngPersonId: 1,
                  placementId: 1,
                  state: 1,
                  startedOn: 1,
                  endedOn: 1,
                  outcomeType: 1,
                },
              },
            ],
          },
        },
      ])
      .toArray();
    const placements = await this.placements.collection
      .find({ employerId }, { projection: { title: 1, status: 1, places: 1, placesFilled: 1, startDate: 1 } })
      .sort({ startDate: -1 })
      .limit(200)
      .toArray();
    const byPlacement = new Map((facets?.byPlacement ?? []).map((row) => [String(row._id), row]));
    const interns = facets?.interns ?? [];
    const names = new Map(
      (await this.youngPeople.byIds([...new Set(interns.map((row) => row.youngPersonId.toHexString()))])).map((p) => [
        p.id,
        p.preferredName,
      ]),
    );
    const titles = new Map(placements.map((p) => [p._id.toHexString(), p.title]));
    const employerFigures = (row: EmployerRow | undefined) => {
      const { _id, awaitingDecision, tasters, acceptedByEmployer, declinedByEmployer, hiredByEmployer, ...counts } =
        row ?? noEmployerRow;
      const figures = figuresFrom(counts);
      return {
        ...figures,
        awaitingDecision,
        tasters,
        acceptedByEmployer,
        declinedByEmployer,
        hiredByEmployer,
        hiredByEmployerPercent: percent(hiredByEmployer, figures.completed),
      };
    };
    return {
      employerId: employer.id,
      filters,
      generatedAt: this.clock.now().toISOString(),
      totals: employerFigures(facets?.totals[0]),
      placements: placements.map((placement) => ({
        placementId: placement._id.toHexString(),
        title: placement.title,
        status: placement.status,
        startDate: placement.startDate,
        places: placement.places,
        placesFilled: placement.placesFilled,
        placesFree: Math.max(0, placement.places - placement.placesFilled),
        ...employerFigures(byPlacement.get(placement._id.toHexString())),
      })),
      interns: interns.map((row) => ({
        matchId: row.matchId.toHexString(),
        preferredName: names.get(row.youngPersonId.toHexString()) ?? 'A former intern',
        placementId: row.placementId.toHexString(),
        placementTitle: titles.get(row.placementId.toHexString()) ?? 'A placement',
        state: row.state,
        startedOn: row.startedOn,
        ...(row.endedOn ? { endedOn: row.endedOn } : {}),
        ...(row.outcomeType ? { outcome: row.outcomeType } : {}),
      })),
      definitions: { ...figureDefinitions, ...employerDefinitions },
    };
  }
}

function stripId<T extends { _id?: unknown }>(row: T | undefined): Omit<T, '_id'> | undefined {
  if (!row) return undefined;
  const { _id, ...rest } = row;
  return rest;
}
