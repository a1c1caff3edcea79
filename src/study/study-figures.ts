import type { StudyInternship } from '../read-models/study.js';
import type { StudyProgramme } from './study.repository.js';
import { attendancePercent } from './study.rules.js';

/** The study programme's figures in a provider's report, in the order the page and the CSV show them. */
export const studyFigureKeys = [
  'attendancePercent',
  'daysExpected',
  'daysAttended',
  'englishAims',
  'englishAchieved',
  'englishAchievedPercent',
  'mathsAims',
  'mathsAchieved',
  'mathsAchievedPercent',
] as const;
export type StudyFigureKey = (typeof studyFigureKeys)[number];
export type StudyFigures = Record<StudyFigureKey, number | null>;

export const studyFigureDefinitions: Record<StudyFigureKey, string> = {
  attendancePercent:
    'Days attended as a percentage of days expected, over every week of attendance recorded for the internships that started (rounded to one decimal place).',
  daysExpected: 'Days the interns were expected, summed over every week of attendance recorded.',
  daysAttended: 'Days the interns came, summed over every week of attendance recorded.',
  englishAims: 'Interns whose study programme has an English aim (any level from Entry 1 to Level 2).',
  englishAchieved: 'Of those, interns whose English aim is recorded as achieved.',
  englishAchievedPercent: 'English aims achieved as a percentage of interns with an English aim.',
  mathsAims: 'Interns whose study programme has a maths aim (any level from Entry 1 to Level 2).',
  mathsAchieved: 'Of those, interns whose maths aim is recorded as achieved.',
  mathsAchievedPercent: 'Maths aims achieved as a percentage of interns with a maths aim.',
};

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The figures of some internships: attendance summed over their recorded weeks, and English and
 * maths achievement counted once per intern (an intern with two internships in the group counts once).
 */
export function studyFiguresOf(input: {
  internships: StudyInternship[];
  attendanceByMatch: Map<string, { daysExpected: number; daysAttended: number }>;
  programmes: Map<string, StudyProgramme>;
}): StudyFigures {
  let daysExpected = 0;
  let daysAttended = 0;
  for (const internship of input.internships) {
    const weeks = input.attendanceByMatch.get(internship.id);
    daysExpected += weeks?.daysExpected ?? 0;
    daysAttended += weeks?.daysAttended ?? 0;
  }
  const programmes = [...new Set(input.internships.map((internship) => internship.youngPersonId))].flatMap((id) => {
    const programme = input.programmes.get(id);
    return programme ? [programme] : [];
  });
  const englishAims = programmes.filter((programme) => programme.english).length;
  const englishAchieved = programmes.filter((programme) => programme.english?.achieved).length;
  const mathsAims = programmes.filter((programme) => programme.maths).length;
  const mathsAchieved = programmes.filter((programme) => programme.maths?.achieved).length;
  return {
    attendancePercent: attendancePercent(daysAttended, daysExpected),
    daysExpected,
    daysAttended,
    englishAims,
    englishAchieved,
    englishAchievedPercent: share(englishAchieved, englishAims),
    mathsAims,
    mathsAchieved,
    mathsAchievedPercent: share(mathsAchieved, mathsAims),
  };
}

/** "2026/27" for the academic year that starts in September 2026. */
const yearLabel = (year: number) => `${year}/${String(year + 1).slice(2)}`;

/** The figures for all the internships, then for each academic year, the latest first. */
export function studyReportRows(input: Parameters<typeof studyFiguresOf>[0]) {
  const years = [...new Set(input.internships.map((internship) => internship.cohortYear))].sort((a, b) => b - a);
  return [
    { key: null, label: 'All', ...studyFiguresOf(input) },
    ...years.map((year) => ({
      key: String(year),
      label: yearLabel(year),
      ...studyFiguresOf({
        ...input,
        internships: input.internships.filter((internship) => internship.cohortYear === year),
      }),
    })),
  ];
}
