import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { emailSchema, shortText } from '../domain/schemas.js';
import { delegateRights, roles } from '../domain/vocabulary.js';
import { passwordMaxLength, passwordMinLength } from './passwords.js';

export const roleSchema = z.enum(roles);
export const delegateRightSchema = z.enum(delegateRights);

export const newPasswordSchema = z
  .string()
  .min(passwordMinLength, { message: `must be at least ${passwordMinLength} characters; three random words work well` })
  .max(passwordMaxLength)
  .openapi({
    description: `At least ${passwordMinLength} characters. Three random words work well. A common password, one with the part of your email before the @, or with your name is refused with 422.`,
  });

export const signInSchema = z
  .strictObject({ email: emailSchema, password: z.string().min(1).max(passwordMaxLength) })
  .openapi('SignIn');

export const passwordChangeSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(passwordMaxLength), newPassword: newPasswordSchema })
  .openapi('PasswordChange');

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema }).openapi('PasswordResetRequest');

export const passwordResetRequestedSchema = z
  .object({
    message: z.string().openapi({
      description: 'The same words whether or not an account has this address: who holds the address learns by email.',
    }),
  })
  .openapi('PasswordResetRequested');

export const passwordResetConfirmSchema = z
  .strictObject({
    token: z.string().min(20).max(200).openapi({ description: 'The token from the link in the email.' }),
    newPassword: newPasswordSchema,
  })
  .openapi('PasswordResetConfirm');

export const refreshSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) }).openapi('RefreshRequest');

export const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the access token expires.' }),
    refreshToken: z.string().openapi({ description: 'Opaque; single use. Each refresh returns a new one.' }),
    refreshExpiresIn: z.number().int(),
  })
  .openapi('TokenPair');

export const accountSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: z.enum(['active', 'disabled']),
    providerId: idSchema.optional(),
    employerId: idSchema.optional(),
    youngPersonId: idSchema.optional(),
    createdAt: z.string(),
  })
  .openapi('Account');

export const meSchema = z
  .object({
    account: accountSchema,
    organisation: z
      .object({
        type: z.enum(['provider', 'employer']),
        id: idSchema,
        name: z.string(),
        verified: z.boolean().optional(),
      })
      .nullable(),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }).optional(),
    actsFor: z.array(
      z.object({
        youngPersonId: idSchema,
        preferredName: z.string(),
        rights: z.array(delegateRightSchema),
        relationship: z.string().optional(),
      }),
    ),
  })
  .openapi('Me');

export const invitationInputSchema = z
  .strictObject({
    role: roleSchema,
    email: emailSchema,
    name: shortText(120),
    youngPersonId: idSchema.optional().openapi({
      description:
        'Required when inviting a young person: their record. When inviting a delegate: whom they will act for (by default the inviter).',
    }),
    rights: z
      .array(delegateRightSchema)
      .min(1)
      .max(6)
      .optional()
      .openapi({ description: 'Required when a young person invites a delegate.' }),
    relationship: shortText(60).optional().openapi({ example: 'parent' }),
  })
  .openapi('InvitationInput', {
    description:
      'A young person invitation names their record (`youngPersonId`); staff and employer invitations name none (422 otherwise). ' +
      'Whether the caller may invite this role, for this record, and a delegate invitation’s `rights` are checked on the records (422).',
  });

export const invitationSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    role: roleSchema,
    expiresAt: z.string(),
    emailed: z.literal(true).openapi({
      description:
        'The invitee is emailed a link to accept (it works once, for 7 days). The link is never shown to the inviter.',
    }),
  })
  .openapi('Invitation');

export const acceptInvitationSchema = z
  .strictObject({ token: z.string().min(20).max(100), password: newPasswordSchema, name: shortText(120).optional() })
  .openapi('AcceptInvitation');

export type AccountView = z.infer<typeof accountSchema>;
