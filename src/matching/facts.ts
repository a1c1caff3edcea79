import { minutesOfDay } from '../domain/schemas.js';
import {
  type AdjustmentCategory,
  type EnvironmentFactor,
  environmentFactors,
  levelRank,
  type Sector,
  type Weekday,
} from '../domain/vocabulary.js';
import type { Coordinates } from '../geo/postcodes.js';
import type { PlacementSearchDoc } from '../search-sync/documents.js';
import type { MatchingYoungPerson } from '../young-people/young-people.repository.js';

/**
 * What matching needs to know about a placement. It is the placements index document (minus
 * free text), so a search hit can be scored as it is, and a record fresh from MongoDB is first
 * mapped with `placementSearchDoc` and then scored the same way.
 */
export type PlacementFacts = Pick<
  PlacementSearchDoc,
  | 'id'
  | 'employerId'
  | '_geo'
  | 'sector'
  | 'title'
  | 'tasks'
  | 'departments'
  | 'status'
  | 'employerVerified'
  | 'disabilityConfident'
  | 'placesFree'
  | 'days'
  | 'dayStartMinutes'
  | 'dayEndMinutes'
  | 'hoursPerWeek'
  | 'environment'
  | 'adjustmentsOffered'
  | 'stepFreeAccess'
>;

/** What the fit score reads of a placement; the rest of `PlacementFacts` is for the hard limits. */
export type ScoringFacts = Pick<
  PlacementFacts,
  | '_geo'
  | 'sector'
  | 'title'
  | 'tasks'
  | 'departments'
  | 'disabilityConfident'
  | 'hoursPerWeek'
  | 'environment'
  | 'adjustmentsOffered'
>;

/** What matching needs to know about a young person: their hard limits and what they like. */
export interface PersonFacts {
  coordinates: Coordinates;
  maxDistanceKm: number;
  days: Weekday[];
  earliestStartMinutes: number;
  latestFinishMinutes: number;
  maxHoursPerWeek: number;
  /** Only the factors with a real limit: a limit of "high" allows everything, so it is left out. */
  environmentLimits: Partial<Record<EnvironmentFactor, number>>;
  stepFreeRequired: boolean;
  requiredAdjustments: AdjustmentCategory[];
  preferredAdjustments: AdjustmentCategory[];
  /** In order of preference: the first is their first choice. */
  interests: Sector[];
  /** "Jobs I'd like to do", in their own words. */
  jobsWanted?: string;
  likedTasks: string[];
  dislikedTasks: string[];
  strengths: string[];
  skills: string[];
}

export function personFacts(person: MatchingYoungPerson): PersonFacts {
  const conditions = person.conditionsForSuccess;
  const environmentLimits: PersonFacts['environmentLimits'] = {};
  for (const factor of environmentFactors) {
    const limit = conditions.maxEnvironment[factor];
    if (limit !== undefined && levelRank[limit] < levelRank.high) environmentLimits[factor] = levelRank[limit];
  }
  return {
    coordinates: person.coordinates,
    maxDistanceKm: person.travel.maxDistanceKm,
    days: person.availability.days,
    earliestStartMinutes: minutesOfDay(person.availability.earliestStart),
    latestFinishMinutes: minutesOfDay(person.availability.latestFinish),
    maxHoursPerWeek: person.availability.maxHoursPerWeek,
    environmentLimits,
    stepFreeRequired: conditions.stepFreeAccess,
    requiredAdjustments: conditions.requiredAdjustments,
    preferredAdjustments: conditions.preferredAdjustments,
    interests: person.interests,
    ...(person.jobsWanted ? { jobsWanted: person.jobsWanted } : {}),
    likedTasks: person.tasksLiked,
    dislikedTasks: person.tasksDisliked,
    strengths: person.strengths,
    skills: person.skills,
  };
}
