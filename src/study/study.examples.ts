import type { OperationExamples } from '../docs/openapi-examples.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];

/** Examples of the study programme operations for the OpenAPI document (see src/docs/openapi-examples.ts). */

const youngPersonId = '6b0cc29f1fa60ec5b99a1421';
const matchId = '6b0cc2a31fa60ec5b99a14a2';
const programmeInput: Schemas['StudyProgrammeInput'] = {
  learnerReference: 'AVC0042187',
  plannedHours: 600,
  english: { level: 'entry_3', qualification: 'Functional Skills', achieved: false },
  maths: { level: 'level_1', qualification: 'Functional Skills', achieved: true, achievedOn: '2027-03-18' },
  otherAims: [
    { kind: 'employability', title: 'Travel to work on my own', achieved: true, achievedOn: '2026-12-04' },
    { kind: 'other', title: 'Use a bank card in a shop', achieved: false },
  ],
};
const week: Schemas['AttendanceWeek'] = {
  matchId,
  weekStarting: '2026-09-21',
  daysExpected: 4,
  daysAttended: 3,
  absences: [{ reason: 'appointment', details: 'Hospital check-up' }],
  recordedAt: '2026-09-25T15:10:00.000Z',
};

export const studyExamples: OperationExamples = {
  getStudyProgramme: {
    response: {
      youngPersonId,
      learnerReference: 'AVC0042187',
      plannedHours: 600,
      english: programmeInput.english!,
      maths: programmeInput.maths!,
      otherAims: programmeInput.otherAims!,
      warnings: [],
      updatedAt: '2027-03-18T11:00:00.000Z',
    },
  },
  putStudyProgramme: {
    request: { ...programmeInput, plannedHours: 480 },
    response: {
      youngPersonId,
      learnerReference: 'AVC0042187',
      plannedHours: 480,
      english: programmeInput.english!,
      maths: programmeInput.maths!,
      otherAims: programmeInput.otherAims!,
      warnings: [
        {
          kind: 'planned_hours_below_guidance',
          message: 'The planned hours (480) are fewer than the 540 a year the guidance speaks of.',
        },
      ],
      updatedAt: '2027-03-18T11:00:00.000Z',
    },
  },
  listAttendance: {
    response: {
      matchId,
      weeks: [
        { ...week, weekStarting: '2026-09-14', daysAttended: 4, absences: [], recordedAt: '2026-09-18T15:02:00.000Z' },
        week,
      ],
      daysExpected: 8,
      daysAttended: 7,
      percent: 87.5,
    },
  },
  recordAttendance: {
    request: { daysExpected: 4, daysAttended: 3, absences: [{ reason: 'appointment', details: 'Hospital check-up' }] },
    response: week,
  },
};
