import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { passportSections } from '../domain/vocabulary.js';
import type { DecidedForYou } from './inbox.service.js';

/** What a parent or carer decided for the young person, as the API's inbox gives it to the young person. */
export const decidedForYouSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.enum(['said_yes', 'said_no']),
      by: z.string().openapi({ description: 'The name of the parent or carer who answered.' }),
      at: z.string(),
      matchId: idSchema,
      placementTitle: z.string(),
      employerName: z.string(),
    }),
    z.object({
      kind: z.literal('shared'),
      by: z.string().openapi({ description: 'The name of the parent or carer who shared.' }),
      at: z.string(),
      employerName: z.string(),
      sections: z.array(z.enum(passportSections)),
    }),
  ])
  .openapi('InboxDecidedForYou');

export function decidedForYouItem(decision: DecidedForYou): z.infer<typeof decidedForYouSchema> {
  return { ...decision, at: decision.at.toISOString() };
}
