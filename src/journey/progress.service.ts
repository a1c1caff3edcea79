import type { MongoClient } from 'mongodb';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addDays, isoDate, toDate, weekStartOf } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, notFound, unprocessable } from '../core/errors.js';
import type { JourneyService } from './journey.service.js';
import { nextReviewDue, reviewIntervalDays, weeklyProgress, weekNumberOf } from './progress.js';
import type { ProgressRepository, Review, WeeklyLog } from './progress.repository.js';

export interface WeeklyLogInput {
  /** Any date in the week; the log is for that week's Monday. */
  weekStarting: string;
  hoursWorked: number;
  tasksDone: string[];
  supportHours: number;
  /** Support with study, kept apart because Access to Work never pays for it; 0 when not given. */
  studyHours?: number;
  independence: { task: string; rating: number }[];
  notes?: string;
}

/** A caseload is 5 to 10 interns; a provider admin's whole provider rarely has more on placement at once. */
const caseloadWeekLimit = 200;

/** The Monday of the week `date` is in; undefined when it is not a real calendar date. */
function weekOf(date: string): string | undefined {
  const instant = toDate(date);
  return Number.isNaN(instant.getTime()) || isoDate(instant) !== date ? undefined : weekStartOf(date);
}

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/**
 * What happens during an internship, beside the journey: weekly logs (hours, tasks, job coach
 * support, so fading shows), progress reviews, and the week-by-week picture. Each record is a step
 * the journey table allows only while the internship is in progress, so the journey service
 * checks it (policy and state) and audits it.
 */
/** What the EHC plan offers a review target: its outcomes, or undefined for a reviewer who may not read it. */
export interface EhcOutcomeChoices {
  outcomeChoicesFor(actor: Actor, youngPersonId: string): Promise<{ id: string; text: string }[] | undefined>;
}

export class ProgressService {
  private readonly mongo: MongoClient;
  private readonly journey: JourneyService;
  private readonly records: ProgressRepository;
  private readonly clock: Clock;
  private readonly ehcOutcomes: EhcOutcomeChoices;

  constructor(options: {
    mongo: MongoClient;
    journey: JourneyService;
    records: ProgressRepository;
    clock: Clock;
    /** The outcomes of the young person's EHC plan, which every review target serves. */
    ehcOutcomes: EhcOutcomeChoices;
  }) {
    this.mongo = options.mongo;
    this.journey = options.journey;
    this.records = options.records;
    this.clock = options.clock;
    this.ehcOutcomes = options.ehcOutcomes;
  }

