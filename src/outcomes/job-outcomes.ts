import {
  type FollowUpActivity,
  type FollowUpMonth,
  fidelityBand,
  followUpDueOn,
  inPaidWork16Hours,
  percentOf,
} from './outcomes.rules.js';

/** One intern's internship as the job-outcome report counts it. */
export interface InternshipForReport {
  matchId: string;
  state: string;
  localAuthority?: string;
  sector: string;
  jobCoachId?: string;
  endedOn?: string;
  coreAimsMet?: boolean;
  followUps: { month: FollowUpMonth; activity: FollowUpActivity; hoursPerWeek?: number }[];
}

interface MonthFigures {
  due: number;
  inPaidWork16Hours: number;
  percent: number | null;
}

export interface JobOutcomeFigures {
  interns: number;
  completed: number;
  coreAimsMet: number;
  coreAimsRecorded: number;
  coreAimsMetPercent: number | null;
  at6Months: MonthFigures;
  at9Months: MonthFigures;
  at12Months: MonthFigures;
  within9Months: MonthFigures & { fidelity: 'within_band' | 'below_band' | 'not_yet_known' };
}

export const jobOutcomeDefinitions: Record<string, string> = {
  interns: 'Interns whose internship started, in the academic year it counts in.',
  completed: 'Of them, internships that ended with an outcome (completed, or followed up since).',
  coreAimsMet: 'Completed internships whose core aims were recorded as met.',
  coreAimsRecorded: 'Completed internships with core aims recorded (met or not).',
  coreAimsMetPercent: 'coreAimsMet as a share of completed internships.',
  at6Months:
    'Completed internships whose 6-month date has passed (due), and of them those in paid work (a paid job or an apprenticeship) of 16 or more hours a week at the 6-month follow-up. A follow-up not recorded counts as not in work.',
  at9Months: 'The same at 9 months after the end.',
  at12Months: 'The same at 12 months after the end.',
  within9Months: `Completed internships whose 9-month date has passed, and of them those in paid work of 16+ hours a week at the 6- or 9-month follow-up: DFN Project SEARCH’s fidelity measure, whose band is ${fidelityBand.fromPercent}–${fidelityBand.toPercent}% within ${fidelityBand.withinMonths} months. "not_yet_known" until one such internship is due.`,
  byLocalAuthority: 'By the young person’s local authority (as recorded when proposed).',
  bySector: 'By the sector of the placement.',
  byJobCoach: 'By the job coach whose caseload the internship is on.',
};

const finished = new Set(['completed', 'followed_up']);

/** The report's figures for a set of internships, as of `today`. */
export function jobOutcomeFigures(internships: InternshipForReport[], today: string): JobOutcomeFigures {
  const completed = internships.filter((internship) => finished.has(internship.state) && internship.endedOn);
  const month = (m: FollowUpMonth): MonthFigures => {
    const due = completed.filter((internship) => followUpDueOn(internship.endedOn!, m) <= today);
    const inWork = due.filter((internship) =>
      internship.followUps.some((followUp) => followUp.month === m && inPaidWork16Hours(followUp)),
    );
    return { due: due.length, inPaidWork16Hours: inWork.length, percent: percentOf(inWork.length, due.length) };
  };
  const dueAt9 = completed.filter((internship) => followUpDueOn(internship.endedOn!, 9) <= today);
  const inWorkWithin9 = dueAt9.filter((internship) =>
    internship.followUps.some((followUp) => followUp.month <= 9 && inPaidWork16Hours(followUp)),
  );
  const within9Percent = percentOf(inWorkWithin9.length, dueAt9.length);
  const coreAimsRecorded = completed.filter((internship) => internship.coreAimsMet !== undefined);
  const coreAimsMet = coreAimsRecorded.filter((internship) => internship.coreAimsMet);
  return {
    interns: internships.length,
    completed: completed.length,
    coreAimsMet: coreAimsMet.length,
    coreAimsRecorded: coreAimsRecorded.length,
    coreAimsMetPercent: percentOf(coreAimsMet.length, completed.length),
    at6Months: month(6),
    at9Months: month(9),
    at12Months: month(12),
    within9Months: {
      due: dueAt9.length,
      inPaidWork16Hours: inWorkWithin9.length,
      percent: within9Percent,
      fidelity:
        within9Percent === null
          ? 'not_yet_known'
          : within9Percent >= fidelityBand.fromPercent
            ? 'within_band'
            : 'below_band',
    },
  };
}

/** The figures for each value of `keyOf`, in the order of the label. */
export function jobOutcomeRows(
  internships: InternshipForReport[],
  today: string,
  keyOf: (internship: InternshipForReport) => string | undefined,
  labelOf: (key: string | undefined) => string,
): ({ key: string | null; label: string } & JobOutcomeFigures)[] {
  const groups = new Map<string | undefined, InternshipForReport[]>();
  for (const internship of internships) {
    const key = keyOf(internship);
    groups.set(key, [...(groups.get(key) ?? []), internship]);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key: key ?? null, label: labelOf(key), ...jobOutcomeFigures(group, today) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
