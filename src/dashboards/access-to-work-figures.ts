import { claimDueDayOfMonth } from '../access-to-work/access-to-work.rules.js';
import { addDays, addMonths, daysBetween, weekStartOf } from '../core/dates.js';
import type { AccessToWorkIntern } from '../read-models/access-to-work-figures.js';
import { percent } from './dashboard-figures.js';

/**
 * The Access to Work figures of a provider's report, as a pure function of each intern's case,
 * weekly coaching hours and claims, so that the service and a full recomputation in the tests
 * agree by construction of the same definitions, not of the same code path.
 */

export type AccessToWorkFigures = {
  interns: number;
  awardedBeforeStart: number;
  awardedBeforeStartPercent: number | null;
  medianDaysApplicationToAward: number | null;
  coachingHoursAwarded: number;
  coachingHoursLogged: number;
  coachingHoursLoggedPercent: number | null;
  claimsSent: number;
  claimsSentLate: number;
  claimsQueried: number;
  claimsSentLateOrQueried: number;
  claimsSentLateOrQueriedPercent: number | null;
};

export const accessToWorkFigureDefinitions: Record<keyof AccessToWorkFigures, string> = {
  interns: 'Young people whose internship started, counted once each.',
  awardedBeforeStart: 'Of those, young people whose Access to Work award letter is dated before their first day.',
  awardedBeforeStartPercent:
    'Young people with an award letter dated before their first day, as a percentage of those whose internship started (one decimal place). Empty when none started.',
  medianDaysApplicationToAward:
    'The median number of days from the day the application was sent to the date of the award letter, over young people with both recorded.',
  coachingHoursAwarded:
    'The job coach hours the awards give for the weeks that have begun: each week whose Monday falls within a job coach line counts that line’s hours a week.',
  coachingHoursLogged:
    'The job coaching hours in the weekly logs for those same weeks. Study time (English, maths, employability) is not counted.',
  coachingHoursLoggedPercent:
    'Job coaching hours logged as a percentage of the hours awarded for the same weeks (one decimal place). Empty when no hours were awarded.',
  claimsSent: 'Monthly claims sent to Access to Work (sent, paid or queried).',
  claimsSentLate: `Of those, claims sent after the ${claimDueDayOfMonth}th of the month after the month claimed (for a claim sent again after a query, the day it was last sent).`,
  claimsQueried: 'Of those, claims Access to Work asked a question about.',
  claimsSentLateOrQueried: 'Claims sent late, queried or both, counted once each.',
  claimsSentLateOrQueriedPercent:
    'Claims sent late or queried as a percentage of claims sent (one decimal place). Empty when none was sent.',
};

export const emptyAccessToWorkFigures: AccessToWorkFigures = accessToWorkFigures([], '1970-01-01');

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
}

/** The day a month's claim is due: the 10th of the month after. */
export function claimDueOn(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), claimDueDayOfMonth - 1);
}

/** Hours awarded and logged over the award's job coach weeks that have begun by `today`. */
function coachingHours(intern: AccessToWorkIntern, today: string): { awarded: number; logged: number } {
  const logged = new Map(intern.loggedWeeks.map((week) => [week.weekStarting, week.coachingHours]));
  const weeks = new Map<string, number>();
  for (const line of intern.award?.coachingLines ?? []) {
    for (
      let monday = weekStartOf(line.startsOn);
      monday <= line.endsOn && monday <= today;
      monday = addDays(monday, 7)
    ) {
      // As for a claim, a week is the line's when its Monday is within the line; the first line found pays it.
      if (monday >= line.startsOn && !weeks.has(monday)) weeks.set(monday, line.hoursPerWeek);
    }
  }
  let awarded = 0;
  let loggedHours = 0;
  for (const [monday, hours] of weeks) {
    awarded += hours;
    loggedHours += logged.get(monday) ?? 0;
  }
  return { awarded, logged: loggedHours };
}

export function accessToWorkFigures(interns: AccessToWorkIntern[], today: string): AccessToWorkFigures {
  let awardedBeforeStart = 0;
  const daysToAward: number[] = [];
  let coachingHoursAwarded = 0;
  let coachingHoursLogged = 0;
  let claimsSent = 0;
  let claimsSentLate = 0;
  let claimsQueried = 0;
  let claimsSentLateOrQueried = 0;
  for (const intern of interns) {
    if (intern.award && intern.award.letterDate < intern.startedOn) awardedBeforeStart += 1;
    if (intern.award && intern.applicationSentOn)
      daysToAward.push(daysBetween(intern.applicationSentOn, intern.award.letterDate));
    const hours = coachingHours(intern, today);
    coachingHoursAwarded += hours.awarded;
    coachingHoursLogged += hours.logged;
    for (const claim of intern.claims) {
      if (!claim.sentOn) continue;
      const late = claim.sentOn > claimDueOn(claim.month);
      claimsSent += 1;
      if (late) claimsSentLate += 1;
      if (claim.queried) claimsQueried += 1;
      if (late || claim.queried) claimsSentLateOrQueried += 1;
    }
  }
  return {
    interns: interns.length,
    awardedBeforeStart,
    awardedBeforeStartPercent: percent(awardedBeforeStart, interns.length),
    medianDaysApplicationToAward: median(daysToAward),
    coachingHoursAwarded: Math.round(coachingHoursAwarded * 10) / 10,
    coachingHoursLogged: Math.round(coachingHoursLogged * 10) / 10,
    coachingHoursLoggedPercent: percent(coachingHoursLogged, coachingHoursAwarded),
    claimsSent,
    claimsSentLate,
    claimsQueried,
    claimsSentLateOrQueried,
    claimsSentLateOrQueriedPercent: percent(claimsSentLateOrQueried, claimsSent),
  };
}

/** Each Access to Work figure as the report page and its table CSV name it. */
export const accessToWorkFigureWords: Record<keyof AccessToWorkFigures, string> = {
  interns: 'Interns who started',
  awardedBeforeStart: 'Award dated before the first day',
  awardedBeforeStartPercent: 'Award dated before the first day (%)',
  medianDaysApplicationToAward: 'Days from application to award letter (median)',
  coachingHoursAwarded: 'Job coach hours awarded',
  coachingHoursLogged: 'Job coach hours logged',
  coachingHoursLoggedPercent: 'Job coach hours logged against awarded (%)',
  claimsSent: 'Claims sent',
  claimsSentLate: 'Claims sent late',
  claimsQueried: 'Claims queried',
  claimsSentLateOrQueried: 'Claims sent late or queried',
  claimsSentLateOrQueriedPercent: 'Claims sent late or queried (%)',
};
