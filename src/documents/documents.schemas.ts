import { z } from '@hono/zod-openapi';
import { idSchema } from '../core/db/ids.js';
import { dateSchema, pageOf } from '../domain/schemas.js';
import { documentKinds } from '../domain/vocabulary.js';
import { acceptedContentTypes } from './documents.rules.js';

export const documentKindSchema = z.enum(documentKinds).openapi({
  description:
    'What the document is. An employer hosting the intern, with an active share of their passport, may download only an employer_agreement, risk_assessment or induction_checklist.',
});

/** The upload form's fields; the file itself is checked by the service (size, then content). */
export const uploadFormSchema = z
  .object({
    kind: documentKindSchema,
    title: z.string().max(200).optional().openapi({
      description:
        'What to call it on the record (up to 120 characters are kept, letters, digits, spaces and simple punctuation). Defaults to the kind’s name. The file’s own name is never used.',
      example: 'Award letter for 2026-27',
    }),
    file: z
      .custom<File>((value) => value instanceof File, { message: 'choose a file to upload' })
      .openapi({
        type: 'string',
        format: 'binary',
        description: 'A PDF, PNG or JPEG of at most 10 MB (10,485,760 bytes), recognised by its content, not its name.',
      }),
  })
  .openapi('DocumentUpload');

export const documentSchema = z
  .object({
    id: idSchema,
    kind: documentKindSchema,
    kindLabel: z.string().openapi({ example: 'Risk assessment' }),
    title: z.string().openapi({ example: 'Risk assessment for the kitchen' }),
    contentType: z.enum(Object.keys(acceptedContentTypes) as [keyof typeof acceptedContentTypes]),
    sizeBytes: z.number().int().min(0),
    uploadedAt: z.string().openapi({ format: 'date-time' }),
    retainUntil: dateSchema.openapi({ description: 'After this day the daily run deletes the document.' }),
    mayDelete: z.boolean().openapi({ description: 'Whether the caller may delete it.' }),
  })
  .openapi('Document');

export const documentPageSchema = pageOf(documentSchema, 'DocumentPage');
