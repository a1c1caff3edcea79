import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, providerDashboardScope, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { isoDate, londonDayAndHour, toDate, weekStartOf } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, forbidden, notFound, unprocessable } from '../core/errors.js';
import type { InternshipScope, StudyFacts, StudyInternship } from '../read-models/study.js';
import { type IlrRow, ilrRows } from './ilr-export.js';
import type { AttendanceWeek, StudyProgramme, StudyRepository } from './study.repository.js';
import { attendanceProblems, attendanceTotals, programmeProblems, programmeWarnings } from './study.rules.js';
import type { AttendanceInput, StudyProgrammeInput } from './study.schemas.js';
import { studyFigureDefinitions, studyFigureKeys, studyReportRows } from './study-figures.js';

const weekProblem = (message: string): FieldProblem => ({ path: 'week', in: 'path', message });

/** The Monday of the week `date` is in; undefined when it is not a real calendar date. */
function weekOf(date: string): string | undefined {
  const instant = toDate(date);
  return Number.isNaN(instant.getTime()) || isoDate(instant) !== date ? undefined : weekStartOf(date);
}

export function programmeView(youngPersonId: string, programme: StudyProgramme | undefined) {
  return {
    youngPersonId,
    learnerReference: programme?.learnerReference ?? null,
    plannedHours: programme?.plannedHours ?? null,
    english: programme?.english ?? null,
    maths: programme?.maths ?? null,
    otherAims: programme?.otherAims ?? [],
    warnings: programme ? programmeWarnings(programme.plannedHours) : [],
    updatedAt: programme?.updatedAt.toISOString() ?? null,
  };
}

export function attendanceWeekView(week: AttendanceWeek) {
  return {
    matchId: week.matchId,
    weekStarting: week.weekStarting,
    daysExpected: week.daysExpected,
    daysAttended: week.daysAttended,
    absences: week.absences,
    recordedAt: week.recordedAt.toISOString(),
  };
}

function attendanceView(matchId: string, weeks: AttendanceWeek[]) {
  return { matchId, weeks: weeks.map(attendanceWeekView), ...attendanceTotals(weeks) };
}

/**
 * The internship as a study programme: the learning aims (English and maths at their level,
 * employability, others), the planned hours, and attendance week by week beside the weekly logs.
 * The provider's job coaches and admins write; the young person and a delegate with the
 * view_profile right read; employers see nothing of it. Nothing here goes to a search index or an email.
 */
