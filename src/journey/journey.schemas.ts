import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, longText, sectorSchema, shortText, textList } from '../domain/schemas.js';
import { hardLimits } from '../matching/hard-limits.js';
import { passportSectionSchema } from '../passports/passports.schemas.js';
import { journeyActions, journeyParties, journeyStates } from './journey.machine.js';

export const journeyStateSchema = z.enum(journeyStates).openapi('JourneyState');
export const journeyActionSchema = z.enum(journeyActions).openapi('JourneyAction');
export const journeyPartySchema = z.enum(journeyParties);

export const tasterKinds = ['taster_day', 'informal_interview'] as const;
export const outcomeTypes = [
  'paid_employment',
  'apprenticeship',
  'further_education',
  'volunteering',
  'other',
  'none',
] as const;
/** National Minimum/Living Wage for the person's age, the voluntary Real Living Wage, or more. */
export const wageBands = ['national_minimum_or_living_wage', 'real_living_wage', 'above_real_living_wage'] as const;
export const contractTypes = ['permanent', 'fixed_term', 'zero_hours', 'casual'] as const;
export const targetStatuses = ['not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped'] as const;

export type OutcomeType = (typeof outcomeTypes)[number];

/** The most a proposal keeps of the matching reasons, as JSON characters; far more than any match today. */
export const matchReasonsMaxChars = 20_000;

/**
 * Why the coach thinks this fits. Takes an item of `GET /v1/young-people/{id}/matches` as it is
 * (`fitScore`, `reasons` as an object, `placement`), or a score with reasons as plain sentences.
 * Tolerant on purpose: reasons keep whatever kinds the matching service adds, and unknown keys
 * beside them are ignored, so a match passes straight through.
 */
const matchEvidenceSchema = z
  .looseObject({
    fitScore: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .openapi({ description: 'The fit score as `/matches` returns it, 0 to 100.' }),
    score: z.number().min(0).max(100).optional().openapi({ description: 'The same score under its older name.' }),
    reasons: z
      .union([textList(20, 300), z.record(z.string(), z.unknown())])
      .optional()
      .refine((reasons) => reasons === undefined || JSON.stringify(reasons).length <= matchReasonsMaxChars, {
        message: `must be at most ${matchReasonsMaxChars} characters as JSON`,
      })
      .openapi({
        description: `The reasons object from \`/matches\` as it is, or pros, cons and where support is needed as sentences. At most ${matchReasonsMaxChars} characters as JSON (422 when longer).`,
      }),
    placement: z
      .looseObject({ id: idSchema })
      .optional()
      .openapi({ description: 'The placement of the match, when passed straight through; must be `placementId`.' }),
  })
  .refine((evidence) => evidence.fitScore !== undefined || evidence.score !== undefined, {
    message: 'needs fitScore (or score)',
    path: ['fitScore'],
  })
  .openapi({ anyOf: [{ required: ['fitScore'] }, { required: ['score'] }] })
  .transform((evidence) => ({
    score: (evidence.fitScore ?? evidence.score)!,
    reasons: evidence.reasons ?? [],
    ...(evidence.placement ? { placementId: evidence.placement.id } : {}),
  }))
  .openapi('MatchEvidence', { description: 'Why the coach thinks this fits; never shown to the employer.' });

export type MatchEvidence = z.output<typeof matchEvidenceSchema>;

export const proposeInputSchema = z
  .strictObject({
    youngPersonId: idSchema,
    placementId: idSchema,
    note: shortText(2000).openapi({
      description:
        'Why this placement, in plain words. The young person sees it, and the employer once the young person agrees.',
    }),
    match: matchEvidenceSchema.optional(),
    overrideReason: shortText(1000).optional().openapi({
      description:
        'Only when the placement breaks one of the young person’s hard limits: why it is right for them anyway. Recorded in the history and shown to the young person; without it such a proposal answers 422 listing each limit broken.',
    }),
    confirmRepeat: z.boolean().optional().openapi({
      description:
        'Only when the young person was proposed for this placement before and that journey ended (they or the employer said no, it was withdrawn, or it finished): `true` says the coach knows and proposes it again. Without it such a proposal answers 409 with `details.earlierProposal` (what happened, and the reason given).',
    }),
  })
  .openapi('PlacementMatchInput');

