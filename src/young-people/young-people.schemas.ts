import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import {
  adjustmentCategorySchema,
  communicationPreferenceSchema,
  coordinatesSchema,
  dateSchema,
  environmentLimitsSchema,
  longText,
  postcodeSchema,
  sectorSchema,
  shortText,
  textList,
  timeOfDaySchema,
  transportModeSchema,
  weekdaySchema,
} from '../domain/schemas.js';

export const ehcPlanStatuses = ['ehc_plan', 'assessment_in_progress', 'sen_support', 'none'] as const;
export const youngPersonStatuses = ['active', 'on_placement', 'completed', 'withdrawn'] as const;
export const travelIndependence = ['independent', 'travel_training', 'needs_support'] as const;

export const travelSchema = z
  .strictObject({
    independence: z
      .enum(travelIndependence)
      .openapi({ description: 'Travels alone, is being travel-trained, or needs someone with them.' }),
    modes: z.array(transportModeSchema).min(1).max(7),
    maxJourneyMinutes: z.number().int().min(5).max(180),
    maxDistanceKm: z.number().min(0.5).max(100),
  })
  .openapi('Travel');

export const availabilitySchema = z
  .strictObject({
    days: z.array(weekdaySchema).min(1).max(7),
    earliestStart: timeOfDaySchema,
    latestFinish: timeOfDaySchema.openapi({ description: 'After `earliestStart` (422 otherwise).' }),
    maxHoursPerWeek: z.number().min(1).max(40),
  })
  .refine((a) => a.earliestStart < a.latestFinish, { message: 'must be after earliestStart', path: ['latestFinish'] })
  .openapi('Availability');

export const conditionsForSuccessSchema = z
  .strictObject({
    maxEnvironment: environmentLimitsSchema.default({}),
    stepFreeAccess: z.boolean().default(false).openapi({ description: 'Step-free access is required.' }),
    requiredAdjustments: z.array(adjustmentCategorySchema).max(9).default([]).openapi({
      description: 'Adjustment categories without which a placement cannot work; matching requires every one.',
    }),
    preferredAdjustments: z.array(adjustmentCategorySchema).max(9).default([]),
    notes: longText(1000).optional().openapi({ description: 'In the young person’s words; never indexed for search.' }),
  })
  .openapi('ConditionsForSuccess', {
    description:
      'Non-negotiables: the most of each environment factor, step-free access, adjustments that must be in place.',
  });

/** The profile's fields with no defaults; the create schema adds defaults, the patch makes each optional. */
const profileFields = {
  preferredName: shortText(80),
  dateOfBirth: dateSchema,
  plannedStartDate: dateSchema.openapi({
    description: 'When the internship is planned to start; eligibility (16 to 24) is checked on this date.',
  }),
  ehcPlan: z.enum(ehcPlanStatuses),
  localAuthority: shortText(100),
  jobCoachId: idSchema.openapi({ description: 'The assigned job coach (an account of the same provider).' }),
  homePostcode: postcodeSchema,
  coordinates: coordinatesSchema.openapi({ description: 'Leave out to place the young person by postcode.' }),
  travel: travelSchema,
  availability: availabilitySchema,
  interests: z.array(sectorSchema).max(14).openapi({
    description:
      'Sectors in order of preference: the first is the young person’s first choice and counts most in matching.',
  }),
  jobsWanted: longText(300).openapi({
    description:
      'Jobs I’d like to do, in the young person’s own words (for example “I’d like to help in a kitchen and make food for people”). Used in matching.',
    example: 'I’d like to help in a kitchen and make food for people',
  }),
  strengths: textList(20, 80),
  skills: textList(30, 80),
  tasksLiked: textList(20, 120),
  tasksDisliked: textList(20, 120),
  conditionsForSuccess: conditionsForSuccessSchema,
  communication: z.array(communicationPreferenceSchema).max(6),
  status: z.enum(youngPersonStatuses),
};

export const youngPersonInputSchema = z
  .strictObject({
    ...profileFields,
    localAuthority: profileFields.localAuthority.optional(),
    jobCoachId: profileFields.jobCoachId.optional(),
    coordinates: profileFields.coordinates.optional(),
    interests: profileFields.interests.default([]),
    jobsWanted: profileFields.jobsWanted.optional(),
    strengths: profileFields.strengths.default([]),
    skills: profileFields.skills.default([]),
    tasksLiked: profileFields.tasksLiked.default([]),
    tasksDisliked: profileFields.tasksDisliked.default([]),
    conditionsForSuccess: profileFields.conditionsForSuccess.default({
      maxEnvironment: {},
      stepFreeAccess: false,
      requiredAdjustments: [],
      preferredAdjustments: [],
    }),
    communication: profileFields.communication.default([]),
    status: profileFields.status.default('active'),
    eligibilityExceptionReason: shortText(500).optional().openapi({
      description: 'Provider admins only: why this young person may start outside the 16 to 24 age range.',
    }),
  })
  .openapi('YoungPersonInput');

export const youngPersonPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(profileFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]),
    ) as {
      [K in keyof typeof profileFields]: z.ZodOptional<(typeof profileFields)[K]>;
    },
  )
  .openapi('YoungPersonPatch', { description: 'Only the fields sent are changed.' });

export const eligibilityExceptionSchema = z
  .strictObject({ reason: shortText(500) })
  .openapi('EligibilityExceptionInput', {
    description: 'Why this young person may start outside the 16 to 24 age range.',
  });

export const youngPersonSchema = z
  .object({
    id: idSchema,
    providerId: idSchema,
    jobCoachId: idSchema.optional(),
    preferredName: z.string(),
    dateOfBirth: z.string(),
    ageAtPlannedStart: z.number().int(),
    plannedStartDate: z.string(),
    eligibilityException: z.object({ reason: z.string(), recordedAt: z.string() }).optional(),
    ehcPlan: z.enum(ehcPlanStatuses),
    localAuthority: z.string().optional(),
    homePostcode: z.string(),
    coordinates: coordinatesSchema,
    locationSource: z.enum(['given', 'sector', 'district']),
    travel: travelSchema,
    availability: availabilitySchema,
    interests: z.array(sectorSchema),
    jobsWanted: z.string().optional(),
    strengths: z.array(z.string()),
    skills: z.array(z.string()),
    tasksLiked: z.array(z.string()),
    tasksDisliked: z.array(z.string()),
    conditionsForSuccess: conditionsForSuccessSchema,
    communication: z.array(communicationPreferenceSchema),
    status: z.enum(youngPersonStatuses),
    hasAccount: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('YoungPerson');

export type YoungPersonInput = z.output<typeof youngPersonInputSchema>;
export type YoungPersonPatch = z.output<typeof youngPersonPatchSchema>;
