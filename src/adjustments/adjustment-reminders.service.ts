import { type Action, type Actor, decide } from '../auth/policy.js';
import { addDays, londonDayAndHour } from '../core/dates.js';
import type { AdjustmentJourney } from '../read-models/adjustment-journeys.js';
import { AdjustmentSteps } from './adjustment-steps.service.js';
import { type AdjustmentInboxTask, adjustmentTaskTitle } from './adjustments.inbox.js';
import {
  addWorkingDays,
  answerReminderWorkingDays,
  checkWindowDays,
  journeyStatesWithAdjustments,
} from './adjustments.machine.js';
import type { AdjustmentRequest } from './adjustments.repository.js';

/** A reminder the daily run sends: to the employer's staff, or (a check) to the young person. */
export interface AdjustmentReminder {
  kind: 'adjustment_answer_due' | 'adjustment_overdue' | 'adjustment_check_due';
  matchId: string;
  youngPersonId: string;
  employerId: string;
  placementId: string;
  providerId: string;
  /** What makes this reminder once: the request (or journey) and the day it is about. */
  occurrence: string;
  youngPersonName: string;
  employerName: string;
  placementTitle: string;
}

/**
 * AdjustmentsService's layer for what is due and for whom: the employer's to-do counts, the reminders
 * the daily run sends and the tasks the inbox shows while they are due.
 */
export class AdjustmentReminders extends AdjustmentSteps {
  /**
   * What needs an employer's staff on their home page: per journey, the requests waiting for their
   * answer and the agreed ones past their date. Counts only, so the home page holds no young person's words.
   */
  async employerToDo(actor: Actor) {
    if (actor.role !== 'employer' || !actor.employerId) return [];
    const requests = await this.records.find({ employerId: actor.employerId, states: ['requested', 'agreed'] });
    const today = this.today();
    const byMatch = new Map<string, { waiting: number; late: number; youngPersonId: string; placementId: string }>();
    for (const request of requests) {
      if (request.awaitingYoungPerson) continue;
      const late = request.state === 'agreed' && request.agreed!.byDate < today;
      if (request.state !== 'requested' && !late) continue;
      const entry = byMatch.get(request.matchId) ?? {
        waiting: 0,
        late: 0,
        youngPersonId: request.youngPersonId,
        placementId: request.placementId,
      };
      if (request.state === 'requested') entry.waiting += 1;
      else entry.late += 1;
      byMatch.set(request.matchId, entry);
    }
    const journeys = await Promise.all([...byMatch.keys()].map((id) => this.journeys.journey(id)));
    const visible = journeys.filter(
      (journey): journey is AdjustmentJourney =>
        journey?.visibleToEmployer === true &&
        (journeyStatesWithAdjustments as readonly string[]).includes(journey.state),
    );
    const [people, placements] = await Promise.all([
      this.journeys.youngPersonNames(visible.map((journey) => journey.youngPersonId)),
      this.journeys.placementTitles(visible.map((journey) => journey.placementId)),
    ]);
    return visible.map((journey) => ({
      matchId: journey.id,
      youngPersonName: people.get(journey.youngPersonId) ?? 'A young person',
      placementTitle: placements.get(journey.placementId) ?? 'a placement',
      waiting: byMatch.get(journey.id)!.waiting,
      late: byMatch.get(journey.id)!.late,
      path: `/journeys/${journey.id}/adjustments`,
    }));
  }

