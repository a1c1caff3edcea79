import type { ClientSession } from 'mongodb';
import type { CoachAccess } from '../auth/policy.js';
import { londonDayAndHour } from '../core/dates.js';
import type { Journey, JourneysRepository } from '../journey/journey.repository.js';
import type { PassportsRepository } from '../passports/passports.repository.js';
import type { NamesReadModel } from './names.js';

/** A journey as its adjustments need it: whose it is, where it stands, and when the employer agreed. */
export interface AdjustmentJourney
  extends Pick<
    Journey,
    | 'id'
    | 'state'
    | 'youngPersonId'
    | 'providerId'
    | 'employerId'
    | 'placementId'
    | 'visibleToEmployer'
    | 'jobCoachId'
    | 'cohortYear'
    | 'startedOn'
  > {
  /** The day the employer accepted the young person; absent until they did. */
  agreedOn?: string;
}

function toAdjustmentJourney(match: Journey): AdjustmentJourney {
  const accepted = match.employerDecision?.accepted ? match.employerDecision.at : undefined;
  return {
    id: match.id,
    state: match.state,
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    employerId: match.employerId,
    placementId: match.placementId,
    visibleToEmployer: match.visibleToEmployer,
    cohortYear: match.cohortYear,
    ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
    ...(match.startedOn ? { startedOn: match.startedOn } : {}),
    ...(accepted ? { agreedOn: londonDayAndHour(accepted).day } : {}),
  };
}

/**
 * What the adjustments feature reads of journeys and shares: a journey's parties and dates, and
 * whether a share of "what helps me at work" with an employer stands. Never the passport's text
 * (the helps come with the share event itself) and never the journey's notes.
 */
export class AdjustmentJourneysReadModel {
  private readonly matches: JourneysRepository;
  private readonly passports: PassportsRepository;
  private readonly names: NamesReadModel;

  constructor(options: { matches: JourneysRepository; passports: PassportsRepository; names: NamesReadModel }) {
    this.matches = options.matches;
    this.passports = options.passports;
    this.names = options.names;
  }

  async journey(matchId: string, session?: ClientSession): Promise<AdjustmentJourney | undefined> {
    const match = await this.matches.byId(matchId, session);
    return match ? toAdjustmentJourney(match) : undefined;
  }

  /** The young person's journeys with this employer (with this placement, when one is named). */
  async journeysWith(youngPersonId: string, employerId: string, placementId?: string) {
    const all = await this.matches.allOf(youngPersonId);
    return all
      .filter((match) => match.employerId === employerId && (!placementId || match.placementId === placementId))
      .map(toAdjustmentJourney);
  }

  async journeysOf(youngPersonId: string): Promise<AdjustmentJourney[]> {
    return (await this.matches.allOf(youngPersonId)).map(toAdjustmentJourney);
  }

  /** The employers (of those given) with whom this young person's "what helps me at work" is shared now. */
  async employersSharedWith(youngPersonId: string, now: Date): Promise<Set<string>> {
    const shares = await this.passports.sharesOf(youngPersonId);
    return new Set(
      shares
        .filter((share) => !share.withdrawnAt && share.expiresAt > now && share.sections.includes('whatHelps'))
        .map((share) => share.employerId),
    );
  }

  /** What the young person lets job coaches read of their passport (the default when they have none yet). */
  async coachAccess(youngPersonId: string): Promise<CoachAccess | undefined> {
    return (await this.passports.current(youngPersonId))?.coachAccess;
  }

  async employerNames(ids: string[]): Promise<Map<string, string>> {
    return this.names.employerNames(ids);
  }

  async youngPersonNames(ids: string[]): Promise<Map<string, string>> {
    return this.names.youngPersonNames(ids);
  }

  async placementTitles(ids: string[]): Promise<Map<string, string>> {
    return this.names.placementTitles(ids);
  }
}
