import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import type { OutcomesTaskView } from './outcomes.service.js';

/** An EHC plan review coming or a follow-up due, as the API's inbox gives it: what, by when, for whom, and where. */
export const outcomesInboxItemSchema = z
  .object({
    kind: z.enum(['ehc_review_due', 'follow_up_due']).openapi({
      description:
        '`ehc_review_due`: the EHC plan’s annual review is within 4 weeks; `follow_up_due`: the 6- or 9-month follow-up after the internship is due and not recorded (the 12-month one is an item of `items`).',
    }),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    dueOn: z
      .string()
      .openapi({ description: 'The day of the review, or the day the follow-up is due.', example: '2028-01-16' }),
    month: z.number().int().optional().openapi({ description: 'Which follow-up: 6 or 9 months.', example: 6 }),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    matchId: idSchema.optional().openapi({ description: 'The internship a follow-up is about.' }),
    path: z.string().openapi({
      description:
        'The web page where it is done; the API operations are `/v1/young-people/{id}/ehc-plan` and `/v1/placement-matches/{matchId}/follow-ups/{month}`.',
      example: '/journeys/6b0cc17d77690832df91389e/after',
    }),
  })
  .openapi('InboxOutcomesTask');

export function outcomesInboxItem(task: OutcomesTaskView): z.infer<typeof outcomesInboxItemSchema> {
  return {
    kind: task.kind,
    title: task.title,
    dueOn: task.dueOn,
    ...(task.month ? { month: task.month } : {}),
    youngPerson: task.youngPerson,
    ...(task.matchId ? { matchId: task.matchId } : {}),
    path: task.path,
  };
}