  /**
   * What is due now, a request at a time, on journeys the employer can see and where adjustments
   * are open: requests unanswered for 5 working days, agreed ones past their date, checks in their window.
   */
  async #due(scope: { employerId?: string; youngPersonId?: string } = {}) {
    const today = this.today();
    const open = await this.records.find({ ...scope, states: ['requested', 'agreed', 'in_place'] });
    const due: { kind: AdjustmentReminder['kind']; request: AdjustmentRequest }[] = [];
    for (const request of open) {
      if (request.awaitingYoungPerson) continue;
      if (
        request.state === 'requested' &&
        addWorkingDays(londonDayAndHour(request.requestedAt).day, answerReminderWorkingDays) <= today
      )
        due.push({ kind: 'adjustment_answer_due', request });
      else if (request.state === 'agreed' && request.agreed!.byDate < today)
        due.push({ kind: 'adjustment_overdue', request });
      else if (
        request.state === 'in_place' &&
        addDays(request.inPlace!.on, checkWindowDays.opens) <= today &&
        today <= addDays(request.inPlace!.on, checkWindowDays.closes)
      )
        due.push({ kind: 'adjustment_check_due', request });
    }
    const journeys = new Map(
      (await Promise.all([...new Set(due.map((d) => d.request.matchId))].map((id) => this.journeys.journey(id))))
        .filter((journey): journey is AdjustmentJourney => journey !== undefined)
        .map((journey) => [journey.id, journey]),
    );
    return due.flatMap((d) => {
      const journey = journeys.get(d.request.matchId);
      return journey?.visibleToEmployer === true &&
        (journeyStatesWithAdjustments as readonly string[]).includes(journey.state)
        ? [{ ...d, journey }]
        : [];
    });
  }

  /**
   * The reminders due today, for the daily run: an employer's requests unanswered after 5 working
   * days (one per journey and day of the oldest), an agreed adjustment past its date, and the young
   * person's check from 1 to 2 weeks after it is in place. Each carries the key that makes it once;
   * none carries the young person's words.
   */
  async dueReminders(): Promise<AdjustmentReminder[]> {
    const reminders: AdjustmentReminder[] = [];
    // The employer is reminded once a journey of its oldest unanswered request, not once a request.
    const oldestWaiting = new Map<string, AdjustmentRequest>();
    for (const { kind, request } of await this.#due()) {
      if (kind === 'adjustment_answer_due') {
        const oldest = oldestWaiting.get(request.matchId);
        if (!oldest || request.requestedAt < oldest.requestedAt) oldestWaiting.set(request.matchId, request);
      } else if (kind === 'adjustment_overdue')
        reminders.push(this.#reminder(kind, request, `${request.id}:${request.agreed!.byDate}`));
      else reminders.push(this.#reminder(kind, request, `${request.id}:${request.inPlace!.on}`));
    }
    for (const request of oldestWaiting.values())
      reminders.push(
        this.#reminder(
          'adjustment_answer_due',
          request,
          `${request.matchId}:${londonDayAndHour(request.requestedAt).day}`,
        ),
      );
    const [people, employers, placements] = await Promise.all([
      this.journeys.youngPersonNames(reminders.map((r) => r.youngPersonId)),
      this.journeys.employerNames(reminders.map((r) => r.employerId)),
      this.journeys.placementTitles(reminders.map((r) => r.placementId)),
    ]);
    return reminders.map((reminder) => ({
      ...reminder,
      youngPersonName: people.get(reminder.youngPersonId) ?? 'A young person',
      employerName: employers.get(reminder.employerId) ?? 'The employer',
      placementTitle: placements.get(reminder.placementId) ?? 'the placement',
    }));
  }

  /**
   * The reminders the daily run emails, as the reader's inbox shows them while they are due: for an
   * employer's staff their answers and late adjustments, for the young person (or a delegate who
   * answers for them) the checks. One task a journey and kind, with a count and never the words.
   */
  async inboxTasks(actor: Actor): Promise<AdjustmentInboxTask[]> {
    const scopes =
      actor.role === 'employer' && actor.employerId
        ? [{ employerId: actor.employerId }]
        : actor.role === 'young_person' && actor.youngPersonId
          ? [{ youngPersonId: actor.youngPersonId }]
          : actor.role === 'delegate'
            ? actor.actsFor.map((link) => ({ youngPersonId: link.youngPersonId }))
            : [];
    const kinds: readonly AdjustmentReminder['kind'][] =
      actor.role === 'employer' ? ['adjustment_answer_due', 'adjustment_overdue'] : ['adjustment_check_due'];
    const action: Action = actor.role === 'employer' ? 'adjustment.employer_act' : 'adjustment.young_person_act';
    const due = (await Promise.all(scopes.map((scope) => this.#due(scope))))
      .flat()
      .filter((d) => kinds.includes(d.kind));
    const tasks = new Map<string, { kind: AdjustmentReminder['kind']; journey: AdjustmentJourney; count: number }>();
    for (const { kind, journey } of due) {
      const key = `${kind}:${journey.id}`;
      tasks.set(key, { kind, journey, count: (tasks.get(key)?.count ?? 0) + 1 });
    }
    const allowed = (
      await Promise.all(
        [...tasks.values()].map(async (task) =>
          decide(actor, action, await this.resource(task.journey)) === 'allow' ? [task] : [],
        ),
      )
    ).flat();
    const [people, employers, placements] = await Promise.all([
      this.journeys.youngPersonNames(allowed.map((task) => task.journey.youngPersonId)),
      this.journeys.employerNames(allowed.map((task) => task.journey.employerId)),
      this.journeys.placementTitles(allowed.map((task) => task.journey.placementId)),
    ]);
    return allowed.map(({ kind, journey, count }) => {
      const youngPersonName = people.get(journey.youngPersonId) ?? 'the young person';
      const employerName = employers.get(journey.employerId) ?? 'the employer';
      return {
        kind,
        title: adjustmentTaskTitle(kind, count, {
          youngPersonName,
          employerName,
          forSomeoneElse: actor.role === 'delegate',
        }),
        count,
        matchId: journey.id,
        youngPerson: { id: journey.youngPersonId, preferredName: youngPersonName },
        placement: {
          id: journey.placementId,
          title: placements.get(journey.placementId) ?? 'the placement',
          employerName,
        },
        path: `/journeys/${journey.id}/adjustments`,
      };
    });
  }

  #reminder(kind: AdjustmentReminder['kind'], request: AdjustmentRequest, occurrence: string): AdjustmentReminder {
    return {
      kind,
      matchId: request.matchId,
      youngPersonId: request.youngPersonId,
      employerId: request.employerId,
      placementId: request.placementId,
      providerId: request.providerId,
      occurrence,
      youngPersonName: '',
      employerName: '',
      placementTitle: '',
    };
  }
}
