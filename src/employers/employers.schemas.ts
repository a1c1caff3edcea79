import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import {
  addressSchema,
  coordinatesSchema,
  disabilityConfidentSchema,
  emailSchema,
  longText,
  sectorSchema,
  shortText,
} from '../domain/schemas.js';

export const contactSchema = z
  .strictObject({
    name: shortText(120),
    jobTitle: shortText(120).optional(),
    email: emailSchema.optional(),
    // Checked before the spaces around it are trimmed, so the document's pattern is the rule applied.
    phone: z
      .string()
      .max(40)
      .regex(/^ *[0-9+(][0-9 +()-]{4,18}[0-9)] *$/, { message: 'must be a phone number' })
      .trim()
      .optional(),
  })
  .openapi('EmployerContact');

const employerFields = {
  name: shortText(160),
  sector: sectorSchema,
  description: longText(2000),
  address: addressSchema,
  coordinates: coordinatesSchema.openapi({ description: 'Leave out to place the employer by its postcode.' }),
  disabilityConfident: disabilityConfidentSchema,
  website: z.url({ protocol: /^https?$/ }).max(200),
  contacts: z.array(contactSchema).max(10),
  employerReferenceNumber: z
    .string()
    .regex(/^\d{9}$/, { message: 'must be the 9 digits of the employer reference number' })
    .openapi({
      description: 'The employer reference number (ERN) a college’s ILR return names the work placement employer by.',
      example: '123456789',
    }),
};

export const employerInputSchema = z
  .strictObject({
    ...employerFields,
    description: employerFields.description.optional(),
    coordinates: employerFields.coordinates.optional(),
    disabilityConfident: employerFields.disabilityConfident.default('none'),
    website: employerFields.website.optional(),
    contacts: employerFields.contacts.default([]),
    employerReferenceNumber: employerFields.employerReferenceNumber.optional(),
  })
  .openapi('EmployerInput');

/** Built from the fields without defaults, so that a field left out of a patch stays as it is. */
export const employerPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(employerFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]),
    ) as {
      [K in keyof typeof employerFields]: z.ZodOptional<(typeof employerFields)[K]>;
    },
  )
  .openapi('EmployerPatch', { description: 'Only the fields sent are changed.' });

export const employerSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    sector: sectorSchema,
    description: z.string().optional(),
    address: addressSchema,
    coordinates: coordinatesSchema,
    disabilityConfident: disabilityConfidentSchema,
    website: z.string().optional(),
    employerReferenceNumber: z.string().optional(),
    verified: z.boolean(),
    verifiedAt: z.string().optional(),
    contacts: z
      .array(contactSchema)
      .optional()
      .openapi({ description: 'Only for the employer, and the provider that verified it.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Employer');

export type EmployerInput = z.output<typeof employerInputSchema>;
export type EmployerPatch = z.output<typeof employerPatchSchema>;
