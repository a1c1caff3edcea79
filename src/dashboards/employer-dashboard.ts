import { type Document, ObjectId } from 'mongodb';
import { type Actor, authorize } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import { forbidden, notFound } from '../core/errors.js';
import { awaitingEmployerStates, type JourneyState } from '../journey/journey.machine.js';
import type { OutcomeType } from '../journey/journey.schemas.js';
import type { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import type { DashboardsReadModel } from '../read-models/dashboards.js';
import type { NamesReadModel } from '../read-models/names.js';
import { adjustmentDashboardDefinitions, adjustmentFigures } from './adjustment-figures.js';
import {
  type Counts,
  emptyCounts,
  figureDefinitions,
  figuresFrom,
  groupedCounts,
  journeyFlags,
  percent,
  sums,
} from './dashboard-figures.js';
import { type DashboardFilters, journeyFilter } from './dashboard-filters.js';

type EmployerRow = Counts & {
  _id: unknown;
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

type InternRow = {
  matchId: ObjectId;
  youngPersonId: ObjectId;
  placementId: ObjectId;
  state: JourneyState;
  startedOn: string;
  endedOn?: string;
  outcomeType?: OutcomeType;
};

const internsListed = 200;
const placementsListed = 200;

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

/** Each journey's part in the employer's own figures, 1 or 0, summed beside the outcome counts. */
const employerFlags = {
  awaitingDecision: { $cond: [{ $in: ['$state', [...awaitingEmployerStates]] }, 1, 0] },
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

/** The employer's totals, the same by placement, and the latest interns, in one pass over its journeys. */
function employerFacetPipeline(filter: Document): Document[] {
  const employerSums = sums(Object.keys(employerFlags));
  const internFields = { youngPersonId: 1, placementId: 1, state: 1, startedOn: 1, endedOn: 1 };
  return [
    { $match: filter },
    journeyFlags({ ...employerFlags, matchId: '$_id', ...internFields, outcomeType: '$outcome.type' }),
    {
      $facet: {
        totals: groupedCounts(null, employerSums),
        byPlacement: groupedCounts('$placementId', employerSums),
        interns: [
          { $match: { startedOn: { $exists: true } } },
          { $sort: { startedOn: -1 } },
          { $limit: internsListed },
          { $project: { matchId: 1, ...internFields, outcomeType: 1 } },
        ],
      },
    },
  ];
}

function employerFigures(row: EmployerRow | undefined) {
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
}

/** The employer dashboard: its placements, interns and outcomes; only journeys the young person agreed to. */
export class EmployerDashboard {
  constructor(
    private readonly options: {
      sources: DashboardsReadModel;
      names: NamesReadModel;
      adjustments: AdjustmentFiguresReadModel;
      clock: Clock;
    },
  ) {}

  async of(actor: Actor, filters: DashboardFilters) {
    const { sources, adjustments, clock } = this.options;
    if (!actor.employerId) throw forbidden('Only employer staff have an employer dashboard.');
    const employer = await sources.employerResource(actor.employerId);
    if (!employer) throw notFound('Employer');
    authorize(actor, 'employer.dashboard', employer);
    const agreedJourneys = journeyFilter({ employerId: new ObjectId(employer.id), visibleToEmployer: true }, filters);
    const [facets] = await sources
      .journeys<{ totals: EmployerRow[]; byPlacement: EmployerRow[]; interns: InternRow[] }>(
        employerFacetPipeline(agreedJourneys),
      )
      .toArray();
    const placements = await sources.employerPlacements(employer.id, placementsListed);
    const byPlacement = new Map((facets?.byPlacement ?? []).map((row) => [String(row._id), row]));
    return {
      employerId: employer.id,
      filters,
      generatedAt: clock.now().toISOString(),
      totals: employerFigures(facets?.totals[0]),
      placements: placements.map((placement) => ({
        placementId: placement.id,
        title: placement.title,
        status: placement.status,
        startDate: placement.startDate,
        places: placement.places,
        placesFilled: placement.placesFilled,
        placesFree: Math.max(0, placement.places - placement.placesFilled),
        ...employerFigures(byPlacement.get(placement.id)),
      })),
      interns: await this.#interns(facets?.interns ?? [], placements),
      adjustments: adjustmentFigures(await adjustments.ofJourneys(agreedJourneys), londonDayAndHour(clock.now()).day),
      definitions: { ...figureDefinitions, ...employerDefinitions, ...adjustmentDashboardDefinitions },
    };
  }

  /** The latest interns, named, with the title of their placement. */
  async #interns(interns: InternRow[], placements: { id: string; title: string }[]) {
    const names = await this.options.names.youngPersonNames(interns.map((row) => row.youngPersonId.toHexString()));
    const titles = new Map(placements.map((p) => [p.id, p.title]));
    return interns.map((row) => ({
      matchId: row.matchId.toHexString(),
      preferredName: names.get(row.youngPersonId.toHexString()) ?? 'A former intern',
      placementId: row.placementId.toHexString(),
      placementTitle: titles.get(row.placementId.toHexString()) ?? 'A placement',
      state: row.state,
      startedOn: row.startedOn,
      ...(row.endedOn ? { endedOn: row.endedOn } : {}),
      ...(row.outcomeType ? { outcome: row.outcomeType } : {}),
    }));
  }
}
