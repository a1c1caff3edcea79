import type { ClientSession } from 'mongodb';
import type { YoungPeopleRepository, YoungPerson } from '../young-people/young-people.repository.js';

/**
 * What another feature may know about a young person without reading their profile: who they are
 * (for the policy: their provider), their name, their job coach and where they are in the
 * programme. Nothing about their needs, health, travel or history. The feature that asks still
 * asks the policy about its own record (a passport, a share, a match) before showing any of it.
 */
export type PersonFact = Pick<YoungPerson, 'id' | 'providerId' | 'preferredName' | 'status' | 'jobCoachId'>;

const factsOf = (person: YoungPerson): PersonFact => ({
  id: person.id,
  providerId: person.providerId,
  preferredName: person.preferredName,
  status: person.status,
  ...(person.jobCoachId ? { jobCoachId: person.jobCoachId } : {}),
});

export class PeopleFacts {
  private readonly youngPeople: YoungPeopleRepository;

  constructor(options: { youngPeople: YoungPeopleRepository }) {
    this.youngPeople = options.youngPeople;
  }

  async person(id: string, session?: ClientSession): Promise<PersonFact | undefined> {
    const person = await this.youngPeople.byId(id, session);
    return person ? factsOf(person) : undefined;
  }

  async people(ids: string[]): Promise<PersonFact[]> {
    return (await this.youngPeople.byIds([...new Set(ids)])).map(factsOf);
  }
}
