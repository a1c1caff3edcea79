import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, shortText } from '../domain/schemas.js';
import {
  adjustmentActions,
  adjustmentKinds,
  adjustmentPayers,
  adjustmentStates,
  checkAnswers,
  reviewDecisions,
} from './adjustments.machine.js';

/**
 * Adjustment requests on a journey. Every text is the young person's words or about them: none is
 * indexed for search, logged, or put in an error or an email.
 */

export const adjustmentKindSchema = z.enum(adjustmentKinds).openapi({
  description:
    'What the adjustment is about: equipment, hours and breaks, environment, communication, instructions, travel or other.',
});

const partSchema = z.strictObject({
  kind: adjustmentKindSchema,
  text: shortText(1000).openapi({ description: 'What helps, in the young person’s words.' }),
});

export const addAdjustmentInputSchema = partSchema.openapi('AddAdjustmentInput', {
  description: 'A request the job coach adds; the employer sees it once the young person agrees.',
});

export const suggestAdjustmentInputSchema = z
  .strictObject({
    parts: z.array(partSchema).min(1).max(5).openapi({
      description: 'One part rewords the request; two to five split it into that many requests.',
    }),
  })
  .openapi('SuggestAdjustmentInput');

export const suggestionDecisionInputSchema = z
  .strictObject({
    decision: z.enum(['agree', 'decline']).openapi({
      description:
        'agree: the suggested words (or the added request) stand; decline: the original stays (the added request goes).',
    }),
  })
  .openapi('AdjustmentSuggestionDecision');

export const answerAdjustmentInputSchema = z
  .strictObject({
    answer: z.enum(['agreed', 'not_possible']),
    who: shortText(200).optional().openapi({ description: 'agreed: who at work will do it.' }),
    byDate: dateSchema.optional().openapi({ description: 'agreed: the day it will be in place by.' }),
    payer: z
      .enum(adjustmentPayers)
      .optional()
      .openapi({ description: 'agreed: who pays, the employer or a line of the Access to Work award.' }),
    accessToWorkLine: shortText(200)
      .optional()
      .openapi({ description: 'agreed, paid by Access to Work: which line of the award.' }),
    reason: shortText(1000)
      .optional()
      .openapi({ description: 'not_possible: why, in words the young person and the job coach can read.' }),
    alternative: shortText(1000).optional().openapi({ description: 'not_possible: what could be done instead.' }),
  })
  .openapi('AnswerAdjustmentInput', {
    description:
      'The employer’s answer. `agreed` needs `who`, `byDate` and `payer` (and `accessToWorkLine` when Access to Work pays); `not_possible` needs `reason`.',
  });

export const inPlaceInputSchema = z
  .strictObject({
    inPlaceOn: dateSchema.openapi({
      description: 'The day it was in place: not before the employer agreed the placement, not in the future.',
    }),
  })
  .openapi('AdjustmentInPlaceInput');

export const checkInputSchema = z
  .strictObject({
    answer: z.enum(checkAnswers).openapi({ description: 'Does this help you at work? yes, a bit, no, or not sure.' }),
    why: shortText(1000).optional().openapi({ description: 'Why, if they want to say.' }),
  })
  .openapi('AdjustmentCheckInput');

export const observationInputSchema = z
  .strictObject({ note: shortText(1000).openapi({ description: 'What the job coach saw at work.' }) })
  .openapi('AdjustmentObservationInput');

export const reviewInputSchema = z
  .strictObject({
    decision: z.enum(reviewDecisions).openapi({
      description: 'keep; change (goes back to the employer to answer again); stop.',
    }),
    heldOn: dateSchema.openapi({ description: 'The day of the 6-weekly review.' }),
    note: shortText(1000).optional(),
  })
  .openapi('AdjustmentReviewInput');

const byDateTime = z.string().openapi({ example: '2027-09-20T10:15:00.000Z' });

export const adjustmentSchema = z
  .object({
    id: idSchema,
    matchId: idSchema,
    kind: adjustmentKindSchema
      .nullable()
      .openapi({ description: 'null for an employer once the young person withdrew their share.' }),
    text: z.string().nullable().openapi({
      description: 'The young person’s words; null for an employer once the young person withdrew their share.',
    }),
    textHidden: z.boolean().openapi({ description: 'True when the words are withheld from this reader.' }),
    source: z.enum(['passport', 'job_coach', 'split']),
    state: z.enum(adjustmentStates),
    awaitingYoungPerson: z.boolean(),
    requestedAt: byDateTime,
    suggestion: z
      .object({ parts: z.array(z.object({ kind: adjustmentKindSchema, text: z.string() })), at: byDateTime })
      .nullable(),
    agreed: z
      .object({
        who: z.string(),
        byDate: z.string(),
        payer: z.enum(adjustmentPayers),
        accessToWorkLine: z.string().optional(),
      })
      .nullable(),
    notPossible: z.object({ reason: z.string().nullable(), alternative: z.string().nullable() }).nullable(),
    inPlace: z.object({ on: z.string() }).nullable(),
    check: z.object({ answer: z.enum(checkAnswers), why: z.string().nullable(), at: byDateTime }).nullable(),
    observations: z.array(z.object({ note: z.string(), at: byDateTime })),
    reviews: z.array(z.object({ decision: z.enum(reviewDecisions), heldOn: z.string(), note: z.string().nullable() })),
    addedToPassport: z.boolean(),
    mayAddToPassport: z.boolean().openapi({
      description:
        'True for the young person (or a delegate with edit_passport) when they said it helps and it is not in the passport yet.',
    }),
    knownToWork: z
      .array(z.object({ employer: z.string(), month: z.string() }))
      .openapi({ description: 'Where the young person’s passport says this help worked before.' }),
    allowedActions: z.array(z.enum(adjustmentActions)).openapi({ description: 'What this reader may do next.' }),
  })
  .openapi('Adjustment');

export const adjustmentListSchema = z
  .object({
    matchId: idSchema,
    items: z.array(adjustmentSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    textHidden: z.boolean().openapi({
      description:
        'True for an employer when the young person’s share of "what helps me at work" has ended: they keep the states, not the words.',
    }),
  })
  .openapi('AdjustmentList');

export type AddAdjustmentInput = z.output<typeof addAdjustmentInputSchema>;
export type SuggestAdjustmentInput = z.output<typeof suggestAdjustmentInputSchema>;
export type AnswerAdjustmentInput = z.output<typeof answerAdjustmentInputSchema>;
export type CheckInput = z.output<typeof checkInputSchema>;
export type ReviewInput = z.output<typeof reviewInputSchema>;
export type AdjustmentView = z.output<typeof adjustmentSchema>;
