import { epochDay } from '../core/dates.js';
import { minutesOfDay } from '../domain/schemas.js';
import {
  type AdjustmentCategory,
  type DisabilityConfidentLevel,
  type EnvironmentFactor,
  environmentFactors,
  levelRank,
  type Sector,
  sectorLabels,
  type Weekday,
} from '../domain/vocabulary.js';
import type { Employer } from '../employers/employers.repository.js';
import type { Coordinates } from '../geo/postcodes.js';
import type { Placement, PlacementStatus } from '../placements/placements.repository.js';
import type { YoungPerson } from '../young-people/young-people.repository.js';

/**
 * Pure mappings from stored records to Meilisearch documents. Everything an index holds is
 * decided here, so what can leak into search is reviewable in one file.
 */

/** Environment levels as numbers (none 0 .. high 3), so a filter can say `environment.noise <= 2`. */
export type EnvironmentLevels = Record<EnvironmentFactor, number>;

export const hoursBands = ['under_16', '16_to_20', '21_to_30', 'over_30'] as const;
export type HoursBand = (typeof hoursBands)[number];

/** Bands for the browse filter menu; 16 hours a week is the usual floor for a paid-work outcome. */
export function hoursBandOf(hoursPerWeek: number): HoursBand {
  if (hoursPerWeek < 16) return 'under_16';
  if (hoursPerWeek <= 20) return '16_to_20';
  if (hoursPerWeek <= 30) return '21_to_30';
  return 'over_30';
}

/** Two decimal places of a degree is about 1.1 km north-south: enough to match on, too coarse to find a home. */
export function coarseCoordinates({ lat, lng }: Coordinates): Coordinates {
  return { lat: Math.round(lat * 100) / 100, lng: Math.round(lng * 100) / 100 };
}

export interface PlacementSearchDoc {
  id: string;
  employerId: string;
  employerName: string;
  employerVerified: boolean;
  disabilityConfident: DisabilityConfidentLevel;
  title: string;
  /** The placement's tasks followed by its rotations' tasks, without repeats. */
  tasks: string[];
  /** The departments of its rotations ("Catering", "Portering"), in order; matching reads them as tasks. */
  departments: string[];
  sector: Sector;
  /** The sector's words ("Hospitality and catering"), for text search; `sector` is the code for filters. */
  sectorName: string;
  description: string;
  town: string;
  status: PlacementStatus;
  _geo: Coordinates;
  days: Weekday[];
  dayStartMinutes: number;
  dayEndMinutes: number;
  hoursPerWeek: number;
  hoursBand: HoursBand;
  /** Epoch day of the start date. */
  startDate: number;
  durationWeeks: number;
  placesFree: number;
  environment: EnvironmentLevels;
  adjustmentsOffered: AdjustmentCategory[];
  stepFreeAccess: boolean;
}

export function environmentLevels(environment: Placement['environment']): EnvironmentLevels {
  return Object.fromEntries(
    environmentFactors.map((factor) => [factor, levelRank[environment[factor]]]),
  ) as EnvironmentLevels;
}

/**
 * Placement statuses that search shows: published ones. Drafts have not been published and closed
 * placements are over; both stay in MongoDB only (past cohorts feed the dashboards from there).
 */
export const searchableStatuses: readonly PlacementStatus[] = ['open', 'paused', 'filled'];

/** The epoch day after a placement's last week. */
export function placementEndDay(placement: Pick<Placement, 'startDate' | 'durationWeeks'>): number {
  return epochDay(placement.startDate) + placement.durationWeeks * 7;
}

/**
 * Whether the placements index holds this placement: one that can still be matched or browsed,
 * published, of a verified employer and not yet ended. Everything else is deleted from the index.
 */
export function isSearchablePlacement(
  placement: Placement,
  employer: Pick<Employer, 'verified'>,
  today: Date,
): boolean {
  return (
    employer.verified &&
    searchableStatuses.includes(placement.status) &&
    placementEndDay(placement) > epochDay(today.toISOString().slice(0, 10))
  );
}