export const acceptInputSchema = z
  .strictObject({
    sections: z
      .array(passportSectionSchema)
      .max(5)
      .refine((sections) => new Set(sections).size === sections.length, { message: 'lists a section twice' })
      .openapi({
        uniqueItems: true,
        description: 'Exactly the passport sections the employer may read, each once. An empty list shares nothing.',
      }),
    purpose: shortText(300)
      .optional()
      .openapi({ description: 'Why the employer may read them; a plain default names the placement.' }),
    shareUntil: dateSchema.optional().openapi({
      description:
        'The last day the employer may read the chosen sections. After today, at most a year from today, and not after four weeks after the placement’s planned end (each answered with 422 saying the latest day allowed). By default the latest day allowed. Not with `shareForDays`.',
    }),
    shareForDays: z.number().int().min(1).max(365).optional().openapi({
      description:
        'How long the share lasts, in days from today; the same limits as `shareUntil`, which says the day itself. Not with `shareUntil`.',
    }),
  })
  .openapi('ProposalAcceptance');

export const declineInputSchema = z
  .strictObject({
    reason: longText(1000).optional().openapi({ description: 'Only if the young person wants to say.' }),
  })
  .openapi('ProposalDecline');

export const employerAcceptInputSchema = z
  .strictObject({ note: longText(1000).optional() })
  .openapi('EmployerAcceptance');

export const reasonInputSchema = z.strictObject({ reason: shortText(1000) }).openapi('Reason');

export const tasterInputSchema = z
  .strictObject({
    kind: z.enum(tasterKinds),
    date: dateSchema,
    place: shortText(200),
    notes: longText(1000).optional(),
  })
  .openapi('TasterInput', { description: 'A taster day or an informal interview before the employer decides.' });

export const startInputSchema = z
  .strictObject({
    startedOn: dateSchema.openapi({
      description: 'The first day at the employer; today or earlier, on a day the placement runs.',
    }),
    earlyStartReason: shortText(1000).optional().openapi({
      description:
        'Needed when the first day is before the placement’s planned start (at most four weeks before); kept with the match.',
    }),
  })
  .openapi('InternshipStart');

export const rotationInputSchema = z
  .strictObject({
    department: shortText(80),
    tasks: textList(10, 120).default([]),
    startDate: dateSchema,
    endDate: dateSchema.optional().openapi({ description: 'On or after `startDate` (422 otherwise).' }),
  })
  .refine((r) => !r.endDate || r.endDate >= r.startDate, {
    message: 'must be on or after startDate',
    path: ['endDate'],
  })
  .openapi('RotationInput');

const outcomeDetails = longText(500).optional();
export const outcomeSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('paid_employment'),
      hoursPerWeek: z.number().min(1).max(48),
      wageBand: z.enum(wageBands),
      employer: z.enum(['same', 'other']).openapi({ description: 'The placement’s employer, or another one.' }),
      contractType: z.enum(contractTypes),
      details: outcomeDetails,
    }),
    z.strictObject({ type: z.literal('apprenticeship'), details: outcomeDetails }),
    z.strictObject({ type: z.literal('further_education'), details: outcomeDetails }),
    z.strictObject({ type: z.literal('volunteering'), details: outcomeDetails }),
    z.strictObject({ type: z.literal('other'), details: shortText(500) }),
    z.strictObject({ type: z.literal('none'), details: outcomeDetails }),
  ])
  .openapi('InternshipOutcome');

export type Outcome = z.output<typeof outcomeSchema>;

export const completeInputSchema = z
  .strictObject({
    endedOn: dateSchema.openapi({ description: 'The last day; today or earlier.' }),
    outcome: outcomeSchema,
  })
  .openapi('InternshipCompletion');

export const followUpInputSchema = z
  .strictObject({
    checkedOn: dateSchema,
    stillEmployed: z.boolean(),
    hoursPerWeek: z.number().min(0).max(48).optional(),
    notes: longText(1000).optional(),
  })
  .openapi('FollowUpInput', { description: 'The 12-month follow-up: is the young person in paid work?' });

