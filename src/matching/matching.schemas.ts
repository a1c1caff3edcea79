import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import {
  adjustmentCategorySchema,
  disabilityConfidentSchema,
  levelSchema,
  paginationQuery,
  searchWords,
  sectorSchema,
  weekdaySchema,
} from '../domain/schemas.js';
import { adjustmentCategories, disabilityConfidentLevels, environmentFactors, sectors } from '../domain/vocabulary.js';
import { journeyStates } from '../journey/journey.machine.js';
import { placementStatusSchema } from '../placements/placements.schemas.js';
import { hoursBands } from '../search-sync/documents.js';
import { hardLimits } from './hard-limits.js';
import { wordMatchKinds } from './job-words.js';

/** A proposal made from the matching pages is the journey's to check, so the form's limits are the journey's. */
export { proposeInputSchema } from '../journey/journey.schemas.js';
/** The search's hours bands, for the search page's filter; the index defines them. */
export { hoursBands };

const radiusKm = z.coerce.number().min(0.5).max(100).openapi({ description: 'Kilometres, 0.5 to 100.', example: 10 });

/** "a,b,c" of the given values; the pattern states it in the OpenAPI document. */
function commaList<const T extends readonly [string, ...string[]]>(values: T, example: string) {
  const one = `(${values.join('|')})`;
  return z
    .string()
    .max(500)
    .regex(new RegExp(`^ *${one} *( *, *${one} *)*$`), {
      message: `must be a comma-separated list of: ${values.join(', ')}`,
    })
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1))
    .openapi({ description: 'Comma-separated.', example });
}

export const matchesQuery = paginationQuery
  .extend({
    radiusKm: radiusKm
      .optional()
      .openapi({ description: 'Look no further than this (never further than the young person’s own travel limit).' }),
    sector: sectorSchema.optional(),
    q: searchWords(100)
      .optional()
      .openapi({ description: 'Only placements that match all these words.', example: 'kitchen' }),
  })
  .openapi('MatchesQuery');

export const candidatesQuery = paginationQuery.openapi('CandidatesQuery');

export const browseQuery = paginationQuery
  .extend({
    q: searchWords(100).optional().openapi({ example: 'library' }),
    near: z
      .string()
      .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, { message: 'must be "lat,lng", like 53.7997,-1.5492' })
      .transform((value) => {
        const [lat, lng] = value.split(',').map(Number) as [number, number];
        return { lat, lng };
      })
      .refine(({ lat, lng }) => lat >= 49.8 && lat <= 61 && lng >= -8.7 && lng <= 2, {
        message: 'must be a point in the UK (lat 49.8 to 61, lng -8.7 to 2)',
      })
      .optional()
      .openapi({
        description:
          'A point in the UK (lat 49.8 to 61, lng -8.7 to 2; 422 outside): nearest first, and the centre of `radiusKm`.',
        example: '53.7997,-1.5492',
      }),
    radiusKm: radiusKm
      .optional()
      .openapi({ description: 'Only within this distance of `near`; needs `near` (422 without it).' }),
    sector: commaList(sectors, 'retail,libraries').optional(),
    hoursBand: commaList(hoursBands, '16_to_20').optional(),
    adjustments: commaList(adjustmentCategories, 'instructions,colleague_support')
      .optional()
      .openapi({ description: 'Comma-separated; every one must be offered.' }),
    disabilityConfident: commaList(disabilityConfidentLevels, 'employer,leader').optional(),
  })
  .refine((query) => query.radiusKm === undefined || query.near !== undefined, {
    message: 'needs near',
    path: ['radiusKm'],
  })
  .openapi('BrowsePlacementsQuery');

const environmentNoteSchema = z.object({
  factor: z.enum(environmentFactors),
  level: levelSchema,
  limit: levelSchema.optional(),
  message: z.string(),
});

const fitPartsSchema = z
  .object({
    environment: z.number(),
    adjustments: z.number(),
    sectorInterest: z.number(),
    firstChoiceSector: z.number(),
    tasks: z.number(),
    jobsWanted: z.number(),
    distance: z.number(),
    hours: z.number(),
    disabilityConfident: z.number(),
    dislikedTaskPenalty: z.number(),
    ruledOutPenalty: z.number(),
    triedAndLiked: z.number(),
    triedAndDislikedPenalty: z.number(),
  })
  .openapi('FitScoreParts', {
    description: 'Points earned by each part of the fit score; the weights are in src/matching/scoring.ts.',
  });

