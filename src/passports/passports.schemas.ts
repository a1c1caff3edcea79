import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { fieldProblems, unprocessable } from '../core/errors.js';
import { adjustmentCategorySchema, dateSchema, longText, shortText } from '../domain/schemas.js';
import { type PassportSection, passportSections } from '../domain/vocabulary.js';

/**
 * The adjustments passport, modelled on the DWP Health Adjustment Passport. Every text field is
 * the owner's own words; none of it is ever indexed for search, logged, or put in an error.
 */

export const passportSectionSchema = z.enum(passportSections);

export const aboutMeSchema = z
  .strictObject({
    summary: longText(1500).optional().openapi({ description: 'What I would like people at work to know about me.' }),
    workWanted: longText(1000).optional().openapi({ description: 'Where and what kind of work I want.' }),
    travelLimits: longText(500).optional().openapi({ description: 'How I travel and how far.' }),
    contactPreferences: longText(500).optional().openapi({ description: 'How to contact me, and how not to.' }),
  })
  .openapi('PassportAboutMe');

export const myConditionSchema = z
  .strictObject({
    description: longText(2000)
      .optional()
      .openapi({ description: 'My condition or disability, in my words. Never shared unless I choose this section.' }),
    effectOnWork: longText(2000).optional(),
    goodDay: longText(1000).optional().openapi({ description: 'On a good day...' }),
    harderDay: longText(1000).optional().openapi({ description: 'On a harder day...' }),
    earlyWarningSigns: longText(1000).optional(),
    whatToDoIfUnwell: longText(1000).optional(),
  })
  .openapi('PassportMyCondition');

export const adjustmentEntrySchema = z
  .strictObject({
    category: adjustmentCategorySchema,
    details: shortText(1000),
    inPlace: z.boolean().default(false).openapi({ description: 'Already agreed with the current employer.' }),
    workedAt: z
      .array(
        z.strictObject({
          employer: shortText(200),
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month like 2027-03' }),
        }),
      )
      .max(10)
      .optional()
      .openapi({
        description:
          'Where this help is known to work ("this worked at <employer>, <month year>"): added only by the owner, from an adjustment they said helped.',
      }),
  })
  .openapi('PassportAdjustment');

/** The most adjustments ("helps") one passport holds. */
export const mostAdjustments = 30;

export const whatHelpsSchema = z
  .strictObject({
    adjustments: z.array(adjustmentEntrySchema).max(mostAdjustments).default([]),
    supportInEducation: longText(1500).optional(),
    whatColleaguesCanDo: longText(1500).optional(),
  })
  .openapi('PassportWhatHelps');

export const accessToWorkFunds = [
  'job_coach',
  'travel',
  'equipment',
  'support_worker',
  'communication_support',
  'mental_health_support',
] as const;

export const accessToWorkSchema = z
  .strictObject({
    status: z.enum(['not_applied', 'applied', 'approved', 'declined']),
    funds: z.array(z.enum(accessToWorkFunds)).max(6).default([]),
    reference: shortText(40).optional(),
    notes: longText(1000).optional(),
  })
  .openapi('PassportAccessToWork', { description: 'Access to Work: applied? what it funds.' });

export const reviewSchema = z
  .strictObject({
    agreedBy: shortText(200)
      .optional()
      .openapi({ description: 'Who agreed this passport with me (for example my job coach).' }),
    agreedOn: dateSchema.optional(),
    nextReviewDue: dateSchema.optional().openapi({ description: 'At least every 6 months.' }),
  })
  .openapi('PassportReview');

export const passportSectionsSchema = z
  .strictObject({
    aboutMe: aboutMeSchema.optional(),
    myCondition: myConditionSchema.optional(),
    whatHelps: whatHelpsSchema.optional(),
    accessToWork: accessToWorkSchema.optional(),
    review: reviewSchema.optional(),
  })
  .openapi('PassportSections');

export type PassportSections = z.output<typeof passportSectionsSchema>;

export const coachAccessSchema = z.enum(['none', 'without_condition', 'all']).openapi({
  description:
    'What the provider’s job coaches may read: nothing, everything but "my condition" (the default), or everything.',
});

const baseVersionSchema = z.number().int().min(0).openapi({
  description: 'The version this edit started from; if someone saved in between, the save is refused with 409.',
});

/** Each section's own schema, so that one section can be saved (and validated) on its own. */
export const sectionSchemas = {
  aboutMe: aboutMeSchema,
  myCondition: myConditionSchema,
  whatHelps: whatHelpsSchema,
  accessToWork: accessToWorkSchema,
  review: reviewSchema,
} as const satisfies Record<PassportSection, z.ZodType>;

/**
 * Replacing the whole passport names every section, so that nothing is emptied by leaving it out:
 * `null` empties a section on purpose. A body that leaves sections out is refused (400 "is required"
 * for each); the schema states it, as every section is required.
 */
export const wholePassportSectionsSchema = z
  .strictObject({
    aboutMe: aboutMeSchema.nullable(),
    myCondition: myConditionSchema.nullable(),
    whatHelps: whatHelpsSchema.nullable(),
    accessToWork: accessToWorkSchema.nullable(),
    review: reviewSchema.nullable(),
  })
  .openapi('WholePassportSections', {
    description:
      'Every section, each either its content or null to empty it. To change one section, use PUT .../passport/sections/{section}.',
  });

export type WholePassportSections = z.output<typeof wholePassportSectionsSchema>;

