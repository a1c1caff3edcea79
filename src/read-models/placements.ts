import type { ClientSession } from 'mongodb';
import type { Employer, EmployersRepository } from '../employers/employers.repository.js';
import type { Placement, PlacementsRepository } from '../placements/placements.repository.js';

/**
 * What the journey, passports and notifications need to know about a placement they refer to:
 * its dates, days and hours, its places, its employer and its status. Not its site, environment
 * or adjustments (those are the placements feature's, read through PlacementsService).
 */
export type PlacementFact = Pick<
  Placement,
  'id' | 'employerId' | 'title' | 'status' | 'startDate' | 'durationWeeks' | 'schedule' | 'places' | 'placesFilled'
>;

/** The employer behind a placement: enough to name it and to know whether it is verified. */
export type EmployerFact = Pick<Employer, 'id' | 'name' | 'verified'>;

const factOf = (placement: Placement): PlacementFact => ({
  id: placement.id,
  employerId: placement.employerId,
  title: placement.title,
  status: placement.status,
  startDate: placement.startDate,
  durationWeeks: placement.durationWeeks,
  schedule: placement.schedule,
  places: placement.places,
  placesFilled: placement.placesFilled,
});

export class PlacementFacts {
  private readonly placements: PlacementsRepository;
  private readonly employers: EmployersRepository;

  constructor(options: { placements: PlacementsRepository; employers: EmployersRepository }) {
    this.placements = options.placements;
    this.employers = options.employers;
  }

  async placement(id: string, session?: ClientSession): Promise<PlacementFact | undefined> {
    const placement = await this.placements.byId(id, session);
    return placement ? factOf(placement) : undefined;
  }

  /** The placement and its employer; undefined when either is gone. */
  async withEmployer(id: string): Promise<{ placement: PlacementFact; employer: EmployerFact } | undefined> {
    const placement = await this.placements.byId(id);
    const employer = placement && (await this.employers.byId(placement.employerId));
    if (!placement || !employer) return undefined;
    return {
      placement: factOf(placement),
      employer: { id: employer.id, name: employer.name, verified: employer.verified },
    };
  }

  async employer(id: string, session?: ClientSession): Promise<EmployerFact | undefined> {
    const employer = await this.employers.byId(id, session);
    return employer ? { id: employer.id, name: employer.name, verified: employer.verified } : undefined;
  }
}
