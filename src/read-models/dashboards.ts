import { type AggregationCursor, type ClientSession, type Document, ObjectId } from 'mongodb';
import type { EmployersRepository } from '../employers/employers.repository.js';
import { employerResource } from '../employers/employers.service.js';
import type { JourneysRepository } from '../journey/journey.repository.js';
import type { ProgressRepository } from '../journey/progress.repository.js';
import type { PlacementStatus, PlacementsRepository } from '../placements/placements.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';

/** Which young people an eligibility-exception count covers: the dashboard's scope and filters. */
export interface ExceptionScope {
  providerId: string;
  jobCoachId?: string;
  localAuthority?: string;
  academicYear?: number;
}

export interface EmployerPlacementSummary {
  id: string;
  title: string;
  status: PlacementStatus;
  startDate: string;
  places: number;
  placesFilled: number;
}

/**
 * What the outcome dashboards read of other features' records, and nothing more: the journeys and
 * weekly logs, aggregated (figures are counts and means, never a record); an employer's standing
 * (for the policy check); an employer's placements as a list; and how many young people a provider
 * admitted by an eligibility exception. Each is one query, sized for a dashboard that may name
 * thousands of job coaches; names come from `NamesReadModel`. Callers show these only within a
 * scope the policy already allowed.
 */
export class DashboardsReadModel {
  private readonly matches: JourneysRepository;
  private readonly progress: ProgressRepository;
  private readonly employers: EmployersRepository;
  private readonly placements: PlacementsRepository;
  private readonly youngPeople: YoungPeopleRepository;

  constructor(options: {
    matches: JourneysRepository;
    progress: ProgressRepository;
    employers: EmployersRepository;
    placements: PlacementsRepository;
    youngPeople: YoungPeopleRepository;
  }) {
    this.matches = options.matches;
    this.progress = options.progress;
    this.employers = options.employers;
    this.placements = options.placements;
    this.youngPeople = options.youngPeople;
  }

  /** The placement journeys, through a pipeline of the dashboards' figures (dashboard-figures.ts). */
  journeys<T extends Document>(
    pipeline: Document[],
    options: { session?: ClientSession; batchSize?: number } = {},
  ): AggregationCursor<T> {
    return this.matches.collection.aggregate<T>(pipeline, options);
  }

  /** The ids of the journeys `filter` selects, to narrow the weekly logs by what only the journey records. */
  async journeyIds(filter: Document): Promise<ObjectId[]> {
    return this.matches.collection.distinct('_id', filter);
  }

  /** The weekly logs, through a pipeline of the dashboards' figures. */
  weeklyLogs<T extends Document>(pipeline: Document[]): AggregationCursor<T> {
    return this.progress.logs.aggregate<T>(pipeline);
  }

  /** What the policy needs to decide who may see an employer's dashboard. */
  async employerResource(id: string): Promise<ReturnType<typeof employerResource> | undefined> {
    const employer = await this.employers.byId(id);
    return employer ? employerResource(employer) : undefined;
  }

  /** The employer's placements, the latest start first. */
  async employerPlacements(employerId: string, limit: number): Promise<EmployerPlacementSummary[]> {
    const docs = await this.placements.collection
      .find(
        { employerId: new ObjectId(employerId) },
        { projection: { title: 1, status: 1, places: 1, placesFilled: 1, startDate: 1 } },
      )
      .sort({ startDate: -1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({
      id: doc._id.toHexString(),
      title: doc.title,
      status: doc.status,
      startDate: doc.startDate,
      places: doc.places,
      placesFilled: doc.placesFilled,
    }));
  }

  /**
   * Young people admitted by a recorded exception to the eligibility rules, and of those the ones
   * with no EHC plan: one pass over the partial index that holds only them.
   */
  async eligibilityExceptions(scope: ExceptionScope): Promise<{ total: number; withoutEhcPlan: number }> {
    const [counts] = await this.youngPeople.collection
      .aggregate<{ total: number; withoutEhcPlan: number }>([
        {
          $match: {
            providerId: new ObjectId(scope.providerId),
            eligibilityException: { $exists: true },
            ...(scope.academicYear !== undefined ? { cohortYear: scope.academicYear } : {}),
            ...(scope.jobCoachId ? { jobCoachId: new ObjectId(scope.jobCoachId) } : {}),
            ...(scope.localAuthority !== undefined ? { localAuthority: scope.localAuthority } : {}),
          },
        },
        {
          $group: {
            _id: null,
            total: { $sum: 1 },
            withoutEhcPlan: { $sum: { $cond: [{ $eq: ['$ehcPlan', 'none'] }, 1, 0] } },
          },
        },
      ])
      .toArray();
    return { total: counts?.total ?? 0, withoutEhcPlan: counts?.withoutEhcPlan ?? 0 };
  }
}
