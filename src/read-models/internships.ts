import { ObjectId } from 'mongodb';
import type { Journey, JourneysRepository } from '../journey/journey.repository.js';
import type { ProgressRepository } from '../journey/progress.repository.js';
import type { YoungPeopleRepository, YoungPerson } from '../young-people/young-people.repository.js';

/** Who the young person is to the policy (their provider) and when their internship is planned to start. */
export type PlannedIntern = Pick<YoungPerson, 'id' | 'providerId' | 'plannedStartDate' | 'preferredName'>;

/** An internship as Access to Work needs it: who hosts it, and its dates. */
export type InternshipFact = Pick<
  Journey,
  'id' | 'state' | 'employerId' | 'visibleToEmployer' | 'startedOn' | 'endedOn'
>;

/** Far more than a job coach's caseload (5 to 10 young people); a bound, not a page. */
const caseloadLimit = 500;

/**
 * What Access to Work reads of other features: the young person's provider and planned start,
 * their internships, and each week's job coaching hours. Never the weekly logs' notes or tasks.
 */
export class InternshipFacts {
  private readonly youngPeople: YoungPeopleRepository;
  private readonly matches: JourneysRepository;
  private readonly progress: ProgressRepository;

  constructor(options: {
    youngPeople: YoungPeopleRepository;
    matches: JourneysRepository;
    progress: ProgressRepository;
  }) {
    this.youngPeople = options.youngPeople;
    this.matches = options.matches;
    this.progress = options.progress;
  }

  async intern(youngPersonId: string): Promise<PlannedIntern | undefined> {
    const person = await this.youngPeople.byId(youngPersonId);
    return person
      ? {
          id: person.id,
          providerId: person.providerId,
          plannedStartDate: person.plannedStartDate,
          preferredName: person.preferredName,
        }
      : undefined;
  }

  /** The young people a job coach supports at their provider (withdrawn ones have nothing left to do). */
  async caseloadOf(jobCoachId: string, providerId: string): Promise<PlannedIntern[]> {
    const { items } = await this.youngPeople.list(
      {
        jobCoachId: new ObjectId(jobCoachId),
        providerId: new ObjectId(providerId),
        status: { $ne: 'withdrawn' },
      },
      { limit: caseloadLimit, offset: 0 },
    );
    return items.map((person) => ({
      id: person.id,
      providerId: person.providerId,
      plannedStartDate: person.plannedStartDate,
      preferredName: person.preferredName,
    }));
  }

  /** Young people's preferred names, by id (a name the claim form needs beside each claim). */
  async names(youngPersonIds: string[]): Promise<Map<string, string>> {
    const people = await this.youngPeople.byIds(youngPersonIds);
    return new Map(people.map((person) => [person.id, person.preferredName]));
  }

  async internships(youngPersonId: string): Promise<InternshipFact[]> {
    return (await this.matches.allOf(youngPersonId)).map((match) => ({
      id: match.id,
      state: match.state,
      employerId: match.employerId,
      visibleToEmployer: match.visibleToEmployer,
      ...(match.startedOn ? { startedOn: match.startedOn } : {}),
      ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    }));
  }

  /** Each logged week's job coaching hours (study time is never claimed, so it is not read). */
  async coachingWeeks(matchId: string): Promise<{ weekStarting: string; coachingHours: number }[]> {
    return (await this.progress.logsOf(matchId)).map((log) => ({
      weekStarting: log.weekStarting,
      coachingHours: log.supportHours,
    }));
  }
}
