import type { MongoClient } from 'mongodb';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addDays, isMonday, isoDate, weekStartOf } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, unprocessable } from '../core/errors.js';
import type { JourneyService } from './journey.service.js';
import { nextReviewDue, reviewIntervalDays, weeklyProgress, weekNumberOf } from './progress.js';
import type { ProgressRepository, Review, WeeklyLog } from './progress.repository.js';

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/**
 * What happens during an internship, beside the journey: weekly logs (hours, tasks, job coach
 * support, so fading shows), progress reviews, and the week-by-week picture. Each record is a step
 * the journey table allows only while the internship is in progress, so the journey service
 * checks it (policy and state) and audits it.
 */
export class ProgressService {
  private readonly mongo: MongoClient;
  private readonly journey: JourneyService;
  private readonly records: ProgressRepository;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    journey: JourneyService;
    records: ProgressRepository;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.journey = options.journey;
    this.records = options.records;
    this.clock = options.clock;
  }

  #today(): string {
    return isoDate(this.clock.now());
  }

  async logWeek(
    actor: Actor,
    id: string,
    input: {
      weekStarting: string;
      hoursWorked: number;
      tasksDone: string[];
      supportHours: number;
      studyHours: number;
      independence: { task: string; rating: number }[];
      notes?: string;
    },
    requestId: string,
  ): Promise<WeeklyLog> {
    const { match, by } = await this.journey.authorizeStep(actor, id, 'log_week');
    const problems: FieldProblem[] = [];
    if (!isMonday(input.weekStarting)) problems.push(problem('weekStarting', 'must be a Monday'));
    else if (input.weekStarting < weekStartOf(match.startedOn!))
      problems.push(problem('weekStarting', `is before the internship started (${match.startedOn})`));
    else if (input.weekStarting > this.#today()) problems.push(problem('weekStarting', 'is a week that has not begun'));
    if (problems.length > 0) throw unprocessable(problems);
    try {
      return await inTransaction(this.mongo, async (session) => {
        await this.journey.requireState(id, 'in_progress', 'log_week', session);
        const log = await this.records.insertLog(
          match,
          {
            ...input,
            weekNumber: weekNumberOf(match.startedOn!, input.weekStarting),
            recordedBy: by,
            recordedAt: this.clock.now(),
          },
          session,
        );
        await this.journey.auditStep(actor, match, 'log_week', requestId, session, {
          weekStarting: input.weekStarting,
          logId: log.id,
        });
        return log;
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ApiError('conflict', 'This week already has a log.', {
          details: [{ path: 'weekStarting', in: 'body', message: 'already has a log' }],
        });
      }
      throw error;
    }
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
