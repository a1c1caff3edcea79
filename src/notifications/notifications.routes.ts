import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { notificationKinds, type OptionalKind, optionalKinds } from './kinds.js';
import { notificationStatuses } from './outbox.js';

const emailChoices = z
  .object(
    Object.fromEntries(optionalKinds.map((kind) => [kind, z.boolean().optional()])) as Record<
      OptionalKind,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .strict()
  .openapi({
    description:
      'Whether to email each kind; a kind left out is on. Security emails and invitations are always sent and cannot be listed here.',
  });

const preferencesInput = z
  .object({
    email: emailChoices,
    dailyDigest: z.boolean().openapi({ description: 'One email a day with everything instead of one email each.' }),
  })
  .strict()
  .openapi('NotificationPreferencesInput');

const preferencesSchema = z
  .object({
    email: z.record(z.enum(optionalKinds), z.boolean()),
    dailyDigest: z.boolean(),
    alwaysSent: z.array(z.enum(notificationKinds)).openapi({
      description: 'Kinds that are always emailed at once (account security, invitations, the digest itself).',
    }),
  })
  .openapi('NotificationPreferences');

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    description: z.string(),
    status: z.enum(notificationStatuses),
    recipient: z.object({ name: z.string(), email: z.string() }),
    attempts: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().optional(),
    failedAt: z.string().optional(),
    lastError: z
      .string()
      .optional()
      .openapi({ description: 'The kind of failure (e.g. "Error ECONNREFUSED"), never the message.' }),
  })
  .openapi('Notification');

const listQuery = z
  .object({
    status: z
      .enum(notificationStatuses)
      .optional()
      .openapi({ description: 'For provider admins, `failed` unless given.' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();

const getPreferences = createRoute({
  method: 'get',
  path: '/v1/me/notification-preferences',
  operationId: 'getNotificationPreferences',
  tags: ['notifications'],
  summary: 'Which emails I get',
  ...bearer,
  responses: { 200: jsonResponse(preferencesSchema, 'My choices.'), ...errorResponses(401) },
});

const putPreferences = createRoute({
  method: 'put',
  path: '/v1/me/notification-preferences',
  operationId: 'setNotificationPreferences',
  tags: ['notifications'],
  summary: 'Choose which emails I get, and whether to get one email a day',
  ...bearer,
  request: { body: jsonBody(preferencesInput) },
  responses: { 200: jsonResponse(preferencesSchema, 'My choices, as saved.'), ...errorResponses(400, 401, 415) },
});

const listNotifications = createRoute({
  method: 'get',
  path: '/v1/notifications',
  operationId: 'listNotifications',
  tags: ['notifications'],
  summary: 'Emails sent or to be sent, without their contents',
  description:
    "A provider admin sees their provider's notifications, by default the ones that could not be delivered (to pass the message on another way). " +
    'Everyone else sees the notifications addressed to them. No message body is ever returned.',
  ...bearer,
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(notificationSchema), total: z.number().int() }).openapi('NotificationList'),
      'Newest first.',
    ),
    ...errorResponses(400, 401),
  },
});

export function notificationsRoutes() {
  return createRouter()
    .openapi(getPreferences, async (c) => {
      return c.json(await c.var.services.notifications.preferences(actor(c)), 200);
    })
    .openapi(putPreferences, async (c) => {
      const input = c.req.valid('json');
      const email = Object.fromEntries(optionalKinds.map((kind) => [kind, input.email[kind] ?? true])) as Record<
        OptionalKind,
        boolean
      >;
      return c.json(
        await c.var.services.notifications.setPreferences(actor(c), { email, dailyDigest: input.dailyDigest }),
        200,
      );
    })
    .openapi(listNotifications, async (c) => {
      return c.json(await c.var.services.notifications.list(actor(c), c.req.valid('query')), 200);
    });
}