export const weeklyLogInputSchema = z
  .strictObject({
    weekStarting: dateSchema.openapi({
      description: 'Any date in the week; the log is for that week’s Monday (as `weekStarting` in the answer).',
    }),
    hoursWorked: z.number().min(0).max(60),
    tasksDone: textList(20, 120).default([]),
    supportHours: z
      .number()
      .min(0)
      .max(60)
      .openapi({ description: 'Hours of job coaching at work that week: what Access to Work can pay for.' }),
    studyHours: z.number().min(0).max(60).default(0).openapi({
      description:
        'Hours of support with study that week (English, maths, employability), kept apart because Access to Work never pays for them.',
    }),
    independence: z
      .array(
        z.strictObject({
          task: shortText(120),
          rating: z.number().int().min(1).max(5).openapi({ description: '1 fully supported, 5 fully independent.' }),
        }),
      )
      .max(20)
      .default([]),
    notes: longText(2000).optional(),
  })
  .openapi('WeeklyLogInput');

export const weeklyLogCorrectionSchema = weeklyLogInputSchema
  .omit({ weekStarting: true })
  .openapi('WeeklyLogCorrection', {
    description:
      'What the week’s log should say instead; it replaces every field, and the log keeps what it said before.',
  });

export const weekParams = z.object({
  matchId: idSchema,
  week: dateSchema.openapi({ description: 'Any date in the week whose log to correct.' }),
});

export const reviewInputSchema = z
  .strictObject({
    heldOn: dateSchema,
    summary: longText(2000).optional(),
    targets: z
      .array(
        z.strictObject({
          text: shortText(300).openapi({ description: 'Specific: what the intern will do.' }),
          measure: shortText(300).openapi({ description: 'Measurable: how everyone will know it is done.' }),
          dueDate: dateSchema,
          status: z.enum(targetStatuses).default('not_started'),
          outcomeId: idSchema.optional().openapi({
            description:
              'The EHC plan outcome the target serves (`GET /v1/young-people/{youngPersonId}/ehc-plan`); needed when the plan has outcomes, 422 when it is not one of them.',
          }),
        }),
      )
      .min(1)
      .max(10),
    nextReviewDue: dateSchema.optional().openapi({ description: 'Six weeks after the review unless set.' }),
  })
  .openapi('ReviewInput');

export const listQuerySchema = z.object({
  state: journeyStateSchema.optional(),
  youngPersonId: idSchema.optional(),
  placementId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const byAccount = z.object({ accountId: z.string(), role: z.string() });

export const nextStepSchema = z
  .object({ action: journeyActionSchema, by: z.array(journeyPartySchema), needs: z.string() })
  .openapi('JourneyNextStep');

export const journeySchema = z
  .object({
    id: idSchema,
    state: journeyStateSchema,
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    placement: z.object({
      id: idSchema,
      title: z.string(),
      employerId: idSchema,
      employerName: z.string(),
      sector: sectorSchema,
    }),
    providerId: idSchema,
    jobCoachId: idSchema.optional(),
    jobCoach: z.object({ id: idSchema, name: z.string(), email: z.string() }).optional().openapi({
      description:
        'The job coach’s name and work email, on the view of one journey (not in lists). An employer sees it only while the journey is active.',
    }),
    note: z.string(),
    match: z
      .object({ score: z.number(), reasons: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]) })
      .optional(),
    youngPersonResponse: z
      .object({
        accepted: z.boolean(),
        at: z.string(),
        by: byAccount,
        reason: z.string().optional(),
        sharedSections: z.array(passportSectionSchema),
        shareId: idSchema.optional(),
      })
      .optional(),
    taster: z
      .object({
        kind: z.enum(tasterKinds),
        date: z.string(),
        place: z.string(),
        notes: z.string().optional(),
        arrangedAt: z.string(),
      })
      .optional(),
    employerDecision: z
      .object({
        accepted: z.boolean(),
        at: z.string(),
        by: byAccount,
        reason: z.string().optional(),
        note: z.string().optional(),
      })
      .optional(),
    startedOn: z.string().optional(),
    earlyStartReason: z.string().optional(),
    rotations: z.array(
      z.object({
        department: z.string(),
        tasks: z.array(z.string()),
        startDate: z.string(),
        endDate: z.string().optional(),
        recordedAt: z.string(),
      }),
    ),
    endedOn: z.string().optional(),
    outcome: outcomeSchema.optional(),
    followUp: z
      .object({
        checkedOn: z.string(),
        stillEmployed: z.boolean(),
        hoursPerWeek: z.number().optional(),
        notes: z.string().optional(),
        recordedAt: z.string(),
      })
      .optional(),
    withdrawal: z
      .object({
        by: byAccount,
        party: journeyPartySchema,
        reason: z.string().optional(),
        at: z.string(),
        fromState: journeyStateSchema,
      })
      .optional(),
    hardLimitOverride: z
      .object({ limits: z.array(z.enum(hardLimits)), reason: z.string() })
      .optional()
      .openapi({
        description: 'The hard limits this proposal breaks and the coach’s reason; not shown to the employer.',
      }),
    history: z.array(
      z.object({
        action: z.string(),
        from: journeyStateSchema.optional(),
        to: journeyStateSchema,
        at: z.string(),
        by: byAccount,
        hardLimitsOverridden: z.array(z.enum(hardLimits)).optional(),
        overrideReason: z.string().optional(),
      }),
    ),
    yourNextSteps: z.array(nextStepSchema).openapi({ description: 'What the caller may do now.' }),
    proposedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PlacementMatch', {
    description: 'One young person’s journey with one placement, as the caller may see it.',
  });

