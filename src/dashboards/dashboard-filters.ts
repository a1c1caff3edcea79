import { type Document, ObjectId } from 'mongodb';
import type { Sector } from '../domain/vocabulary.js';

/** What a dashboard can be narrowed to; each matches the journey's own copy of the field. */
export interface DashboardFilters {
  /** The academic year starting in September of this year: of the actual start, or of the planned start before one. */
  academicYear?: number;
  localAuthority?: string;
  sector?: Sector;
  jobCoachId?: string;
}

export function journeyFilter(base: Document, filters: DashboardFilters): Document {
  return {
    ...base,
    ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
    ...(filters.localAuthority !== undefined ? { localAuthority: filters.localAuthority } : {}),
    ...(filters.sector !== undefined ? { sector: filters.sector } : {}),
    ...(filters.jobCoachId !== undefined ? { jobCoachId: new ObjectId(filters.jobCoachId) } : {}),
  };
}

/** "2026/27" for the academic year that starts in September 2026. */
export function academicYearLabel(year: number): string {
  return `${year}/${String(year + 1).slice(2)}`;
}

/** Which job coaches of the breakdown a dashboard holds: `limit` of them from `offset`, in the breakdown's order. */
export interface CoachPage {
  limit: number;
  offset: number;
}
export const defaultCoachPage: CoachPage = { limit: 20, offset: 0 };
