import type { EmployersRepository } from '../employers/employers.repository.js';
import { startedStates } from '../journey/journey.machine.js';
import type { Journey, JourneysRepository } from '../journey/journey.repository.js';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import { StartedInternshipsReadModel, type StartedInternshipsScope } from './started-internships.js';

/** An internship as the study programme and the ILR need it: whose, where, when, and how it is grouped. */
export type StudyInternship = Pick<
  Journey,
  | 'id'
  | 'youngPersonId'
  | 'providerId'
  | 'employerId'
  | 'placementId'
  | 'state'
  | 'startedOn'
  | 'endedOn'
  | 'cohortYear'
  | 'localAuthority'
  | 'sector'
  | 'jobCoachId'
>;

/** Which started internships a report or export covers: the provider and the report's filters. */
export type InternshipScope = StartedInternshipsScope;

function factsOf(match: Journey): StudyInternship {
  return {
    id: match.id,
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    employerId: match.employerId,
    placementId: match.placementId,
    state: match.state,
    cohortYear: match.cohortYear,
    sector: match.sector,
    ...(match.startedOn ? { startedOn: match.startedOn } : {}),
    ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    ...(match.localAuthority ? { localAuthority: match.localAuthority } : {}),
    ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
  };
}

/**
 * What the study programme reads of other features: the young person's provider and name, their
 * internships' dates and grouping, a placement's planned hours and an employer's name and reference
 * number. Never a profile's text, a passport or a weekly log's notes.
 */
export class StudyFacts {
  private readonly youngPeople: YoungPeopleRepository;
  private readonly matches: JourneysRepository;
  private readonly placements: PlacementsRepository;
  private readonly employers: EmployersRepository;
  private readonly started: StartedInternshipsReadModel;

  constructor(options: {
    youngPeople: YoungPeopleRepository;
    matches: JourneysRepository;
    placements: PlacementsRepository;
    employers: EmployersRepository;
  }) {
    this.youngPeople = options.youngPeople;
    this.matches = options.matches;
    this.placements = options.placements;
    this.employers = options.employers;
    this.started = new StartedInternshipsReadModel({ matches: options.matches });
  }

  async intern(youngPersonId: string): Promise<{ id: string; providerId: string; preferredName: string } | undefined> {
    const person = await this.youngPeople.byId(youngPersonId);
    return person ? { id: person.id, providerId: person.providerId, preferredName: person.preferredName } : undefined;
  }

  async internship(matchId: string): Promise<StudyInternship | undefined> {
    const match = await this.matches.byId(matchId);
    return match ? factsOf(match) : undefined;
  }

  /** The young person's internships that started, earliest first. */
  async startedInternshipsOf(youngPersonId: string): Promise<StudyInternship[]> {
    return (await this.matches.allOf(youngPersonId))
      .filter((match) => startedStates.includes(match.state) && match.startedOn)
      .map(factsOf)
      .sort((a, b) => (a.startedOn! < b.startedOn! ? -1 : 1));
  }

  /** Every internship that started within the scope, earliest start first. */
  async startedInternships(scope: InternshipScope): Promise<StudyInternship[]> {
    return (await this.started.started(scope)).map(({ matchId, journeyFollowUp: _, ...internship }) => ({
      id: matchId,
      ...internship,
    }));
  }

  /** Each placement's planned hours: its hours a week over its weeks. */
  async placementHours(placementIds: string[]): Promise<Map<string, number>> {
    const placements = await this.placements.byIds([...new Set(placementIds)]);
    return new Map(
      placements.map((placement) => [placement.id, placement.schedule.hoursPerWeek * placement.durationWeeks]),
    );
  }

  /** Each employer's name and, when recorded, its employer reference number (ERN). */
  async employerReferences(
    employerIds: string[],
  ): Promise<Map<string, { name: string; employerReferenceNumber?: string }>> {
    const employers = await this.employers.byIds([...new Set(employerIds)]);
    return new Map(
      employers.map((employer) => [
        employer.id,
        {
          name: employer.name,
          ...(employer.employerReferenceNumber ? { employerReferenceNumber: employer.employerReferenceNumber } : {}),
        },
      ]),
    );
  }

  async names(youngPersonIds: string[]): Promise<Map<string, string>> {
    const people = await this.youngPeople.byIds([...new Set(youngPersonIds)]);
    return new Map(people.map((person) => [person.id, person.preferredName]));
  }
}
