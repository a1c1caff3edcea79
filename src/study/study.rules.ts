import type { FieldProblem } from '../core/errors.js';
import {
  type AttendanceInput,
  plannedHoursGuidance,
  type StudyLevel,
  type StudyProgrammeInput,
} from './study.schemas.js';

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** What is wrong with a study programme as a whole: an aim achieved in the future, or a date without the aim achieved. */
export function programmeProblems(input: StudyProgrammeInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (path: string, aim: { achieved: boolean; achievedOn?: string | undefined }) => {
    if (!aim.achievedOn) return;
    if (!aim.achieved) problems.push(problem(`${path}.achievedOn`, 'is only for an aim that is achieved'));
    else if (aim.achievedOn > today) problems.push(problem(`${path}.achievedOn`, 'is in the future'));
  };
  if (input.english) check('english', input.english);
  if (input.maths) check('maths', input.maths);
  for (const [index, aim] of input.otherAims.entries()) check(`otherAims.${index}`, aim);
  return problems;
}

/** Allowed, but worth a second look: fewer planned hours than the guidance's 540 a year. */
export function programmeWarnings(plannedHours: number) {
  return plannedHours < plannedHoursGuidance
    ? [
        {
          kind: 'planned_hours_below_guidance' as const,
          message: `The planned hours (${plannedHours}) are fewer than the ${plannedHoursGuidance} a year the guidance speaks of.`,
        },
      ]
    : [];
}

/** What is wrong with one week of attendance: more days attended than expected, or a reason missing for a day missed. */
export function attendanceProblems(input: AttendanceInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.daysAttended > input.daysExpected) {
    problems.push(problem('daysAttended', `is more than the days expected (${input.daysExpected})`));
    return problems;
  }
  const missed = input.daysExpected - input.daysAttended;
  if (input.absences.length !== missed)
    problems.push(
      problem(
        'absences',
        missed === 1
          ? `must give one reason for the 1 day missed (${input.absences.length} given)`
          : `must give one reason for each of the ${missed} days missed (${input.absences.length} given)`,
      ),
    );
  input.absences.forEach((absence, index) => {
    if (absence.reason === 'other' && !absence.details)
      problems.push(problem(`absences.${index}.details`, 'is needed when the reason is other'));
  });
  return problems;
}

/** Days attended as a share of days expected, in whole per cent; null when no day was expected. */
export function attendancePercent(daysAttended: number, daysExpected: number): number | null {
  return daysExpected > 0 ? Math.round((daysAttended / daysExpected) * 1000) / 10 : null;
}

/** The totals of some weeks of attendance. */
export function attendanceTotals(weeks: { daysExpected: number; daysAttended: number }[]) {
  const daysExpected = weeks.reduce((sum, week) => sum + week.daysExpected, 0);
  const daysAttended = weeks.reduce((sum, week) => sum + week.daysAttended, 0);
  return { daysExpected, daysAttended, percent: attendancePercent(daysAttended, daysExpected) };
}

export const levelWords: Record<StudyLevel, string> = {
  entry_1: 'Entry 1',
  entry_2: 'Entry 2',
  entry_3: 'Entry 3',
  level_1: 'Level 1',
  level_2: 'Level 2',
};

export const absenceWords: Record<AttendanceInput['absences'][number]['reason'], string> = {
  ill: 'Ill',
  appointment: 'An appointment',
  holiday: 'Holiday',
  other: 'Other',
};
