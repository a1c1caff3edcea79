import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { accessToWorkTaskKinds } from './access-to-work.rules.js';
import type { AccessToWorkTaskView } from './access-to-work.service.js';

/** An Access to Work task as the API's inbox gives it: what to do, by when, for whom, and where it is done. */
export const accessToWorkInboxItemSchema = z
  .object({
    kind: z.enum(accessToWorkTaskKinds).openapi({
      description:
        '`application_late`: nothing sent and the placement starts within 6 months; `reconsideration_closing`: the last 7 days to ask for one; `renewal_open`: renewal may be applied for; `claim_late`: last month’s claim not sent by the 10th.',
    }),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    dateLabel: z.string().openapi({ description: 'What `dueOn` is, in words ("Ask by").' }),
    dueOn: z.string().openapi({ description: 'The date that matters to the task.', example: '2026-10-10' }),
    month: z.string().optional().openapi({ description: 'The month a late claim is for.', example: '2026-09' }),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    path: z.string().openapi({
      description:
        'The web page where it is done; the API operations are under `/v1/young-people/{id}/access-to-work`.',
      example: '/young-people/6b0cc21f6861dd77cfc7df44/access-to-work',
    }),
  })
  .openapi('InboxAccessToWorkTask');

export function accessToWorkInboxItem(task: AccessToWorkTaskView): z.infer<typeof accessToWorkInboxItemSchema> {
  return {
    kind: task.kind,
    title: task.title,
    dateLabel: task.dateLabel,
    dueOn: task.dueOn,
    ...(task.month ? { month: task.month } : {}),
    youngPerson: task.youngPerson,
    path: task.path,
  };
}