export const savePassportSchema = z
  .strictObject({
    sections: wholePassportSectionsSchema,
    coachAccess: coachAccessSchema.optional(),
    baseVersion: baseVersionSchema.optional(),
  })
  .openapi('SavePassport');

export const saveSectionSchema = z
  .strictObject({
    baseVersion: baseVersionSchema,
    content: z.record(z.string(), z.unknown()).openapi({
      description:
        'The section’s content, in the shape of that section (PassportAboutMe, PassportMyCondition, PassportWhatHelps, PassportAccessToWork or PassportReview).',
    }),
  })
  .openapi('SavePassportSection', {
    description: 'Saves one section as a new version; every other section stays as it is.',
  });

/**
 * Validates one section's content against that section's schema; problems name the field as
 * `content.<field>`. Used by the section route; pages can use `sectionSchemas` directly.
 */
export function parseSectionContent<S extends PassportSection>(
  section: S,
  content: unknown,
): NonNullable<PassportSections[S]> {
  const parsed = sectionSchemas[section].safeParse(content);
  if (parsed.success) return parsed.data as NonNullable<PassportSections[S]>;
  // 422, not 400: the document cannot tie the body's shape to the section named in the path.
  throw unprocessable(
    fieldProblems(parsed.error, 'body').map((problem) => ({
      ...problem,
      path: problem.path === '(root)' ? 'content' : `content.${problem.path}`,
    })),
  );
}

export const restoreVersionSchema = z
  .strictObject({ baseVersion: baseVersionSchema })
  .openapi('RestorePassportVersion', { description: 'Makes a new version with the sections of an earlier one.' });

const completenessSchema = z.enum(['complete', 'partial', 'empty']);

export const passportSchema = z
  .object({
    youngPersonId: idSchema,
    version: z.number().int(),
    sections: passportSectionsSchema,
    visibleSections: z.array(passportSectionSchema),
    coachAccess: coachAccessSchema,
    completeness: z.record(passportSectionSchema, completenessSchema),
    nextReviewDue: z.string().nullable(),
    reviewOverdue: z.boolean(),
    pendingDrafts: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .openapi('Passport');

export const versionSummarySchema = z
  .object({
    version: z.number().int(),
    savedAt: z.string(),
    savedBy: z.object({ accountId: idSchema, role: z.string() }),
    source: z.enum(['owner', 'draft', 'restore']),
    draftId: idSchema.optional(),
    restoredFrom: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'For a restore: the earlier version whose sections this version brought back.' }),
  })
  .openapi('PassportVersionSummary');

export const versionSchema = versionSummarySchema
  .extend({ sections: passportSectionsSchema })
  .openapi('PassportVersion');

export const draftInputSchema = z
  .strictObject({
    sections: passportSectionsSchema
      .refine((sections) => Object.keys(sections).length > 0, { message: 'propose at least one section' })
      .openapi({ minProperties: 1 }),
    note: longText(1000).optional().openapi({ description: 'Why the coach suggests this, in plain words.' }),
  })
  .openapi('PassportDraftInput', {
    description: 'The sections the coach proposes to replace; the rest stay as they are.',
  });

export const draftSchema = z
  .object({
    id: idSchema,
    youngPersonId: idSchema,
    baseVersion: z.number().int(),
    sections: passportSectionsSchema,
    note: z.string().optional(),
    proposedBy: z.object({ accountId: idSchema, name: z.string() }),
    proposedAt: z.string(),
    status: z.enum(['pending', 'accepted', 'rejected']),
    decidedAt: z.string().optional(),
    decisionReason: z.string().optional(),
    resultingVersion: z.number().int().optional(),
  })
  .openapi('PassportDraft');

export const shareInputSchema = z
  .strictObject({
    employerId: idSchema,
    placementId: idSchema.optional(),
    sections: z.array(passportSectionSchema).min(1).max(5).openapi({
      description: 'Exactly the sections the employer may read. "myCondition" is shared only if listed here.',
    }),
    purpose: shortText(300).openapi({ example: 'So my placement supervisor knows what helps me at work' }),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .openapi('ShareInput');

export const shareSchema = z
  .object({
    id: idSchema,
    youngPersonId: idSchema,
    employerId: idSchema,
    employerName: z.string(),
    placementId: idSchema.optional(),
    sections: z.array(passportSectionSchema),
    purpose: z.string(),
    consent: z.object({
      givenBy: z.object({ accountId: idSchema, role: z.string() }),
      givenAt: z.string(),
      statement: z.string(),
    }),
    expiresAt: z.string(),
    withdrawnAt: z.string().optional(),
    status: z.enum(['active', 'expired', 'withdrawn']),
  })
  .openapi('PassportShare');

export const sharedPassportSchema = z
  .object({
    shareId: idSchema,
    youngPerson: z.object({ preferredName: z.string() }),
    purpose: z.string(),
    sections: passportSectionsSchema,
    sharedSections: z.array(passportSectionSchema),
    sharedAt: z.string(),
    expiresAt: z.string(),
    version: z.number().int(),
  })
  .openapi('SharedPassport');

export const accessLogEntrySchema = z
  .object({
    at: z.string(),
    action: z.string(),
    description: z.string(),
    by: z.object({
      accountId: z.string().optional(),
      role: z.string().optional(),
      name: z.string().optional(),
      organisation: z.string().optional(),
    }),
    sections: z.array(passportSectionSchema).optional(),
  })
  .openapi('PassportAccessLogEntry');
