import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, longText, sectorSchema, shortText } from '../domain/schemas.js';
import { followUpActivities, followUpMonths, payBands } from './outcomes.rules.js';

const actedBySchema = z.object({ accountId: z.string(), role: z.string() });

export const ehcPlanInputSchema = z
  .strictObject({
    outcomes: z
      .array(
        z.strictObject({
          id: z
            .string()
            .regex(/^[a-f0-9]{24}$/, { message: 'must be the id of an outcome already in the plan' })
            .optional()
            .openapi({
              description: 'Keep an outcome’s id to keep the targets that name it; leave out for a new one.',
            }),
          text: shortText(500).openapi({ description: 'The outcome in the words of the EHC plan.' }),
        }),
      )
      .max(12),
    nextReviewOn: dateSchema.openapi({ description: 'The date of the plan’s next annual review.' }),
    lastReviewOn: dateSchema
      .optional()
      .openapi({ description: 'The date of the last annual review, today or earlier (the SEN2 export carries it).' }),
  })
  .openapi('EhcPlanInput');

export const ehcPlanSchema = z
  .object({
    youngPersonId: z.string(),
    outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
    nextReviewOn: z.string().nullable(),
    lastReviewOn: z.string().nullable(),
    reminderOn: z
      .string()
      .nullable()
      .openapi({ description: 'When the job coach is reminded of the annual review: 4 weeks before it.' }),
  })
  .openapi('EhcPlan');

