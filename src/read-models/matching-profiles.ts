import type { MatchingYoungPerson, YoungPeopleRepository } from '../young-people/young-people.repository.js';

/**
 * Young people as matching reads them: their hard limits, what they like, and the facts the
 * policy decides on, never the rest of the profile. Matching gets this instead of the young
 * people repository, and checks the policy on what it returns before using it.
 */
export class MatchingProfilesReadModel {
  private readonly youngPeople: YoungPeopleRepository;

  constructor(options: { youngPeople: YoungPeopleRepository }) {
    this.youngPeople = options.youngPeople;
  }

  async byId(id: string): Promise<MatchingYoungPerson | undefined> {
    return (await this.youngPeople.forMatching([id]))[0];
  }

  async byIds(ids: string[]): Promise<MatchingYoungPerson[]> {
    return this.youngPeople.forMatching(ids);
  }
}
