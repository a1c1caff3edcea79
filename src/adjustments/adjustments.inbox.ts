import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';

const adjustmentTaskKinds = ['adjustment_answer_due', 'adjustment_overdue', 'adjustment_check_due'] as const;

/** An adjustment reminder as the inbox gives it: what is due on which journey, how many, and where it is done. */
export const adjustmentInboxTaskSchema = z
  .object({
    kind: z.enum(adjustmentTaskKinds).openapi({
      description:
        '`adjustment_answer_due` (employers): requests unanswered for 5 working days or more; `adjustment_overdue` (employers): agreed adjustments past the date they were due in place; `adjustment_check_due` (young people and delegates who answer for them): say whether an adjustment in place helps.',
    }),
    title: z.string().openapi({
      description: 'What to do, in plain English; never the words of a request.',
      example: '2 adjustment requests for Sam are waiting for your answer',
    }),
    count: z.number().int().openapi({ description: 'How many adjustments of the journey it is about.', example: 2 }),
    matchId: idSchema,
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    placement: z.object({ id: idSchema, title: z.string(), employerName: z.string() }),
    path: z.string().openapi({
      description:
        'The web page where it is done; the API operations are under `/v1/placement-matches/{matchId}/adjustments`.',
      example: '/journeys/6b0cc21f6861dd77cfc7df44/adjustments',
    }),
  })
  .openapi('InboxAdjustmentTask');

export type AdjustmentInboxTask = z.infer<typeof adjustmentInboxTaskSchema>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The task's title: names and a count only, so an inbox never holds what a young person wrote. */
export function adjustmentTaskTitle(
  kind: AdjustmentInboxTask['kind'],
  count: number,
  names: { youngPersonName: string; employerName: string; forSomeoneElse: boolean },
): string {
  const is = count === 1 ? 'is' : 'are';
  if (kind === 'adjustment_answer_due')
    return `${plural(count, 'adjustment request', 'adjustment requests')} for ${names.youngPersonName} ${is} waiting for your answer`;
  if (kind === 'adjustment_overdue')
    return `${plural(count, 'agreed adjustment', 'agreed adjustments')} for ${names.youngPersonName} ${is} past the date agreed`;
  const whom = names.forSomeoneElse ? names.youngPersonName : 'you';
  return `Say whether ${plural(count, 'adjustment', 'adjustments')} at ${names.employerName} ${count === 1 ? 'helps' : 'help'} ${whom}`;
}
