import { type Actor, authorize, providerDashboardScope } from '../auth/policy.js';
import { forbidden } from '../core/errors.js';
import { type Sector, sectorLabels } from '../domain/vocabulary.js';
import type { StartedInternship } from '../read-models/started-internships.js';
import type { InternshipFilters } from './internships.read-model.js';
import { type InternshipForReport, jobOutcomeDefinitions, jobOutcomeFigures, jobOutcomeRows } from './job-outcomes.js';
import { attendancePattern, fidelityBand } from './outcomes.rules.js';
import { londonToday, type OutcomesDeps } from './outcomes-access.js';

export const sen2Columns = [
  'young_person_id',
  'preferred_name',
  'date_of_birth',
  'local_authority',
  'activity',
  'placement_start_date',
  'placement_leaving_date',
  'attendance_pattern',
  'days_per_week',
  'hours_per_week',
  'last_ehc_plan_review_date',
] as const;

export type Sen2Row = Record<(typeof sen2Columns)[number], string>;

export type JobOutcomeFilters = Omit<InternshipFilters, 'providerId'>;

/** The provider's figures of what followed the internships, and the SEN2 return for the local authority. */
export class OutcomeReportsService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  #reportScope(actor: Actor, filters: JobOutcomeFilters): InternshipFilters {
    const scope = providerDashboardScope(actor);
    if (!scope) throw forbidden('The job-outcome report is for the provider’s staff.');
    if (scope.jobCoachId && filters.jobCoachId && filters.jobCoachId !== scope.jobCoachId)
      throw forbidden('A job coach sees only their own caseload’s figures.');
    return { ...filters, providerId: scope.providerId, ...(scope.jobCoachId ? { jobCoachId: scope.jobCoachId } : {}) };
  }

  async #forReport(started: StartedInternship[]): Promise<InternshipForReport[]> {
    const recorded = await this.deps.records.outcomesOfMatches(started.map((internship) => internship.matchId));
    return started.map((internship) => {
      const outcomes = recorded.get(internship.matchId);
      const followUps = (outcomes?.followUps ?? []).map(({ month, activity, hoursPerWeek }) => ({
        month,
        activity,
        ...(hoursPerWeek !== undefined ? { hoursPerWeek } : {}),
      }));
      // A 12-month follow-up taken through the journey's own step counts too.
      const legacy = internship.journeyFollowUp;
      if (legacy && !followUps.some((followUp) => followUp.month === 12))
        followUps.push({
          month: 12,
          activity: legacy.stillEmployed ? 'paid_job' : 'nothing_yet',
          ...(legacy.hoursPerWeek !== undefined ? { hoursPerWeek: legacy.hoursPerWeek } : {}),
        });
      return {
        matchId: internship.matchId,
        state: internship.state,
        sector: internship.sector,
        ...(internship.localAuthority ? { localAuthority: internship.localAuthority } : {}),
        ...(internship.jobCoachId ? { jobCoachId: internship.jobCoachId } : {}),
        ...(internship.endedOn ? { endedOn: internship.endedOn } : {}),
        ...(outcomes?.coreAims ? { coreAimsMet: outcomes.coreAims.met } : {}),
        followUps,
      };
    });
  }

  /** The share of interns in paid work of 16+ hours a week at 6, 9 and 12 months, against the fidelity band. */
  async jobOutcomes(actor: Actor, filters: JobOutcomeFilters) {
    const scope = this.#reportScope(actor, filters);
    const internships = await this.#forReport(await this.deps.startedInternships.started(scope));
    const today = londonToday(this.deps.clock);
    const coaches = await this.deps.names.accountNames([
      ...new Set(internships.flatMap((internship) => (internship.jobCoachId ? [internship.jobCoachId] : []))),
    ]);
    return {
      filters,
      fidelityBand: { ...fidelityBand },
      overall: jobOutcomeFigures(internships, today),
      byLocalAuthority: jobOutcomeRows(
        internships,
        today,
        (internship) => internship.localAuthority,
        (key) => key ?? 'Not recorded',
      ),
      bySector: jobOutcomeRows(
        internships,
        today,
        (internship) => internship.sector,
        (key) => sectorLabels[key as Sector] ?? String(key),
      ),
      byJobCoach: jobOutcomeRows(
        internships,
        today,
        (internship) => internship.jobCoachId,
        (key) => (key ? (coaches.get(key) ?? 'A former job coach') : 'No job coach'),
      ),
      definitions: jobOutcomeDefinitions,
    };
  }

  /**
   * The SEN2 return's work-based learning fields, one row per internship that started: the
   * provider admin's to send to the local authority. Never anything of the passport.
   */
  async sen2Rows(actor: Actor, filters: JobOutcomeFilters, requestId: string): Promise<Sen2Row[]> {
    if (!actor.providerId) throw forbidden('The SEN2 export is for the provider’s admins.');
    authorize(actor, 'provider.sen2_export', { type: 'provider', id: actor.providerId });
    const started = await this.deps.startedInternships.started({ ...filters, providerId: actor.providerId });
    const [people, schedules, plans] = await Promise.all([
      this.deps.internships.people([...new Set(started.map((internship) => internship.youngPersonId))]),
      this.deps.internships.schedules([...new Set(started.map((internship) => internship.placementId))]),
      this.deps.records.plansOf([...new Set(started.map((internship) => internship.youngPersonId))]),
    ]);
    await this.deps.audit.success('outcomes.sen2_export', actor, {
      target: { type: 'provider', id: actor.providerId },
      requestId,
      details: { rows: started.length, ...filters },
    });
    return started.map((internship) => {
      const person = people.get(internship.youngPersonId);
      const schedule = schedules.get(internship.placementId);
      return {
        young_person_id: internship.youngPersonId,
        preferred_name: person?.preferredName ?? '',
        date_of_birth: person?.dateOfBirth ?? '',
        local_authority: internship.localAuthority ?? '',
        activity: 'supported_internship',
        placement_start_date: internship.startedOn,
        placement_leaving_date: internship.endedOn ?? '',
        attendance_pattern: schedule ? attendancePattern(schedule.hoursPerWeek) : '',
        days_per_week: schedule ? String(schedule.days.length) : '',
        hours_per_week: schedule ? String(schedule.hoursPerWeek) : '',
        last_ehc_plan_review_date: plans.get(internship.youngPersonId)?.lastReviewOn ?? '',
      };
    });
  }
}