  #today(): string {
    return isoDate(this.clock.now());
  }

  async logWeek(actor: Actor, id: string, input: WeeklyLogInput, requestId: string): Promise<WeeklyLog> {
    const { match, by } = await this.journey.authorizeStep(actor, id, 'log_week');
    // Any day names its week: a coach types the day they are thinking of, not the Monday before it.
    const weekStarting = weekOf(input.weekStarting);
    if (!weekStarting) throw unprocessable([problem('weekStarting', 'is not a real date')]);
    const problems: FieldProblem[] = [];
    if (weekStarting < weekStartOf(match.startedOn!))
      problems.push(problem('weekStarting', `is before the internship started (${match.startedOn})`));
    else if (weekStarting > this.#today()) problems.push(problem('weekStarting', 'is a week that has not begun'));
    if (problems.length > 0) throw unprocessable(problems);
    try {
      return await inTransaction(this.mongo, async (session) => {
        await this.journey.requireState(id, 'in_progress', 'log_week', session);
        const log = await this.records.insertLog(
          match,
          {
            ...input,
            studyHours: input.studyHours ?? 0,
            weekStarting,
            weekNumber: weekNumberOf(match.startedOn!, weekStarting),
            recordedBy: by,
            recordedAt: this.clock.now(),
          },
          session,
        );
        await this.journey.auditStep(actor, match, 'log_week', requestId, session, {
          weekStarting,
          logId: log.id,
        });
        return log;
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ApiError(
          'conflict',
          `The week starting ${weekStarting} already has a log. Correct that log instead.`,
          {
            details: [{ path: 'weekStarting', in: 'body', message: 'already has a log' }],
          },
        );
      }
      throw error;
    }
  }

  /**
   * Corrects the log of one week (any date in it names the week). The log keeps what it said
   * before as an earlier version, and the audit records who changed it, from which version and
   * the hours before and after.
   */
  async correctLog(
    actor: Actor,
    id: string,
    week: string,
    input: Omit<WeeklyLogInput, 'weekStarting'>,
    requestId: string,
  ): Promise<WeeklyLog> {
    const { match, by } = await this.journey.authorizeStep(actor, id, 'log_week');
    const weekStarting = weekOf(week);
    if (!weekStarting) throw notFound('That week');
    return inTransaction(this.mongo, async (session) => {
      await this.journey.requireState(id, 'in_progress', 'log_week', session);
      const corrected = await this.records.correctLog(
        match,
        weekStarting,
        {
          hoursWorked: input.hoursWorked,
          supportHours: input.supportHours,
          studyHours: input.studyHours ?? 0,
          tasksDone: input.tasksDone,
          independence: input.independence,
          ...(input.notes ? { notes: input.notes } : {}),
          recordedBy: by,
          recordedAt: this.clock.now(),
        },
        session,
      );
      if (!corrected) throw notFound(`A log for the week starting ${weekStarting}`);
      const { before, after } = corrected;
      await this.journey.auditStep(actor, match, 'correct_log', requestId, session, {
        weekStarting,
        logId: after.id,
        correction: { fromVersion: before.version, toVersion: after.version },
        before: { hoursWorked: before.hoursWorked, supportHours: before.supportHours },
        after: { hoursWorked: after.hoursWorked, supportHours: after.supportHours },
      });
      return after;
    });
  }

  /**
   * The caller's caseload for one week (any date in it): each intern on a placement, with that
   * week's log when there is one. For a job coach, their own caseload; a provider admin, everyone's.
   */
  async caseloadWeek(actor: Actor, week: string) {
    const weekStarting = weekOf(week) ?? weekStartOf(this.#today());
    const { items } = await this.journey.list(actor, {
      states: ['in_progress'],
      ...(actor.role === 'job_coach' ? { jobCoachId: actor.accountId } : {}),
      limit: caseloadWeekLimit,
      offset: 0,
    });
    const interns = items.filter((match) => weekStartOf(match.startedOn!) <= weekStarting);
    const [labels, logged] = await Promise.all([
      this.journey.labels(interns),
      this.records.logsOfWeek(
        interns.map((match) => match.id),
        weekStarting,
      ),
    ]);
    const thisWeek = weekStartOf(this.#today());
    return {
      weekStarting,
      isFuture: weekStarting > thisWeek,
      previousWeek: addDays(weekStarting, -7),
      ...(weekStarting < thisWeek ? { nextWeek: addDays(weekStarting, 7) } : {}),
      interns: interns
        .map((match) => ({
          matchId: match.id,
          youngPersonName: labels.youngPersonName(match.youngPersonId),
          placement: labels.placement(match.placementId),
          log: logged.get(match.id),
        }))
        .sort((a, b) => a.youngPersonName.localeCompare(b.youngPersonName)),
    };
  }

  /**
   * Saves one week's hours for several interns: a new log where the week has none, a correction
   * where the hours differ from its log, nothing where they are the same. Each intern is saved on
   * its own, so one refused does not lose the others; the problems come back by match id.
   */
  async saveCaseloadWeek(
    actor: Actor,
    week: string,
    entries: { matchId: string; hoursWorked: number; supportHours: number }[],
    requestId: string,
  ): Promise<{ saved: number; problems: Map<string, string> }> {
    const weekStarting = weekOf(week);
    if (!weekStarting) throw unprocessable([problem('week', 'is not a real date')]);
    const problems = new Map<string, string>();
    let saved = 0;
    for (const entry of entries) {
      try {
        const existing = (await this.records.logsOfWeek([entry.matchId], weekStarting)).get(entry.matchId);
        const hours = { hoursWorked: entry.hoursWorked, supportHours: entry.supportHours };
        if (!existing) {
          await this.logWeek(
            actor,
            entry.matchId,
            { weekStarting, ...hours, tasksDone: [], independence: [] },
            requestId,
          );
          saved += 1;
        } else if (existing.hoursWorked !== entry.hoursWorked || existing.supportHours !== entry.supportHours) {
          const { tasksDone, independence, notes } = existing;
          await this.correctLog(
            actor,
            entry.matchId,
            weekStarting,
            { ...hours, tasksDone, independence, ...(notes ? { notes } : {}) },
            requestId,
          );
          saved += 1;
        }
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        const details = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
        problems.set(entry.matchId, details[0] ? `The week ${details[0].message}` : error.message);
      }
    }
    return { saved, problems };
  }

  /**
   * The weeks a log can be written for now, oldest first: every week over with no log, then the
   * week under way if it has none. Each with its number (week 1 is the week the internship began).
   */
  async weeksToLog(actor: Actor, id: string): Promise<{ weekStarting: string; weekNumber: number }[]> {
    const { match, logs, weeksWithoutLog } = await this.progress(actor, id);
    if (match.state !== 'in_progress' || !match.startedOn) return [];
    const thisWeek = weekStartOf(this.#today());
    const open = [...weeksWithoutLog];
    if (thisWeek >= weekStartOf(match.startedOn) && !logs.some((log) => log.weekStarting === thisWeek))
      open.push(thisWeek);
    return open.map((weekStarting) => ({ weekStarting, weekNumber: weekNumberOf(match.startedOn!, weekStarting) }));
  }

  /** One week's log of an internship, to correct it; 404 when the week has none. */
  async logOf(actor: Actor, id: string, week: string): Promise<WeeklyLog> {
    await this.journey.get(actor, id);
    const weekStarting = weekOf(week);
    if (!weekStarting) throw notFound('That week');
    const log = (await this.records.logsOf(id)).find((entry) => entry.weekStarting === weekStarting);
    if (!log) throw notFound(`A log for the week starting ${weekStarting}`);
    return log;
  }

  async recordReview(
    actor: Actor,
    id: string,
    input: { heldOn: string; summary?: string; targets: Review['targets']; nextReviewDue?: string },
    requestId: string,
  ): Promise<Review> {
    const { match, by } = await this.journey.authorizeStep(actor, id, 'record_review');
    const problems: FieldProblem[] = [];
    if (input.heldOn > this.#today()) problems.push(problem('heldOn', 'is in the future'));
    if (input.heldOn < match.startedOn!)
      problems.push(problem('heldOn', `is before the internship started (${match.startedOn})`));
    const next = input.nextReviewDue ?? addDays(input.heldOn, reviewIntervalDays);
    if (next <= input.heldOn) problems.push(problem('nextReviewDue', 'must be after heldOn'));
    const choices = await this.ehcOutcomes.outcomeChoicesFor(actor, match.youngPersonId);
    const outcomeIds = (choices ?? []).map((outcome) => outcome.id);
    input.targets.forEach((target, index) => {
      const path = `targets.${index}.outcomeId`;
      if (target.outcomeId && !outcomeIds.includes(target.outcomeId))
        problems.push(problem(path, 'is not an outcome in the young person’s EHC plan'));
      // Only a reviewer who may read the plan can name its outcomes; an employer sets targets without.
      else if (!target.outcomeId && outcomeIds.length > 0)
        problems.push(problem(path, 'choose the EHC plan outcome this target works towards'));
    });
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.mongo, async (session) => {
      await this.journey.requireState(id, 'in_progress', 'record_review', session);
      const review = await this.records.insertReview(
        match,
        {
          heldOn: input.heldOn,
          ...(input.summary ? { summary: input.summary } : {}),
          targets: input.targets,
          nextReviewDue: next,
          recordedBy: by,
          recordedAt: this.clock.now(),
        },
        session,
      );
      await this.journey.auditStep(actor, match, 'record_review', requestId, session, {
        heldOn: input.heldOn,
        reviewId: review.id,
      });
      return review;
    });
  }

  /** Week by week: hours, support (so fading shows), the weeks with no log, reviews and when the next is due. */
  async progress(actor: Actor, id: string) {
    const { match } = await this.journey.get(actor, id);
    const [logs, reviews] = await Promise.all([this.records.logsOf(id), this.records.reviewsOf(id)]);
    const weekly = match.startedOn
      ? weeklyProgress({
          startedOn: match.startedOn,
          ...(match.endedOn ? { endedOn: match.endedOn } : {}),
          today: this.#today(),
          logs,
        })
      : { weeks: [], weeksWithoutLog: [], fading: { earlyAverageSupportHours: null, recentAverageSupportHours: null } };
    return {
      match,
      logs,
      reviews,
      ...weekly,
      nextReviewDue: match.state === 'in_progress' ? nextReviewDue(match.startedOn!, reviews[0]) : null,
    };
  }
}