export const weeklyLogSchema = z
  .object({
    id: idSchema,
    matchId: idSchema,
    weekStarting: z.string(),
    weekNumber: z.number().int(),
    hoursWorked: z.number(),
    tasksDone: z.array(z.string()),
    supportHours: z.number(),
    studyHours: z.number(),
    independence: z.array(z.object({ task: z.string(), rating: z.number().int() })),
    notes: z.string().optional(),
    recordedBy: byAccount,
    recordedAt: z.string(),
    version: z.number().int().min(1).openapi({ description: '1 when first written; one more with each correction.' }),
    earlierVersions: z
      .array(
        z.object({
          version: z.number().int(),
          hoursWorked: z.number(),
          tasksDone: z.array(z.string()),
          supportHours: z.number(),
          independence: z.array(z.object({ task: z.string(), rating: z.number().int() })),
          notes: z.string().optional(),
          recordedBy: byAccount,
          recordedAt: z.string(),
        }),
      )
      .openapi({ description: 'What the log said before each correction, oldest first.' }),
  })
  .openapi('WeeklyLog');

export const reviewSchema = z
  .object({
    id: idSchema,
    matchId: idSchema,
    heldOn: z.string(),
    summary: z.string().optional(),
    targets: z.array(
      z.object({
        text: z.string(),
        measure: z.string(),
        dueDate: z.string(),
        status: z.enum(targetStatuses),
        outcomeId: z.string().optional(),
      }),
    ),
    nextReviewDue: z.string(),
    recordedBy: byAccount,
    recordedAt: z.string(),
  })
  .openapi('Review');

export const progressSchema = z
  .object({
    matchId: idSchema,
    state: journeyStateSchema,
    startedOn: z.string().nullable(),
    weeks: z.array(
      z.object({
        weekNumber: z.number().int(),
        weekStarting: z.string(),
        logged: z.boolean(),
        hoursWorked: z.number().optional(),
        supportHours: z.number().optional(),
        supportShare: z.number().optional(),
      }),
    ),
    weeksWithoutLog: z.array(z.string()).openapi({ description: 'Weeks that are over with no log.' }),
    fading: z.object({
      earlyAverageSupportHours: z.number().nullable(),
      recentAverageSupportHours: z.number().nullable(),
    }),
    logs: z.array(weeklyLogSchema),
    reviews: z.array(reviewSchema),
    nextReviewDue: z.string().nullable(),
  })
  .openapi('InternshipProgress', {
    description: 'Support hours week by week, so fading is visible, with the weeks that have no log.',
  });
