import { addDays, toDate } from '../core/dates.js';
import { type JourneyAction, type JourneyParty, stepsFor } from './journey.machine.js';
import type { Journey } from './journey.repository.js';
import { followUpWindow, nextReviewDue, weeklyProgress } from './progress.js';

export const inboxKinds = [
  'respond_to_proposal',
  'employer_decision',
  'start_internship',
  'weekly_log_due',
  'review_due',
  'follow_up_due',
] as const;
export type InboxKind = (typeof inboxKinds)[number];

export interface InboxItem {
  kind: InboxKind;
  matchId: string;
  /** When the item became the caller's to act on; the inbox is newest first by this. */
  since: Date;
  actions: JourneyAction[];
  /** For weekly_log_due: the weeks without a log. For review_due and follow_up_due: the due date. */
  weeks?: string[];
  dueOn?: string;
}

export interface ProgressFacts {
  loggedWeeks: string[];
  latestReview?: { nextReviewDue: string };
}

const lastChange = (match: Journey) => match.history[match.history.length - 1]?.at ?? match.updatedAt;

/**
 * What one party must do about one match today. Journey decisions come from the table (what the
 * parties may do in this state); weekly logs fall to the job coach, reviews to coach and employer.
 */
export function inboxItemsFor(
  match: Journey,
  parties: readonly JourneyParty[],
  today: string,
  facts: ProgressFacts,
): InboxItem[] {
  const actions = stepsFor(match.state, parties).map((step) => step.action);
  const can = (action: JourneyAction) => actions.includes(action);
  const item = (kind: InboxKind, since: Date, extra: Partial<InboxItem> = {}): InboxItem => ({
    kind,
    matchId: match.id,
    since,
    actions,
    ...extra,
  });
  switch (match.state) {
    case 'proposed':
      return can('accept') ? [item('respond_to_proposal', match.proposedAt)] : [];
    case 'awaiting_employer':
    case 'taster_arranged':
      return can('employer_accept') ? [item('employer_decision', lastChange(match))] : [];
    case 'agreed':
      return can('start') ? [item('start_internship', lastChange(match))] : [];
    case 'in_progress': {
      const items: InboxItem[] = [];
      if (parties.includes('job_coach') && can('log_week')) {
        const { weeksWithoutLog } = weeklyProgress({
          startedOn: match.startedOn!,
          today,
          logs: facts.loggedWeeks.map((weekStarting) => ({ weekStarting, hoursWorked: 0, supportHours: 0 })),
        });
        const latest = weeksWithoutLog[weeksWithoutLog.length - 1];
        if (latest) items.push(item('weekly_log_due', toDate(addDays(latest, 7)), { weeks: weeksWithoutLog }));
      }
      const reviewDue = nextReviewDue(match.startedOn!, facts.latestReview);
      if (can('record_review') && reviewDue <= today)
        items.push(item('review_due', toDate(reviewDue), { dueOn: reviewDue }));
      return items;
    }
    case 'completed': {
      const window = followUpWindow(match.endedOn!);
      return can('record_follow_up') && window.opensOn <= today
        ? [item('follow_up_due', toDate(window.opensOn), { dueOn: window.dueOn })]
        : [];
    }
    default:
      return [];
  }
}

/** Newest first; ties keep a stable order by match. */
export function sortInbox(items: InboxItem[]): InboxItem[] {
  return [...items].sort(
    (a, b) =>
      b.since.getTime() - a.since.getTime() || a.matchId.localeCompare(b.matchId) || a.kind.localeCompare(b.kind),
  );
}
