import type { z } from '@hono/zod-openapi';
import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, providerDashboardScope, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addDays, londonDayAndHour } from '../core/dates.js';
import { newId } from '../core/db/ids.js';
import { inTransaction } from '../core/db/transaction.js';
import { type FieldProblem, forbidden, notFound, unprocessable } from '../core/errors.js';
import { type Sector, sectorLabels } from '../domain/vocabulary.js';
import type { JourneyService } from '../journey/journey.service.js';
import { webPaths } from '../notifications/links.js';
import type { InternshipFacts } from '../read-models/internships.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { InternshipFilters, InternshipsReadModel, StartedInternship } from './internships.read-model.js';
import { type InternshipForReport, jobOutcomeDefinitions, jobOutcomeFigures, jobOutcomeRows } from './job-outcomes.js';
import type { EhcPlan, FollowUp, InternshipOutcomes, OutcomesRepository } from './outcomes.repository.js';
import {
  attendancePattern,
  ehcReviewReminderOn,
  employmentPlanWindow,
  type FollowUpMonth,
  fidelityBand,
  followUpDueOn,
  followUpMonths,
  paidActivities,
} from './outcomes.rules.js';
import type {
  coreAimsInputSchema,
  ehcPlanInputSchema,
  employmentPlanInputSchema,
  followUpInputSchema,
} from './outcomes.schemas.js';

type EhcPlanInput = z.output<typeof ehcPlanInputSchema>;
type CoreAimsInput = z.output<typeof coreAimsInputSchema>;
type EmploymentPlanInput = z.output<typeof employmentPlanInputSchema>;
type FollowUpInput = z.output<typeof followUpInputSchema>;

/** A daily run that did not run for a few days still sends a follow-up's reminder. */
const followUpEmailDays = 7;

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** A target's status in the words the young person reads. */
function inPlainWords(text: string, status: string): string {
  const words = text.replace(/[.!]+$/, '');
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  switch (status) {
    case 'achieved':
      return `You can now ${lower}.`;
    case 'in_progress':
      return `You are working on this: ${lower}.`;
    case 'not_achieved':
      return `Not yet: ${lower}. Your job coach will help you keep trying.`;
    case 'dropped':
      return `You and your job coach stopped working on this: ${lower}.`;
    default:
      return `Next you will work on this: ${lower}.`;
  }
}

/** One thing a job coach must do about the year after: an EHC plan review coming, or a follow-up due. */
export interface OutcomesTaskView {
  kind: 'ehc_review_due' | 'follow_up_due';
  title: string;
  dueOn: string;
  /** For a follow-up: 6, 9 or 12. */
  month?: FollowUpMonth;
  youngPerson: { id: string; preferredName: string };
  matchId?: string;
  path: string;
  /** The last day an email reminder is still sent: a reminder comes on its date, not months late. */
  emailUntil: string;
}

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

/**
 * The record a provider keeps of the internship's purpose and what followed: the outcomes of the
 * young person's EHC plan (which review targets serve), the core aims at completion, the employment
 * plan, follow-ups at 6, 9 and 12 months after the end, the job-outcome figures and the SEN2 export.
 * The provider's staff write; the young person and a delegate with view_profile read.
 */