export const matchReasonsSchema = z
  .object({
    distanceKm: z.number(),
    interests: z.object({
      sectors: z.array(sectorSchema),
      firstChoice: z.boolean().openapi({ description: 'The placement is in the sector the young person put first.' }),
      likedTasks: z.array(z.string()),
      strengths: z.array(z.string()),
      skills: z.array(z.string()),
      wordMatches: z.array(z.object({ said: z.string(), matchedBy: z.enum(wordMatchKinds) })).openapi({
        description:
          'How each liked task, strength or skill was found in the title and tasks: the same words, a word stem (“cooking” in “cook meals”) or a job-word synonym (“till” for “checkout”).',
      }),
    }),
    jobsWanted: z
      .object({ said: z.string(), matched: z.array(z.string()), message: z.string() })
      .optional()
      .openapi({
        description:
          'Present when the young person said which jobs they would like to do: their words, the ideas of it this placement holds, and the reason in a sentence.',
      }),
    dislikedTasks: z.array(z.string()),
    ruledOut: z.array(z.object({ said: z.string(), found: z.string() })).openapi({
      description:
        'What the young person ruled out in their own words (“but not the bar”) that this placement holds, with the words the placement has for it. It puts the placement below those they did not rule out; only a limit they set hides one.',
    }),
    triedBefore: z.array(z.object({ said: z.string(), went: z.enum(['well', 'badly']), found: z.string() })).openapi({
      description:
        'Work the young person tried before, in their words, that this placement is like, and whether they said it went well or badly.',
    }),
    rotations: z.array(z.string()).openapi({
      description: 'Rotation departments whose names hold a task the young person likes or work they said they want.',
    }),
    adjustments: z.object({ met: z.array(adjustmentCategorySchema), notMet: z.array(adjustmentCategorySchema) }),
    environment: z.object({
      pros: z.array(environmentNoteSchema),
      cons: z.array(environmentNoteSchema),
      supportNeeded: z.array(environmentNoteSchema),
    }),
    hardLimitsChecked: z.array(z.enum(hardLimits)),
    employerAdjustments: z
      .object({ agreed: z.number().int(), inPlaceWithinTwoWeeks: z.number().int() })
      .optional()
      .openapi({
        description:
          'The employer’s record with workplace adjustments, when they have one: of the adjustments they agreed to on placements whose first 14 days are over, how many were in place within those 14 days. Counts only, over all their interns.',
        example: { agreed: 5, inPlaceWithinTwoWeeks: 5 },
      }),
    scoreParts: fitPartsSchema,
  })
  .openapi('MatchReasons', {
    description: 'Why this is proposed: pros, cons and where support is needed. A proposal for people to decide on.',
  });

const placementSummarySchema = z
  .object({
    id: idSchema,
    title: z.string(),
    employer: z.object({ id: idSchema, name: z.string(), disabilityConfident: disabilityConfidentSchema }),
    sector: sectorSchema,
    town: z.string(),
    days: z.array(weekdaySchema),
    startTime: z.string(),
    endTime: z.string(),
    hoursPerWeek: z.number(),
    startDate: z.string(),
    durationWeeks: z.number().int(),
    placesFree: z.number().int(),
    adjustmentsOffered: z.array(adjustmentCategorySchema),
    stepFreeAccess: z.boolean(),
  })
  .openapi('PlacementSummary');

export const earlierProposalSchema = z
  .object({
    matchId: idSchema,
    state: z.enum(journeyStates),
    underWay: z.boolean().openapi({
      description: 'The journey is still going: it cannot be proposed again, only followed.',
    }),
    at: z.string().openapi({ description: 'When that journey last changed.' }),
    reason: z.string().optional().openapi({
      description: 'Why it ended, in the words of whoever declined or withdrew, when they gave a reason.',
    }),
  })
  .openapi('EarlierProposal', {
    description:
      'The young person was proposed for this placement before (the latest such journey). Proposing it again needs `confirmRepeat: true`.',
  });

export const matchPageSchema = z
  .object({
    items: z.array(
      z.object({
        placement: placementSummarySchema,
        fitScore: z.number().int().min(0).max(100),
        reasons: matchReasonsSchema,
        earlierProposal: earlierProposalSchema.optional(),
      }),
    ),
    total: z.number().int().openapi({ description: 'How many placements were ranked (at most the matching pool).' }),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('MatchPage');

export const candidatePageSchema = z
  .object({
    placement: z.object({
      id: idSchema,
      title: z.string(),
      status: placementStatusSchema,
      placesFree: z.number().int(),
    }),
    items: z.array(
      z.object({
        youngPerson: z.object({ id: idSchema, preferredName: z.string(), jobCoachId: idSchema.optional() }),
        fitScore: z.number().int().min(0).max(100),
        reasons: matchReasonsSchema,
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('CandidatePage');

const facetCounts = z.record(z.string(), z.number().int());

export const browsePageSchema = z
  .object({
    items: z.array(
      z.object({
        id: idSchema,
        title: z.string(),
        employer: z.object({ id: idSchema, name: z.string(), disabilityConfident: disabilityConfidentSchema }),
        sector: sectorSchema,
        town: z.string(),
        hoursPerWeek: z.number(),
        hoursBand: z.enum(hoursBands),
        days: z.array(weekdaySchema),
        startDate: z.string(),
        placesFree: z.number().int(),
        adjustmentsOffered: z.array(adjustmentCategorySchema),
        stepFreeAccess: z.boolean(),
        distanceKm: z.number().optional().openapi({ description: 'From `near`, when given.' }),
      }),
    ),
    total: z.number().int().openapi({
      description:
        'How many of the matching placements can be paged through with `offset` (at most 1,000; narrow the search to reach others).',
    }),
    matching: z.number().int().openapi({
      description:
        'How many placements match, exactly (every placement has one sector, so it is the sum of the sector counts).',
    }),
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z
      .object({
        sector: facetCounts,
        hoursBand: facetCounts,
        adjustmentsOffered: facetCounts,
        disabilityConfident: facetCounts,
      })
      .openapi({ description: 'How many of the matching placements have each value, for filter menus.' }),
  })
  .openapi('BrowsePlacementsPage');

export type MatchesQuery = z.output<typeof matchesQuery>;
export type BrowseQuery = z.output<typeof browseQuery>;