export class StudyService {
  private readonly mongo: MongoClient;
  private readonly records: StudyRepository;
  private readonly facts: StudyFacts;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    records: StudyRepository;
    facts: StudyFacts;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.records = options.records;
    this.facts = options.facts;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  #today(): string {
    return londonDayAndHour(this.clock.now()).day;
  }

  async #person(actor: Actor, youngPersonId: string, action: 'read' | 'write') {
    const person = await this.facts.intern(youngPersonId);
    if (!person) throw notFound('Young person');
    const resource: Resource = { type: 'study', youngPersonId, providerId: person.providerId };
    authorize(actor, `study.${action}`, resource);
    return { person, mayWrite: decide(actor, 'study.write', resource) === 'allow' };
  }

  async #internship(actor: Actor, matchId: string, action: 'read' | 'write') {
    const internship = await this.facts.internship(matchId);
    if (!internship) throw notFound('Placement match');
    authorize(actor, `study.${action}`, {
      type: 'study',
      youngPersonId: internship.youngPersonId,
      providerId: internship.providerId,
    });
    return internship;
  }

  async programme(actor: Actor, youngPersonId: string) {
    await this.#person(actor, youngPersonId, 'read');
    return programmeView(youngPersonId, await this.records.programmeOf(youngPersonId));
  }

  async saveProgramme(actor: Actor, youngPersonId: string, input: StudyProgrammeInput, requestId: string) {
    const { person } = await this.#person(actor, youngPersonId, 'write');
    const problems = programmeProblems(input, this.#today());
    if (problems.length > 0) throw unprocessable(problems);
    const saved = await inTransaction(this.mongo, async (session) => {
      const updated = await this.records.saveProgramme(
        { youngPersonId, providerId: person.providerId },
        input,
        { accountId: actor.accountId, role: actor.role },
        this.clock.now(),
        session,
      );
      await this.audit.success(
        'study.programme',
        actor,
        { target: { type: 'study_programme', id: updated.id }, subjectId: youngPersonId, requestId },
        session,
      );
      return updated;
    });
    return programmeView(youngPersonId, saved);
  }

  async attendance(actor: Actor, matchId: string) {
    await this.#internship(actor, matchId, 'read');
    return attendanceView(matchId, await this.records.attendanceOf(matchId));
  }

  /** Records (or corrects) one week: any date in it names the week, which must lie within the internship and have begun. */
  async recordAttendance(actor: Actor, matchId: string, week: string, input: AttendanceInput, requestId: string) {
    const internship = await this.#internship(actor, matchId, 'write');
    if (!internship.startedOn)
      throw new ApiError('conflict', 'The internship has not started, so there is no attendance to record.');
    const weekStarting = weekOf(week);
    if (!weekStarting) throw unprocessable([weekProblem('is not a real date')]);
    const problems: FieldProblem[] = [];
    if (weekStarting < weekStartOf(internship.startedOn))
      problems.push(weekProblem(`is before the internship started (${internship.startedOn})`));
    else if (internship.endedOn && weekStarting > internship.endedOn)
      problems.push(weekProblem(`is after the internship ended (${internship.endedOn})`));
    else if (weekStarting > this.#today()) problems.push(weekProblem('is a week that has not begun'));
    problems.push(...attendanceProblems(input));
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.records.recordWeek(
        {
          matchId,
          youngPersonId: internship.youngPersonId,
          providerId: internship.providerId,
          cohortYear: internship.cohortYear,
          weekStarting,
          daysExpected: input.daysExpected,
          daysAttended: input.daysAttended,
          absences: input.absences,
          recordedBy: { accountId: actor.accountId, role: actor.role },
          recordedAt: this.clock.now(),
        },
        session,
      );
      await this.audit.success(
        'study.attendance',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: internship.youngPersonId,
          requestId,
          details: { weekStarting },
        },
        session,
      );
      return attendanceWeekView(saved);
    });
  }

  /**
   * Everything the study page shows its reader: the name, whether they may change it, the
   * programme, and each started internship's weeks of attendance with its per cent, and the whole.
   */
  async overview(actor: Actor, youngPersonId: string) {
    const { person, mayWrite } = await this.#person(actor, youngPersonId, 'read');
    const [programme, internships, weeks] = await Promise.all([
      this.records.programmeOf(youngPersonId),
      this.facts.startedInternshipsOf(youngPersonId),
      this.records.attendanceOfPerson(youngPersonId),
    ]);
    const employers = await this.facts.employerReferences(internships.map((internship) => internship.employerId));
    return {
      preferredName: person.preferredName,
      mayWrite,
      programme: programmeView(youngPersonId, programme),
      internships: internships.map((internship) => {
        const ofThis = weeks.filter((week) => week.matchId === internship.id);
        return {
          employerName: employers.get(internship.employerId)?.name ?? '',
          startedOn: internship.startedOn!,
          endedOn: internship.endedOn ?? null,
          ...attendanceView(internship.id, ofThis),
        };
      }),
      total: attendanceTotals(weeks),
    };
  }

  /**
   * The attendance form's facts for one internship: whose it is, its dates and the weeks recorded.
   * For the provider's staff only.
   */
  async attendanceForm(actor: Actor, matchId: string) {
    const internship = await this.#internship(actor, matchId, 'write');
    if (!internship.startedOn)
      throw new ApiError('conflict', 'The internship has not started, so there is no attendance to record.');
    const [names, weeks] = await Promise.all([
      this.facts.names([internship.youngPersonId]),
      this.records.attendanceOf(matchId),
    ]);
    return {
      youngPersonId: internship.youngPersonId,
      preferredName: names.get(internship.youngPersonId) ?? '',
      startedOn: internship.startedOn,
      endedOn: internship.endedOn ?? null,
      ...attendanceView(matchId, weeks),
    };
  }

  /**
   * Attendance in per cent beside a journey that started, for whoever may read the study
   * programme; null for anyone else and before the start.
   */
  async journeyAttendance(
    actor: Actor,
    internship: { id: string; youngPersonId: string; providerId: string; startedOn?: string },
  ) {
    if (!internship.startedOn) return null;
    const resource: Resource = {
      type: 'study',
      youngPersonId: internship.youngPersonId,
      providerId: internship.providerId,
    };
    if (decide(actor, 'study.read', resource) !== 'allow') return null;
    const totals = attendanceTotals(await this.records.attendanceOf(internship.id));
    return {
      ...totals,
      studyPath: `/young-people/${internship.youngPersonId}/study`,
      recordPath:
        decide(actor, 'study.write', resource) === 'allow'
          ? `/young-people/${internship.youngPersonId}/study/attendance/${internship.id}`
          : null,
    };
  }

  /**
   * The study programme's figures for the provider report, with the report's filters: attendance
   * and English and maths achievement for all the internships that started, then by academic year.
   * A provider admin's cover the provider, a job coach's their own caseload (as the report's do).
   */
  async reportFigures(actor: Actor, filters: Omit<InternshipScope, 'providerId'>) {
    const scope = providerDashboardScope(actor);
    if (!scope) throw forbidden('Reports are for the provider’s job coaches and admins.');
    const internships = await this.facts.startedInternships({
      ...filters,
      providerId: scope.providerId,
      ...(scope.jobCoachId ? { jobCoachId: scope.jobCoachId } : {}),
    });
    const [attendanceByMatch, programmes] = await Promise.all([
      this.records.attendanceTotalsByMatch(
        scope.providerId,
        internships.map((internship) => internship.id),
      ),
      this.records.programmesOf([...new Set(internships.map((internship) => internship.youngPersonId))]),
    ]);
    return {
      figures: [...studyFigureKeys],
      rows: studyReportRows({
        internships,
        attendanceByMatch,
        programmes: new Map(programmes.map((programme) => [programme.youngPersonId, programme])),
      }),
      definitions: studyFigureDefinitions,
      mayExportIlr: decide(actor, 'provider.ilr_export', { type: 'provider', id: scope.providerId }) === 'allow',
    };
  }

  /**
   * One row per internship that started in the scope, in the shape of the ILR's work placement
   * record. For the provider's admins only (the policy's `provider.ilr_export`).
   */
  async ilrWorkPlacements(actor: Actor, filters: Omit<InternshipScope, 'providerId'>): Promise<IlrRow[]> {
    if (!actor.providerId) throw forbidden('Only the provider’s admins can download the ILR export.');
    authorize(actor, 'provider.ilr_export', { type: 'provider', id: actor.providerId });
    const internships = await this.facts.startedInternships({ ...filters, providerId: actor.providerId });
    return this.#ilrRows(internships);
  }

  async #ilrRows(internships: StudyInternship[]): Promise<IlrRow[]> {
    const youngPersonIds = [...new Set(internships.map((internship) => internship.youngPersonId))];
    const [programmes, names, hours, employers] = await Promise.all([
      this.records.programmesOf(youngPersonIds),
      this.facts.names(youngPersonIds),
      this.facts.placementHours(internships.map((internship) => internship.placementId)),
      this.facts.employerReferences(internships.map((internship) => internship.employerId)),
    ]);
    return ilrRows({ internships, programmes, names, placementHours: hours, employers });
  }
}
