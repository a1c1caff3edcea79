import type { ClientSession } from 'mongodb';
import type { Actor } from '../auth/policy.js';
import { addDays, addMonths } from '../core/dates.js';
import { unprocessable } from '../core/errors.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PlacementFact } from '../read-models/placements.js';
import type { Journey } from './journey.repository.js';
import { bodyProblem } from './journey-errors.js';

/** A share made on accepting lasts at most until four weeks after the placement's planned end... */
const shareGraceDays = 28;
/** ...and at most a year, the longest the share form offers: the owner renews it when it ends (they are told 14 days before). */
const longestShareDays = 365;

/** Why a share made on accepting cannot last beyond its latest end. */
export type ShareEndLimit = 'placement_end' | 'one_year';

type PlacementDates = Pick<PlacementFact, 'startDate' | 'durationWeeks'>;

/** The latest day a share made on accepting this placement today may last until, and which rule sets it. */
export function latestShareEnd(placement: PlacementDates, today: string): { until: string; because: ShareEndLimit } {
  const afterPlacement = addDays(placement.startDate, placement.durationWeeks * 7 + shareGraceDays);
  const yearAway = addDays(today, longestShareDays);
  return afterPlacement <= yearAway
    ? { until: afterPlacement, because: 'placement_end' }
    : { until: yearAway, because: 'one_year' };
}

/** Shorter ends offered beside the latest when agreeing to a proposal, in months from today. */
const shorterShareMonths = [1, 3, 6] as const;

/** A day a share made on accepting can last until: a number of months from today, or the latest allowed. */
export interface ShareEndChoice {
  until: string;
  months?: number;
  because?: ShareEndLimit;
}

/** The days a young person can choose to share until when agreeing to this proposal: shorter ones, then the latest. */
export function shareEndChoices(placement: PlacementDates, today: string): ShareEndChoice[] {
  const latest = latestShareEnd(placement, today);
  const shorter = shorterShareMonths
    .map((months) => ({ until: addMonths(today, months), months }))
    .filter((choice) => choice.until < latest.until);
  return [...shorter, latest];
}

/**
 * The last day the share made on accepting lasts: the day chosen (`shareUntil`, or `shareForDays`
 * from today), else the latest allowed. 422 in plain words for a day in the past or beyond the latest.
 */
export function chosenShareEnd(
  placement: PlacementDates,
  today: string,
  input: { shareUntil?: string; shareForDays?: number },
): string {
  const latest = latestShareEnd(placement, today);
  if (input.shareUntil !== undefined && input.shareForDays !== undefined)
    throw unprocessable([bodyProblem('shareForDays', 'cannot be given with shareUntil; give one of them')]);
  if (input.shareUntil === undefined && input.shareForDays === undefined)
    return latest.until > today ? latest.until : addDays(today, 1);
  const path = input.shareForDays !== undefined ? 'shareForDays' : 'shareUntil';
  const until = input.shareUntil ?? addDays(today, input.shareForDays!);
  if (until <= today)
    throw unprocessable(
      [bodyProblem(path, `must end after today (${today}); choose a later day`)],
      'The share end is in the past.',
    );
  if (until > latest.until)
    throw unprocessable(
      [
        bodyProblem(
          path,
          latest.because === 'one_year'
            ? `ends on ${until}, more than a year from today; choose ${latest.until} or earlier (the share can be renewed before it ends)`
            : `ends on ${until}, more than four weeks after the placement ends; choose ${latest.until} or earlier`,
        ),
      ],
      'The share would last too long.',
    );
  return until;
}

/** The share made on accepting was for this placement; when the journey ends early, so does the share. */
export async function endJourneyShare(
  passports: PassportsService,
  actor: Actor,
  match: Journey,
  requestId: string,
  session: ClientSession,
): Promise<void> {
  const shareId = match.youngPersonResponse?.shareId;
  if (!shareId) return;
  await passports.endJourneyShare(
    actor,
    {
      shareId,
      youngPersonId: match.youngPersonId,
      employerId: match.employerId,
      because: `placement_match.${match.state}`,
    },
    requestId,
    session,
  );
}