export const outcomeProgressSchema = z
  .object({
    youngPersonId: z.string(),
    outcomes: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        summary: z.string().openapi({ description: 'How it is going, in plain words for the young person.' }),
        targets: z.array(
          z.object({
            text: z.string(),
            status: z.enum(['not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped']),
            inPlainWords: z.string().openapi({ example: 'You can now travel to work on your own.' }),
            setOn: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('OutcomeProgress');

export const coreAimsInputSchema = z
  .strictObject({
    met: z.boolean().openapi({ description: 'Were the core aims of the study programme met?' }),
    missing: longText(1000)
      .optional()
      .openapi({ description: 'What was missing; needed when `met` is false (422 otherwise).' }),
  })
  .openapi('CoreAimsInput');

export const employmentPlanInputSchema = z
  .strictObject({
    targetJobs: z
      .array(shortText(120))
      .min(1)
      .max(10)
      .openapi({ example: ['Kitchen porter', 'Hotel housekeeping'] }),
    actions: z
      .array(
        z.strictObject({
          what: shortText(300),
          who: shortText(120).openapi({ description: 'Who does it: the young person, the job coach, a parent…' }),
          dueOn: dateSchema,
          doneOn: dateSchema.optional(),
        }),
      )
      .max(30)
      .default([]),
    jobOffer: z
      .strictObject({
        employer: shortText(120),
        jobTitle: shortText(120),
        offeredOn: dateSchema.openapi({ description: 'During the internship and not in the future.' }),
        hoursPerWeek: z.number().min(1).max(48),
        accepted: z.boolean().optional(),
      })
      .optional()
      .openapi({ description: 'A job offered during the internship, recorded when it comes.' }),
  })
  .openapi('EmploymentPlanInput');

export const followUpMonthSchema = z
  .enum(followUpMonths.map(String) as ['6', '9', '12'])
  .openapi({ description: 'Months after the internship’s last day: 6, 9 or 12.', example: '6' });

export const followUpParams = z.object({ matchId: idSchema, month: followUpMonthSchema });

export const followUpInputSchema = z
  .strictObject({
    checkedOn: dateSchema.openapi({
      description: 'The day it was checked: on or after the due date, not in the future.',
    }),
    activity: z.enum(followUpActivities),
    hoursPerWeek: z
      .number()
      .min(0)
      .max(60)
      .optional()
      .openapi({ description: 'For a paid job or apprenticeship (needed then, 422 otherwise).' }),
    payBand: z.enum(payBands).optional().openapi({
      description:
        'Pay against the National Minimum Wage for the young person’s age band; for a paid job or apprenticeship.',
    }),
    sameEmployer: z
      .boolean()
      .optional()
      .openapi({ description: 'Is it the placement’s employer? For a paid job or apprenticeship.' }),
    notes: longText(1000).optional(),
  })
  .openapi('InternshipFollowUpInput');

const followUpSchema = z.object({
  month: z.number().int(),
  dueOn: z.string(),
  recorded: z
    .object({
      checkedOn: z.string(),
      activity: z.enum(followUpActivities),
      hoursPerWeek: z.number().optional(),
      payBand: z.enum(payBands).optional(),
      sameEmployer: z.boolean().optional(),
      notes: z.string().optional(),
      recordedAt: z.string(),
    })
    .nullable(),
});

export const afterInternshipSchema = z
  .object({
    matchId: z.string(),
    youngPersonId: z.string(),
    state: z.string(),
    endedOn: z.string().nullable(),
    outcomeType: z.string().nullable().openapi({ description: 'The outcome recorded at completion.' }),
    coreAims: z.object({ met: z.boolean(), missing: z.string().optional(), recordedAt: z.string() }).nullable(),
    employmentPlanWindow: z.object({ from: z.string(), until: z.string().optional() }).nullable(),
    employmentPlan: z
      .object({
        targetJobs: z.array(z.string()),
        actions: z.array(
          z.object({ what: z.string(), who: z.string(), dueOn: z.string(), doneOn: z.string().optional() }),
        ),
        jobOffer: z
          .object({
            employer: z.string(),
            jobTitle: z.string(),
            offeredOn: z.string(),
            hoursPerWeek: z.number(),
            accepted: z.boolean().optional(),
          })
          .optional(),
        updatedAt: z.string(),
        updatedBy: actedBySchema,
      })
      .nullable(),
    followUps: z.array(followUpSchema),
  })
  .openapi('AfterInternship');

export const jobOutcomeFiltersQuery = z.strictObject({
  academicYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({
    description: 'Only interns whose internship counts in the academic year from September of this year.',
    example: 2026,
  }),
  localAuthority: z.string().trim().min(1).max(100).optional(),
  sector: sectorSchema.optional(),
  jobCoachId: idSchema.optional().openapi({ description: 'Only this job coach’s caseload.' }),
});

const jobOutcomeFigures = {
  interns: z.number().int(),
  completed: z.number().int(),
  coreAimsMet: z.number().int(),
  coreAimsRecorded: z.number().int(),
  coreAimsMetPercent: z.number().nullable(),
  at6Months: z.object({ due: z.number().int(), inPaidWork16Hours: z.number().int(), percent: z.number().nullable() }),
  at9Months: z.object({ due: z.number().int(), inPaidWork16Hours: z.number().int(), percent: z.number().nullable() }),
  at12Months: z.object({ due: z.number().int(), inPaidWork16Hours: z.number().int(), percent: z.number().nullable() }),
  within9Months: z.object({
    due: z.number().int(),
    inPaidWork16Hours: z.number().int(),
    percent: z.number().nullable(),
    fidelity: z.enum(['within_band', 'below_band', 'not_yet_known']),
  }),
};
const jobOutcomeFiguresSchema = z.object(jobOutcomeFigures).openapi('JobOutcomeFigures');
const jobOutcomeRow = z.object({ key: z.string().nullable(), label: z.string(), ...jobOutcomeFigures });

export const jobOutcomesSchema = z
  .object({
    filters: z.object({
      academicYear: z.number().optional(),
      localAuthority: z.string().optional(),
      sector: z.string().optional(),
      jobCoachId: z.string().optional(),
    }),
    fidelityBand: z.object({ fromPercent: z.number(), toPercent: z.number(), withinMonths: z.number() }),
    overall: jobOutcomeFiguresSchema,
    byLocalAuthority: z.array(jobOutcomeRow),
    bySector: z.array(jobOutcomeRow),
    byJobCoach: z.array(jobOutcomeRow),
    definitions: z.record(z.string(), z.string()),
  })
  .openapi('JobOutcomes');
