import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, longText, sectorSchema, shortText } from '../domain/schemas.js';

/** The levels of English and maths a supported intern works at, from Entry 1 to Level 2. */
export const studyLevels = ['entry_1', 'entry_2', 'entry_3', 'level_1', 'level_2'] as const;
export type StudyLevel = (typeof studyLevels)[number];
export const otherAimKinds = ['employability', 'other'] as const;
export const absenceReasons = ['ill', 'appointment', 'holiday', 'other'] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

/** The guidance speaks of at least 540 planned hours in a study programme's year. */
export const plannedHoursGuidance = 540;

const achievedFields = {
  achieved: z.boolean().openapi({ description: 'Whether the aim is achieved.' }),
  achievedOn: dateSchema
    .optional()
    .openapi({ description: 'The day it was achieved; only when `achieved` is true, never in the future.' }),
};

const englishOrMathsAimSchema = z.strictObject({
  level: z.enum(studyLevels).openapi({ description: 'The level worked at: Entry 1 to Level 2.' }),
  qualification: shortText(120)
    .optional()
    .openapi({ description: 'The qualification aimed at, if any, for example "Functional Skills".' }),
  ...achievedFields,
});

const otherAimSchema = z.strictObject({
  kind: z.enum(otherAimKinds).openapi({ description: 'Employability, or another aim.' }),
  title: shortText(160).openapi({ description: 'The aim in words, for example "Travel to work on my own".' }),
  ...achievedFields,
});

export const studyProgrammeInputSchema = z
  .strictObject({
    learnerReference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,12}$/, { message: 'must be 1 to 12 letters and digits' })
      .optional()
      .openapi({
        description:
          'The learner reference the college’s ILR return uses (LearnRefNumber, or the 10-digit ULN): letters and digits, at most 12.',
        example: 'AVC0042187',
      }),
    plannedHours: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .openapi({ description: 'Planned hours of the study programme for the year (the guidance: at least 540).' }),
    english: englishOrMathsAimSchema.nullable().default(null),
    maths: englishOrMathsAimSchema.nullable().default(null),
    otherAims: z.array(otherAimSchema).max(20).default([]),
  })
  .openapi('StudyProgrammeInput');

const aimOutput = {
  achieved: z.boolean(),
  achievedOn: z.string().optional(),
};

export const studyProgrammeSchema = z
  .object({
    youngPersonId: idSchema,
    learnerReference: z.string().nullable(),
    plannedHours: z.number().int().nullable().openapi({ description: 'Null until a programme is recorded.' }),
    english: z.object({ level: z.enum(studyLevels), qualification: z.string().optional(), ...aimOutput }).nullable(),
    maths: z.object({ level: z.enum(studyLevels), qualification: z.string().optional(), ...aimOutput }).nullable(),
    otherAims: z.array(z.object({ kind: z.enum(otherAimKinds), title: z.string(), ...aimOutput })),
    warnings: z
      .array(z.object({ kind: z.enum(['planned_hours_below_guidance']), message: z.string() }))
      .openapi({ description: 'What is allowed but worth a second look, such as fewer than 540 planned hours.' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('StudyProgramme');

const absenceSchema = z.strictObject({
  reason: z.enum(absenceReasons).openapi({ description: 'Why a day was missed: ill, appointment, holiday or other.' }),
  details: longText(200).optional().openapi({ description: 'In words; needed when the reason is `other`.' }),
});

export const attendanceInputSchema = z
  .strictObject({
    daysExpected: z.number().int().min(0).max(7).openapi({ description: 'Days the intern was expected that week.' }),
    daysAttended: z.number().int().min(0).max(7).openapi({ description: 'Days they came; not more than expected.' }),
    absences: z
      .array(absenceSchema)
      .max(7)
      .default([])
      .openapi({ description: 'One entry for each day missed (days expected less days attended).' }),
  })
  .openapi('AttendanceWeekInput');

export const attendanceWeekSchema = z
  .object({
    matchId: idSchema,
    weekStarting: z.string(),
    daysExpected: z.number().int(),
    daysAttended: z.number().int(),
    absences: z.array(z.object({ reason: z.enum(absenceReasons), details: z.string().optional() })),
    recordedAt: z.string(),
  })
  .openapi('AttendanceWeek');

export const attendanceSchema = z
  .object({
    matchId: idSchema,
    weeks: z.array(attendanceWeekSchema),
    daysExpected: z.number().int(),
    daysAttended: z.number().int(),
    percent: z
      .number()
      .nullable()
      .openapi({ description: 'Days attended as a share of days expected, in per cent; null with no days expected.' }),
  })
  .openapi('Attendance');

/** The report's filters, as the ILR export takes them (the API's query and the reports page's link). */
export const ilrFiltersSchema = z.strictObject({
  academicYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({
    description: 'Only internships of the academic year that starts in September of this year (2026 for 2026/27).',
    example: 2026,
  }),
  localAuthority: z.string().trim().min(1).max(100).optional().openapi({ example: 'Leeds' }),
  sector: sectorSchema.optional(),
  jobCoachId: idSchema.optional(),
});

export type StudyProgrammeInput = z.output<typeof studyProgrammeInputSchema>;
export type AttendanceInput = z.output<typeof attendanceInputSchema>;
