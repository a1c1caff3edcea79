import { createRoute, z } from '@hono/zod-openapi';
import { accessToWorkInboxItem, accessToWorkInboxItemSchema } from '../access-to-work/access-to-work.inbox.js';
import { adjustmentInboxTaskSchema } from '../adjustments/adjustments.inbox.js';
import { actor } from '../auth/auth.middleware.js';
import { idSchema } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { outcomesInboxItem, outcomesInboxItemSchema } from '../outcomes/outcomes.inbox.js';
import { decidedForYouItem, decidedForYouSchema } from './decided-for-you.schemas.js';
import { inboxKinds } from './inbox.js';
import { journeyActionSchema, journeyStateSchema } from './journey.schemas.js';

const inboxItemSchema = z
  .object({
    kind: z.enum(inboxKinds),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    matchId: idSchema,
    state: journeyStateSchema,
    since: z.string().openapi({ description: 'When this became yours to do.' }),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    placement: z.object({ id: idSchema, title: z.string(), employerName: z.string() }),
    actions: z.array(journeyActionSchema).openapi({ description: 'The journey steps you may take on this match now.' }),
    weeksWithoutLog: z.array(z.string()).optional(),
    dueOn: z.string().optional(),
  })
  .openapi('InboxItem');

const passportDraftItemSchema = z
  .object({
    kind: z.literal('passport_draft_to_review'),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    draftId: idSchema,
    since: z.string().openapi({ description: 'When the job coach suggested it.' }),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    sections: z.array(z.string()).openapi({ description: 'The passport sections the suggestion changes.' }),
  })
  .openapi('InboxPassportDraft');

const shareEndingItemSchema = z
  .object({
    kind: z.literal('share_ending_soon'),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    shareId: idSchema,
    endsOn: z.string(),
    employerName: z.string(),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
  })
  .openapi('InboxShareEndingSoon');

const inbox = createRoute({
  method: 'get',
  path: '/v1/me/inbox',
  operationId: 'getInbox',
  tags: ['placement journey'],
  summary: 'What I must act on, newest first',
  description:
    'Young people and delegates (with respond_to_proposals): proposals to answer. Employers: proposals to decide on, internships to start, reviews due. ' +
    'Job coaches, for their own caseload: internships to start, weeks with no log, reviews due, 12-month follow-ups due. ' +
    'Young people and delegates with edit_passport also get the passport changes a job coach suggested (`passportDrafts`). ' +
    'Job coaches also get their Access to Work tasks (`accessToWork`) and their EHC plan reviews and follow-ups due (`outcomes`); young people what a parent or carer decided for them (`decidedForYou`). ' +
    'Employers, young people and delegates get the adjustment reminders that are theirs (`adjustments`).',
  ...bearer,
  request: { query: paginationQuery },
  responses: {
    200: jsonResponse(
      pageOf(inboxItemSchema, 'InboxPage')
        .extend({
          sharesEndingSoon: z.array(shareEndingItemSchema).openapi({
            description:
              'Passport shares that end within two weeks, soonest first, for whoever may renew them (`POST .../passport/shares/{shareId}/renew`).',
          }),
          passportDrafts: z.array(passportDraftItemSchema).openapi({
            description:
              'Passport changes a job coach suggested that you may accept or reject (young people, and delegates with edit_passport), newest first.',
          }),
          accessToWork: z.array(accessToWorkInboxItemSchema).openapi({
            description:
              'Job coaches: what Access to Work needs of them today for the young people they support (the same tasks the daily reminders email), each with the page where it is done.',
          }),
          outcomes: z.array(outcomesInboxItemSchema).openapi({
            description:
              'Job coaches: for the young people they support, EHC plan reviews within 4 weeks and the 6- and 9-month follow-ups due (the same tasks the daily reminders email), soonest first, each with the page where it is done.',
          }),
          adjustments: z.array(adjustmentInboxTaskSchema).openapi({
            description:
              'The adjustment reminders the daily run emails, while they are due: employer staff get answers and late adjustments for their employer, young people (and delegates with respond_to_proposals) the checks to answer. One a journey and kind, without the words of any request.',
          }),
          decidedForYou: z.array(decidedForYouSchema).openapi({
            description:
              'Young people: what a parent or carer decided for them in the last 28 days (answered a proposal, shared the passport), newest first.',
          }),
        })
        .openapi('Inbox'),
      'The inbox.',
    ),
    ...errorResponses(401),
  },
});

export function inboxRoutes() {
  return createRouter().openapi(inbox, async (c) => {
    const caller = actor(c);
    const { inbox } = c.var.services;
    const [items, passportDrafts, sharesEndingSoon, accessToWork, outcomes, decidedForYou, adjustments] =
      await Promise.all([
        inbox.inbox(caller),
        inbox.passportDrafts(caller),
        inbox.sharesEndingSoon(caller),
        c.var.services.accessToWork.coachTasks(caller),
        c.var.services.outcomes.coachTasks(caller),
        inbox.decidedForYou(caller),
        c.var.services.adjustments.inboxTasks(caller),
      ]);
    return c.json(
      {
        ...pageFrom(items, c.req.valid('query')),
        passportDrafts,
        sharesEndingSoon,
        accessToWork: accessToWork.map(accessToWorkInboxItem),
        outcomes: outcomes.map(outcomesInboxItem),
        decidedForYou: decidedForYou.map(decidedForYouItem),
        adjustments,
      },
      200,
    );
  });
}
