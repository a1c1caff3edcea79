import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, longText, pageOf, shortText } from '../domain/schemas.js';
import { claimStates } from './access-to-work.rules.js';

export const applicants = ['education_provider', 'supported_employment_provider', 'young_person'] as const;
export const signers = ['young_person', 'appointee'] as const;
export const awardLineKinds = ['job_coach', 'travel_to_work', 'equipment', 'other'] as const;

const pence = (description: string) => z.number().int().min(0).max(10_000_000).openapi({ description });
const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month like 2027-10' })
  .openapi({ example: '2027-10' });

export const applicationInputSchema = z
  .strictObject({
    appliedBy: z
      .enum(applicants)
      .openapi({ description: 'Who applies: the college, a supported-employment provider or the young person.' }),
    reference: shortText(40).optional().openapi({ description: 'The reference Access to Work gave, once known.' }),
    sentOn: dateSchema
      .optional()
      .openapi({ description: 'The day the application was sent; absent while it is being prepared.' }),
    signer: z.enum(signers).openapi({ description: 'Who must sign the forms: the young person or their appointee.' }),
    appointeeName: shortText(120)
      .optional()
      .openapi({ description: 'The appointee’s name, when the appointee signs.' }),
  })
  .openapi('AccessToWorkApplicationInput');

const awardLineSchema = z.strictObject({
  kind: z.enum(awardLineKinds),
  description: shortText(200).optional(),
  startsOn: dateSchema,
  endsOn: dateSchema,
  totalPence: pence('The most the line pays over its dates, in pence.'),
  hoursPerWeek: z.number().min(0).max(60).optional().openapi({ description: 'Job coach support only: hours a week.' }),
  costPerHourPence: pence('Job coach support only: the cost an hour, in pence.').optional(),
});

export const awardInputSchema = z
  .strictObject({
    letterDate: dateSchema.openapi({ description: 'The date printed on the award letter.' }),
    lines: z.array(awardLineSchema).min(1).max(20),
    employerContributionPence: pence('What the employer pays towards the support, in pence.').default(0),
    refused: z
      .array(z.strictObject({ item: shortText(200), reason: longText(1000) }))
      .max(20)
      .default([]),
  })
  .openapi('AccessToWorkAwardInput');

const applicationSchema = z.object({
  appliedBy: z.enum(applicants),
  reference: z.string().optional(),
  sentOn: z.string().optional(),
  signer: z.enum(signers),
  appointeeName: z.string().optional(),
});

const awardSchema = z.object({
  letterDate: z.string(),
  lines: z.array(
    z.object({
      kind: z.enum(awardLineKinds),
      description: z.string().optional(),
      startsOn: z.string(),
      endsOn: z.string(),
      totalPence: z.number().int(),
      hoursPerWeek: z.number().optional(),
      costPerHourPence: z.number().int().optional(),
    }),
  ),
  employerContributionPence: z.number().int(),
  refused: z.array(z.object({ item: z.string(), reason: z.string() })),
});

const datesSchema = z
  .object({
    placementStart: z.string().nullable().openapi({ description: 'The internship’s first day, or the planned start.' }),
    applicationOpensOn: z.string().nullable(),
    applicationLate: z
      .boolean()
      .openapi({ description: 'Nothing has been sent and the start is less than 6 months away.' }),
    reconsiderationDeadline: z.string().nullable(),
    fundedUntil: z.string().nullable(),
    renewalOpensOn: z.string().nullable(),
    intensiveCoachingUntil: z.string().nullable(),
    discretionaryCoachingUntil: z.string().nullable(),
  })
  .openapi('AccessToWorkDates', {
    description: 'The dates that follow from DWP’s rules; each is the day itself, in England.',
  });

export const caseSchema = z
  .object({
    youngPersonId: idSchema,
    application: applicationSchema.nullable(),
    award: awardSchema.nullable(),
    dates: datesSchema,
    updatedAt: z.string().nullable(),
  })
  .openapi('AccessToWorkCase');

export const fundingSchema = z
  .object({ youngPersonId: idSchema, fundedUntil: z.string().nullable() })
  .openapi('AccessToWorkFunding', {
    description: 'All an employer hosting the intern may know: whether support is funded, and until when.',
  });

const warningSchema = z.object({
  kind: z.enum(['missing_week', 'over_award_hours', 'outside_award']),
  weekStarting: z.string(),
  loggedHours: z.number().optional(),
  awardedHours: z.number().optional(),
  message: z.string(),
});

export const claimSchema = z
  .object({
    id: idSchema,
    youngPersonId: idSchema,
    month: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
    weeks: z.array(z.object({ weekStarting: z.string(), coachingHours: z.number() })),
    coachingHours: z.number(),
    costPerHourPence: z.number().int(),
    totalPence: z.number().int(),
    warnings: z.array(warningSchema),
    state: z.enum(claimStates),
    signed: z.object({ by: z.string(), on: z.string() }).optional(),
    sent: z.object({ on: z.string() }).optional(),
    paid: z.object({ on: z.string(), amountPence: z.number().int() }).optional(),
    queried: z.object({ on: z.string(), question: z.string() }).optional(),
    draftedAt: z.string(),
  })
  .openapi('AccessToWorkClaim');

export const claimPageSchema = pageOf(claimSchema, 'AccessToWorkClaimPage');

export const draftClaimInputSchema = z
  .strictObject({ month: monthSchema.openapi({ description: 'The calendar month the claim is for.' }) })
  .openapi('AccessToWorkClaimDraftInput');

export const signClaimInputSchema = z
  .strictObject({
    signedBy: shortText(120).openapi({ description: 'Who signed: the young person or their appointee, by name.' }),
    signedOn: dateSchema,
  })
  .openapi('AccessToWorkClaimSignInput');
export const sendClaimInputSchema = z.strictObject({ sentOn: dateSchema }).openapi('AccessToWorkClaimSendInput');
export const payClaimInputSchema = z
  .strictObject({ paidOn: dateSchema, amountPence: pence('What Access to Work paid, in pence.') })
  .openapi('AccessToWorkClaimPaidInput');
export const queryClaimInputSchema = z
  .strictObject({
    queriedOn: dateSchema,
    question: shortText(1000).openapi({ description: 'What Access to Work asked.' }),
  })
  .openapi('AccessToWorkClaimQueryInput');

export type ApplicationInput = z.infer<typeof applicationInputSchema>;
export type AwardInput = z.infer<typeof awardInputSchema>;
