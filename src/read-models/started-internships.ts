import { type Document, ObjectId } from 'mongodb';
import type { Sector } from '../domain/vocabulary.js';
import { startedStates } from '../journey/journey.machine.js';
import { type Journey, type JourneysRepository, toJourney } from '../journey/journey.repository.js';

/**
 * An internship that started, as the reports and exports of a provider read it: whose, where, when,
 * how it is grouped, and the follow-up the journey recorded itself. Never notes or the passport.
 */
export interface StartedInternship {
  matchId: string;
  youngPersonId: string;
  providerId: string;
  employerId: string;
  jobCoachId?: string;
  placementId: string;
  state: Journey['state'];
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  startedOn: string;
  endedOn?: string;
  /** The follow-up the journey recorded itself (its `record_follow_up` step): still employed or not. */
  journeyFollowUp?: { stillEmployed: boolean; hoursPerWeek?: number };
}

/** Which started internships a report or export covers: the provider and the report's filters. */
export interface StartedInternshipsScope {
  providerId: string;
  jobCoachId?: string;
  academicYear?: number;
  localAuthority?: string;
  sector?: string;
}

/** Far more internships than a provider runs in a year; a bound, not a page. */
const internshipLimit = 20_000;

function startedInternshipOf(match: Journey & { startedOn: string }): StartedInternship {
  const followUp = match.followUp;
  return {
    matchId: match.id,
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    employerId: match.employerId,
    ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
    placementId: match.placementId,
    state: match.state,
    cohortYear: match.cohortYear,
    ...(match.localAuthority ? { localAuthority: match.localAuthority } : {}),
    sector: match.sector,
    startedOn: match.startedOn,
    ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    ...(followUp
      ? {
          journeyFollowUp: {
            stillEmployed: followUp.stillEmployed,
            ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
          },
        }
      : {}),
  };
}

/**
 * Every internship that started within a provider's scope, for the study programme's ILR export
 * and figures and the outcome reports and SEN2 export alike.
 */
export class StartedInternshipsReadModel {
  private readonly matches: JourneysRepository;

  constructor(options: { matches: JourneysRepository }) {
    this.matches = options.matches;
  }

  /** Earliest start first. */
  async started(scope: StartedInternshipsScope): Promise<StartedInternship[]> {
    const filter: Document = {
      providerId: new ObjectId(scope.providerId),
      state: { $in: [...startedStates] },
      startedOn: { $exists: true },
      ...(scope.academicYear !== undefined ? { cohortYear: scope.academicYear } : {}),
      ...(scope.localAuthority !== undefined ? { localAuthority: scope.localAuthority } : {}),
      ...(scope.sector !== undefined ? { sector: scope.sector } : {}),
      ...(scope.jobCoachId !== undefined ? { jobCoachId: new ObjectId(scope.jobCoachId) } : {}),
    };
    const docs = await this.matches.collection
      .find(filter)
      .sort({ startedOn: 1, _id: 1 })
      .limit(internshipLimit)
      .toArray();
    return docs
      .map(toJourney)
      .flatMap((match) => (match.startedOn ? [startedInternshipOf({ ...match, startedOn: match.startedOn })] : []));
  }
}
