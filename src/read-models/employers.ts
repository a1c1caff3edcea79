import type { Employer, EmployersRepository } from '../employers/employers.repository.js';

/**
 * The employer behind a placement, as the placements feature needs it: to authorise (whether it is
 * verified, and by which provider), to show a placement and to build its search document. Not its
 * contacts, address or description (those are the employers feature's, read through EmployersService).
 */
export type PlacementEmployer = Pick<Employer, 'id' | 'name' | 'verified' | 'verifiedBy' | 'disabilityConfident'>;

export class PlacementEmployers {
  private readonly employers: EmployersRepository;

  constructor(options: { employers: EmployersRepository }) {
    this.employers = options.employers;
  }

  async byId(id: string): Promise<PlacementEmployer | undefined> {
    const employer = await this.employers.byId(id);
    if (!employer) return undefined;
    const { name, verified, verifiedBy, disabilityConfident } = employer;
    return { id: employer.id, name, verified, ...(verifiedBy ? { verifiedBy } : {}), disabilityConfident };
  }
}