/** A placement as the placements index holds it, with the employer facts search filters on. */
export function placementSearchDoc(
  placement: Placement,
  employer: Pick<Employer, 'id' | 'name' | 'verified' | 'disabilityConfident'>,
): PlacementSearchDoc {
  return {
    id: placement.id,
    employerId: employer.id,
    employerName: employer.name,
    employerVerified: employer.verified,
    disabilityConfident: employer.disabilityConfident,
    title: placement.title,
    tasks: [...new Set([...placement.tasks, ...placement.rotations.flatMap((rotation) => rotation.tasks)])],
    departments: placement.rotations.map((rotation) => rotation.department),
    sector: placement.sector,
    sectorName: sectorLabels[placement.sector],
    description: placement.description,
    town: placement.site.address.town,
    status: placement.status,
    _geo: { lat: placement.site.coordinates.lat, lng: placement.site.coordinates.lng },
    days: placement.schedule.days,
    dayStartMinutes: minutesOfDay(placement.schedule.startTime),
    dayEndMinutes: minutesOfDay(placement.schedule.endTime),
    hoursPerWeek: placement.schedule.hoursPerWeek,
    hoursBand: hoursBandOf(placement.schedule.hoursPerWeek),
    startDate: epochDay(placement.startDate),
    durationWeeks: placement.durationWeeks,
    placesFree: Math.max(0, placement.places - placement.placesFilled),
    environment: environmentLevels(placement.environment),
    adjustmentsOffered: placement.adjustmentsOffered,
    stepFreeAccess: placement.site.stepFreeAccess,
  };
}

/** The most of each factor a young person can work with; 3 (high) where they set no limit. */
export type EnvironmentLimits = Record<EnvironmentFactor, number>;

export interface CandidateSearchDoc {
  id: string;
  providerId: string;
  jobCoachId?: string;
  status: YoungPerson['status'];
  interests: Sector[];
  interestNames: string[];
  strengths: string[];
  skills: string[];
  likedTasks: string[];
  /** Home rounded to about 1 km. */
  _geo: Coordinates;
  days: Weekday[];
  earliestStartMinutes: number;
  latestFinishMinutes: number;
  maxHoursPerWeek: number;
  maxTravelKm: number;
  limits: EnvironmentLimits;
  stepFreeRequired: boolean;
  requiredAdjustments: AdjustmentCategory[];
  preferredAdjustments: AdjustmentCategory[];
}

export function environmentLimits(
  maxEnvironment: YoungPerson['conditionsForSuccess']['maxEnvironment'],
): EnvironmentLimits {
  return Object.fromEntries(
    environmentFactors.map((factor) => {
      const limit = maxEnvironment[factor];
      return [factor, limit === undefined ? levelRank.high : levelRank[limit]];
    }),
  ) as EnvironmentLimits;
}

/** The statuses of the young people the candidates index holds: those who can be proposed for a placement. */
export const candidateStatuses: readonly YoungPerson['status'][] = ['active'];

/**
 * Whether the candidates index holds this young person: one who can still be proposed (not on a
 * placement, finished or withdrawn; past interns stay in MongoDB for the dashboards and their
 * records). Everyone else is deleted from the index, as placements that can no longer be matched are.
 */
export function isCandidate(person: Pick<YoungPerson, 'status'>): boolean {
  return candidateStatuses.includes(person.status);
}

/**
 * A young person as the candidates index holds them: only what matching needs. No name, date
 * of birth, postcode, exact home, condition or notes; the API hydrates names from MongoDB.
 */
export function candidateSearchDoc(person: YoungPerson): CandidateSearchDoc {
  const conditions = person.conditionsForSuccess;
  return {
    id: person.id,
    providerId: person.providerId,
    ...(person.jobCoachId ? { jobCoachId: person.jobCoachId } : {}),
    status: person.status,
    interests: person.interests,
    interestNames: person.interests.map((sector) => sectorLabels[sector]),
    strengths: person.strengths,
    skills: person.skills,
    likedTasks: person.tasksLiked,
    _geo: coarseCoordinates(person.coordinates),
    days: person.availability.days,
    earliestStartMinutes: minutesOfDay(person.availability.earliestStart),
    latestFinishMinutes: minutesOfDay(person.availability.latestFinish),
    maxHoursPerWeek: person.availability.maxHoursPerWeek,
    maxTravelKm: person.travel.maxDistanceKm,
    limits: environmentLimits(conditions.maxEnvironment),
    stepFreeRequired: conditions.stepFreeAccess,
    requiredAdjustments: conditions.requiredAdjustments,
    preferredAdjustments: conditions.preferredAdjustments,
  };
}