export class OutcomesService {
  private readonly mongo: MongoClient;
  private readonly records: OutcomesRepository;
  private readonly journey: JourneyService;
  private readonly internships: InternshipsReadModel;
  private readonly caseloads: Pick<InternshipFacts, 'caseloadOf'>;
  private readonly names: NamesReadModel;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    records: OutcomesRepository;
    journey: JourneyService;
    internships: InternshipsReadModel;
    /** A job coach's young people, as Access to Work reads them. */
    caseloads: Pick<InternshipFacts, 'caseloadOf'>;
    names: NamesReadModel;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.records = options.records;
    this.journey = options.journey;
    this.internships = options.internships;
    this.caseloads = options.caseloads;
    this.names = options.names;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  #today(): string {
    return londonDayAndHour(this.clock.now()).day;
  }

  async #authorizePerson(actor: Actor, youngPersonId: string, action: 'outcomes.read' | 'outcomes.write') {
    const providerId = (await this.internships.providerOf(youngPersonId)) ?? undefined;
    if (!providerId) throw notFound('Young person');
    const resource: Resource = { type: 'internship_outcomes', youngPersonId, providerId };
    authorize(actor, action, resource);
    return { providerId, mayWrite: decide(actor, 'outcomes.write', resource) === 'allow' };
  }

  async #authorizeMatch(actor: Actor, matchId: string, action: 'outcomes.read' | 'outcomes.write') {
    const { match } = await this.journey.get(actor, matchId);
    const resource: Resource = {
      type: 'internship_outcomes',
      youngPersonId: match.youngPersonId,
      providerId: match.providerId,
    };
    authorize(actor, action, resource);
    return { match, owner: { matchId, youngPersonId: match.youngPersonId, providerId: match.providerId } };
  }

  #planView(youngPersonId: string, plan: EhcPlan | undefined) {
    return {
      youngPersonId,
      outcomes: plan?.outcomes ?? [],
      nextReviewOn: plan?.nextReviewOn ?? null,
      lastReviewOn: plan?.lastReviewOn ?? null,
      reminderOn: plan ? ehcReviewReminderOn(plan.nextReviewOn) : null,
    };
  }

  async plan(actor: Actor, youngPersonId: string) {
    await this.#authorizePerson(actor, youngPersonId, 'outcomes.read');
    return this.#planView(youngPersonId, await this.records.planOf(youngPersonId));
  }

  /** The outcomes' ids the plan holds now. */
  async #outcomeIdsOf(youngPersonId: string): Promise<string[]> {
    return ((await this.records.planOf(youngPersonId))?.outcomes ?? []).map((outcome) => outcome.id);
  }

  /**
   * The outcomes a review target may name, for a reviewer who may read the plan; undefined for one
   * who may not (an employer), who sets targets without naming an outcome.
   */
  async outcomeChoicesFor(actor: Actor, youngPersonId: string): Promise<{ id: string; text: string }[] | undefined> {
    const providerId = await this.internships.providerOf(youngPersonId);
    if (!providerId) return undefined;
    const resource: Resource = { type: 'internship_outcomes', youngPersonId, providerId };
    if (decide(actor, 'outcomes.read', resource) !== 'allow') return undefined;
    return (await this.records.planOf(youngPersonId))?.outcomes ?? [];
  }

  async savePlan(actor: Actor, youngPersonId: string, input: EhcPlanInput, requestId: string) {
    const { providerId } = await this.#authorizePerson(actor, youngPersonId, 'outcomes.write');
    const existing = new Set(await this.#outcomeIdsOf(youngPersonId));
    const problems: FieldProblem[] = [];
    input.outcomes.forEach((outcome, index) => {
      if (outcome.id && !existing.has(outcome.id))
        problems.push(problem(`outcomes.${index}.id`, 'is not an outcome in the plan; leave it out for a new one'));
    });
    if (input.lastReviewOn && input.lastReviewOn > this.#today())
      problems.push(problem('lastReviewOn', 'is in the future; give the date of the last review held'));
    if (input.lastReviewOn && input.nextReviewOn <= input.lastReviewOn)
      problems.push(problem('nextReviewOn', 'must be after lastReviewOn'));
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.records.savePlan(
        {
          youngPersonId,
          providerId,
          outcomes: input.outcomes.map((outcome) => ({ id: outcome.id ?? newId().toHexString(), text: outcome.text })),
          nextReviewOn: input.nextReviewOn,
          ...(input.lastReviewOn ? { lastReviewOn: input.lastReviewOn } : {}),
          updatedAt: this.clock.now(),
          updatedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.audit.success(
        'outcomes.ehc_plan',
        actor,
        {
          target: { type: 'ehc_plan', id: youngPersonId },
          subjectId: youngPersonId,
          requestId,
          details: { outcomes: saved.outcomes.length, nextReviewOn: saved.nextReviewOn },
        },
        session,
      );
      return this.#planView(youngPersonId, saved);
    });
  }

  /**
   * Each outcome of the plan with the review targets that serve it, each in plain words; a target
   * set again at a later review counts as it stands at the latest one.
   */
  async progressTowardsOutcomes(actor: Actor, youngPersonId: string) {
    await this.#authorizePerson(actor, youngPersonId, 'outcomes.read');
    const [plan, reviews] = await Promise.all([
      this.records.planOf(youngPersonId),
      this.internships.reviewTargets(youngPersonId),
    ]);
    const latest = new Map<string, { outcomeId: string; text: string; status: string; setOn: string }>();
    for (const review of reviews) {
      for (const target of review.targets) {
        if (!target.outcomeId) continue;
        const key = `${target.outcomeId}:${target.text.trim().toLowerCase()}`;
        const before = latest.get(key);
        latest.set(key, {
          outcomeId: target.outcomeId,
          text: target.text,
          status: target.status,
          setOn: before?.setOn ?? review.heldOn,
        });
      }
    }
    return {
      youngPersonId,
      outcomes: (plan?.outcomes ?? []).map((outcome) => {
        const targets = [...latest.values()]
          .filter((target) => target.outcomeId === outcome.id)
          .map((target) => ({
            text: target.text,
            status: target.status as 'not_started' | 'in_progress' | 'achieved' | 'not_achieved' | 'dropped',
            inPlainWords: inPlainWords(target.text, target.status),
            setOn: target.setOn,
          }));
        const done = targets.filter((target) => target.status === 'achieved').length;
        const summary =
          targets.length === 0
            ? 'You have no targets for this yet. Your job coach will set some with you at your next review.'
            : done === targets.length
              ? `You have done all ${targets.length} of your targets for this. Well done.`
              : `You have done ${done} of ${targets.length} targets for this.`;
        return { id: outcome.id, text: outcome.text, summary, targets };
      }),
    };
  }

  /** What the outcomes page shows its reader: the plan, progress in plain words, and whether they may edit. */
  async outcomesOverview(actor: Actor, youngPersonId: string) {
    const { mayWrite } = await this.#authorizePerson(actor, youngPersonId, 'outcomes.read');
    const [plan, progress, names] = await Promise.all([
      this.plan(actor, youngPersonId),
      this.progressTowardsOutcomes(actor, youngPersonId),
      this.names.youngPersonNames([youngPersonId]),
    ]);
    return { plan, progress, mayWrite, preferredName: names.get(youngPersonId) ?? 'the young person' };
  }

  /** What the page of the internship's end and the year after shows: the record, who it is about, what is due. */
  async afterOverview(actor: Actor, matchId: string) {
    const after = await this.after(actor, matchId);
    const { match } = await this.journey.get(actor, matchId);
    const [names, titles] = await Promise.all([
      this.names.youngPersonNames([match.youngPersonId]),
      this.names.placementTitles([match.placementId]),
    ]);
    const mayWrite =
      decide(actor, 'outcomes.write', {
        type: 'internship_outcomes',
        youngPersonId: match.youngPersonId,
        providerId: match.providerId,
      }) === 'allow';
    const today = this.#today();
    return {
      after,
      mayWrite,
      preferredName: names.get(match.youngPersonId) ?? 'the young person',
      placementTitle: titles.get(match.placementId) ?? 'the placement',
      startedOn: match.startedOn ?? null,
      followUpsDue: after.followUps.map((followUp) => ({ ...followUp, isDue: followUp.dueOn <= today })),
    };
  }

  #afterView(match: Awaited<ReturnType<JourneyService['get']>>['match'], outcomes: InternshipOutcomes | undefined) {
    const recorded = new Map((outcomes?.followUps ?? []).map((followUp) => [followUp.month, followUp]));
    const plan = outcomes?.employmentPlan;
    return {
      matchId: match.id,
      youngPersonId: match.youngPersonId,
      state: match.state,
      endedOn: match.endedOn ?? null,
      outcomeType: match.outcome?.type ?? null,
      coreAims: outcomes?.coreAims
        ? {
            met: outcomes.coreAims.met,
            ...(outcomes.coreAims.missing ? { missing: outcomes.coreAims.missing } : {}),
            recordedAt: outcomes.coreAims.recordedAt.toISOString(),
          }
        : null,
      employmentPlanWindow: match.startedOn
        ? employmentPlanWindow({
            startedOn: match.startedOn,
            rotationStarts: match.rotations.map((rotation) => rotation.startDate),
            ...(match.endedOn ? { endedOn: match.endedOn } : {}),
          })
        : null,
      employmentPlan: plan
        ? {
            targetJobs: plan.targetJobs,
            actions: plan.actions,
            ...(plan.jobOffer ? { jobOffer: plan.jobOffer } : {}),
            updatedAt: plan.updatedAt.toISOString(),
            updatedBy: plan.updatedBy,
          }
        : null,
      followUps: match.endedOn
        ? followUpMonths.map((month) => {
            const followUp = recorded.get(month);
            return {
              month,
              dueOn: followUpDueOn(match.endedOn!, month),
              recorded: followUp
                ? {
                    checkedOn: followUp.checkedOn,
                    activity: followUp.activity,
                    ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
                    ...(followUp.payBand ? { payBand: followUp.payBand } : {}),
                    ...(followUp.sameEmployer !== undefined ? { sameEmployer: followUp.sameEmployer } : {}),
                    ...(followUp.notes ? { notes: followUp.notes } : {}),
                    recordedAt: followUp.recordedAt.toISOString(),
                  }
                : null,
            };
          })
        : [],
    };
  }

  /** Core aims, the employment plan and the follow-ups of one internship. */
  async after(actor: Actor, matchId: string) {
    const { match } = await this.#authorizeMatch(actor, matchId, 'outcomes.read');
    return this.#afterView(match, await this.records.outcomesOf(matchId));
  }

  /** Were the core aims met? Recorded once the internship has ended; follow-ups already recorded stay. */
  async saveCoreAims(actor: Actor, matchId: string, input: CoreAimsInput, requestId: string) {
    const { match, owner } = await this.#authorizeMatch(actor, matchId, 'outcomes.write');
    if (!match.endedOn) throw unprocessable([problem('met', 'can be recorded once the internship is completed')]);
    if (!input.met && !input.missing?.trim())
      throw unprocessable([problem('missing', 'say what was missing when the core aims were not met')]);
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.records.saveCoreAims(
        owner,
        {
          met: input.met,
          ...(input.met || !input.missing ? {} : { missing: input.missing }),
          recordedAt: this.clock.now(),
          recordedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.audit.success(
        'outcomes.core_aims',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { met: input.met },
        },
        session,
      );
      return this.#afterView(match, saved);
    });
  }

  async saveEmploymentPlan(actor: Actor, matchId: string, input: EmploymentPlanInput, requestId: string) {
    const { match, owner } = await this.#authorizeMatch(actor, matchId, 'outcomes.write');
    if (!match.startedOn) throw unprocessable([problem('targetJobs', 'the internship has not started yet')]);
    const window = employmentPlanWindow({
      startedOn: match.startedOn,
      rotationStarts: match.rotations.map((rotation) => rotation.startDate),
      ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    });
    const problems: FieldProblem[] = [];
    input.actions.forEach((action, index) => {
      if (action.dueOn < window.from || (window.until && action.dueOn > window.until))
        problems.push(
          problem(
            `actions.${index}.dueOn`,
            `must be within the employment plan: from ${window.from}${window.until ? ` to ${window.until}` : ''}`,
          ),
        );
      if (action.doneOn && action.doneOn > this.#today())
        problems.push(problem(`actions.${index}.doneOn`, 'is in the future'));
    });
    const offer = input.jobOffer;
    if (offer) {
      const lastDay = match.endedOn ?? this.#today();
      if (offer.offeredOn > this.#today()) problems.push(problem('jobOffer.offeredOn', 'is in the future'));
      else if (offer.offeredOn < match.startedOn || offer.offeredOn > lastDay)
        problems.push(
          problem('jobOffer.offeredOn', `must be during the internship (${match.startedOn} to ${lastDay})`),
        );
    }
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.records.saveEmploymentPlan(
        owner,
        {
          targetJobs: input.targetJobs,
          actions: input.actions,
          ...(offer ? { jobOffer: offer } : {}),
          updatedAt: this.clock.now(),
          updatedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.audit.success(
        'outcomes.employment_plan',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { actions: input.actions.length, jobOffer: offer !== undefined },
        },
        session,
      );
      return this.#afterView(match, saved);
    });
  }

  /**
   * Records (or corrects) the follow-up `month` months after the end, from its due date on. The
   * 12-month one also takes the journey's own `record_follow_up` step while it is `completed`.
   */
  async recordFollowUp(actor: Actor, matchId: string, month: FollowUpMonth, input: FollowUpInput, requestId: string) {
    const { match, owner } = await this.#authorizeMatch(actor, matchId, 'outcomes.write');
    if (!match.endedOn)
      throw unprocessable([problem('checkedOn', 'a follow-up comes after the internship is completed')]);
    const dueOn = followUpDueOn(match.endedOn, month);
    const problems: FieldProblem[] = [];
    if (input.checkedOn < dueOn)
      problems.push(problem('checkedOn', `is before the ${month}-month follow-up is due (${dueOn})`));
    else if (input.checkedOn > this.#today()) problems.push(problem('checkedOn', 'is in the future'));
    if (paidActivities.includes(input.activity)) {
      if (input.hoursPerWeek === undefined)
        problems.push(problem('hoursPerWeek', 'give the hours a week of the paid work'));
      if (input.payBand === undefined)
        problems.push(problem('payBand', 'say whether the pay is below, at or above the National Minimum Wage'));
      if (input.sameEmployer === undefined)
        problems.push(problem('sameEmployer', 'say whether it is the placement’s employer'));
    }
    if (problems.length > 0) throw unprocessable(problems, 'The follow-up cannot be recorded as it stands.');
    if (month === 12 && match.state === 'completed') {
      await this.journey.recordFollowUp(
        actor,
        matchId,
        {
          checkedOn: input.checkedOn,
          stillEmployed: paidActivities.includes(input.activity),
          ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
        },
        requestId,
      );
    }
    const followUp: FollowUp = {
      month,
      dueOn,
      checkedOn: input.checkedOn,
      activity: input.activity,
      ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
      ...(paidActivities.includes(input.activity) && input.payBand ? { payBand: input.payBand } : {}),
      ...(paidActivities.includes(input.activity) && input.sameEmployer !== undefined
        ? { sameEmployer: input.sameEmployer }
        : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      recordedAt: this.clock.now(),
      recordedBy: { accountId: actor.accountId, role: actor.role },
    };
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.records.saveFollowUp(owner, followUp, session);
      await this.audit.success(
        'outcomes.follow_up',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { month, activity: input.activity },
        },
        session,
      );
      const { match: now } = await this.journey.get(actor, matchId);
      return this.#afterView(now, saved);
    });
  }

  /**
   * What a job coach must do about the year after, for the young people on their caseload: an EHC
   * plan review from 4 weeks before it, and the 6- and 9-month follow-ups from their due date until
   * the next one is due (the 12-month one is the journey's own inbox item).
   */
  async coachTasks(actor: Actor): Promise<OutcomesTaskView[]> {
    if (actor.role !== 'job_coach' || !actor.providerId) return [];
    const today = this.#today();
    const providerId = actor.providerId;
    // The caseload queries pick the coach's own young people; the policy still decides, one by one.
    const mayWrite = (youngPersonId: string) =>
      decide(actor, 'outcomes.write', { type: 'internship_outcomes', youngPersonId, providerId }) === 'allow';
    const [caseload, started] = await Promise.all([
      this.caseloads.caseloadOf(actor.accountId, providerId),
      this.internships.started({ providerId, jobCoachId: actor.accountId }),
    ]);
    const people = caseload
      .filter((person) => mayWrite(person.id))
      .map(({ id, preferredName }) => ({ id, preferredName }));
    const finished = started.filter((internship) => mayWrite(internship.youngPersonId));
    const plans = await this.records.plansOf(people.map((person) => person.id));
    const tasks: OutcomesTaskView[] = [];
    for (const person of people) {
      const plan = plans.get(person.id);
      if (plan && ehcReviewReminderOn(plan.nextReviewOn) <= today) {
        tasks.push({
          kind: 'ehc_review_due',
          title: 'The EHC plan’s annual review is coming. Check progress towards its outcomes.',
          dueOn: plan.nextReviewOn,
          youngPerson: person,
          path: webPaths.ehcOutcomes(person.id),
          emailUntil: plan.nextReviewOn,
        });
      }
    }
    const ended = finished.filter((internship) => internship.state === 'completed' && internship.endedOn);
    const recorded = await this.records.outcomesOfMatches(ended.map((internship) => internship.matchId));
    const names = await this.names.youngPersonNames([...new Set(ended.map((internship) => internship.youngPersonId))]);
    for (const internship of ended) {
      const done = new Set((recorded.get(internship.matchId)?.followUps ?? []).map((followUp) => followUp.month));
      for (const [month, next] of [
        [6, 9],
        [9, 12],
      ] as const) {
        const dueOn = followUpDueOn(internship.endedOn!, month);
        if (done.has(month) || dueOn > today || followUpDueOn(internship.endedOn!, next) <= today) continue;
        tasks.push({
          kind: 'follow_up_due',
          title: `The ${month}-month follow-up is due. What is the young person doing now?`,
          dueOn,
          month,
          youngPerson: {
            id: internship.youngPersonId,
            preferredName: names.get(internship.youngPersonId) ?? 'the young person',
          },
          matchId: internship.matchId,
          path: webPaths.afterInternship(internship.matchId),
          emailUntil: addDays(dueOn, followUpEmailDays),
        });
      }
    }
    return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  #reportScope(actor: Actor, filters: JobOutcomeFilters): InternshipFilters {
    const scope = providerDashboardScope(actor);
    if (!scope) throw forbidden('The job-outcome report is for the provider’s staff.');
    if (scope.jobCoachId && filters.jobCoachId && filters.jobCoachId !== scope.jobCoachId)
      throw forbidden('A job coach sees only their own caseload’s figures.');
    return { ...filters, providerId: scope.providerId, ...(scope.jobCoachId ? { jobCoachId: scope.jobCoachId } : {}) };
  }

  async #forReport(started: StartedInternship[]): Promise<InternshipForReport[]> {
    const recorded = await this.records.outcomesOfMatches(started.map((internship) => internship.matchId));
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
    const internships = await this.#forReport(await this.internships.started(scope));
    const today = this.#today();
    const coaches = await this.names.accountNames([
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
    const started = await this.internships.started({ ...filters, providerId: actor.providerId });
    const [people, schedules, plans] = await Promise.all([
      this.internships.people([...new Set(started.map((internship) => internship.youngPersonId))]),
      this.internships.schedules([...new Set(started.map((internship) => internship.placementId))]),
      this.records.plansOf([...new Set(started.map((internship) => internship.youngPersonId))]),
    ]);
    await this.audit.success('outcomes.sen2_export', actor, {
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
