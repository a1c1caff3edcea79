import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import { ApiError } from '../core/errors.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, paginationQuery } from '../domain/schemas.js';
import { uploadBodyLimitBytes } from './documents.rules.js';
import { documentPageSchema, documentSchema, uploadFormSchema } from './documents.schemas.js';

const tags = ['documents'];
const base = '/v1/young-people/{youngPersonId}/documents';
const person = idParams('youngPersonId');
const oneDocument = idParams('youngPersonId', 'documentId');
const readers =
  ' Read by the provider’s job coaches and admins, the young person, a delegate with the view_profile right, and an employer hosting the intern (agreed or in progress) while the young person shares their passport with it, for an employer agreement, risk assessment or induction checklist only.';

/** The API's one request that is not JSON: the upload, which has its own body limit. */
export function isDocumentUpload(c: Context): boolean {
  return c.req.method === 'POST' && /^\/v1\/young-people\/[^/]+\/documents\/?$/.test(c.req.path);
}

/** Multipart only, and refused with 413 while streaming once it is larger than any acceptable upload. */
const uploadBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError('unsupported_media_type', 'Send the document as multipart/form-data.');
  }
  return bodyLimit({
    maxSize: uploadBodyLimitBytes,
    onError: () => {
      throw new ApiError('payload_too_large', 'The file is larger than 10 MB. Send a smaller file.', {
        details: [{ path: 'file', in: 'body', message: 'must be 10 MB or smaller' }],
      });
    },
  })(c, next);
};

const listDocuments = createRoute({
  method: 'get',
  path: base,
  operationId: 'listDocuments',
  tags,
  summary: 'The documents on a young person’s record that the caller may download (metadata only)',
  description: `Newest first. An employer sees only the documents it may download.${readers}`,
  ...bearer,
  request: { params: person, query: paginationQuery },
  responses: { 200: jsonResponse(documentPageSchema, 'The documents.'), ...errorResponses(400, 401, 403, 404) },
});

const uploadDocument = createRoute({
  method: 'post',
  path: base,
  operationId: 'uploadDocument',
  tags,
  summary:
    'Upload a document (award letter, signed claim, employer agreement, risk assessment, induction checklist, certificate)',
  description:
    'Sent as `multipart/form-data` with `kind`, `file` and optionally `title`. 415 unless the file’s content is a PDF, PNG or JPEG (whatever its name or declared type says) or the body is not multipart; 413 for a file over 10 MB. Nothing is stored after a refusal. Uploaded by the provider’s job coaches and admins.',
  ...bearer,
  middleware: [uploadBody] as const,
  request: {
    params: person,
    body: { required: true, content: { 'multipart/form-data': { schema: uploadFormSchema } } },
  },
  responses: {
    201: jsonResponse(documentSchema, 'The stored document’s metadata.'),
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

const downloadDocument = createRoute({
  method: 'get',
  path: `${base}/{documentId}`,
  operationId: 'downloadDocument',
  tags,
  summary: 'Download a document',
  description: `Sent as an attachment with a name made by the service (for example \`risk-assessment-2026-11-20.pdf\`), \`Cache-Control: no-store\` and \`X-Content-Type-Options: nosniff\`. A download by anyone but the young person is in the young person’s access log.${readers}`,
  ...bearer,
  request: { params: oneDocument },
  responses: {
    200: {
      description: 'The file.',
      content: {
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const deleteDocument = createRoute({
  method: 'delete',
  path: `${base}/{documentId}`,
  operationId: 'deleteDocument',
  tags,
  summary: 'Delete a document, its file and its metadata',
  description: 'By the provider’s job coaches and admins.',
  ...bearer,
  request: { params: oneDocument },
  responses: { 204: { description: 'Deleted.' }, ...errorResponses(401, 403, 404) },
});

export function documentsRoutes() {
  return createRouter()
    .openapi(listDocuments, async (c) => {
      const { youngPersonId } = c.req.valid('param');
      const { items } = await c.var.services.documents.list(actor(c), youngPersonId);
      return c.json(pageFrom(items, c.req.valid('query')), 200);
    })
    .openapi(uploadDocument, async (c) => {
      const { youngPersonId } = c.req.valid('param');
      const form = c.req.valid('form');
      const saved = await c.var.services.documents.upload(
        actor(c),
        youngPersonId,
        { kind: form.kind, title: form.title, bytes: new Uint8Array(await form.file.arrayBuffer()) },
        c.get('requestId'),
      );
      return c.json(saved, 201);
    })
    .openapi(downloadDocument, async (c) => {
      const { youngPersonId, documentId } = c.req.valid('param');
      const file = await c.var.services.documents.download(actor(c), youngPersonId, documentId, c.get('requestId'));
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      }) as never;
    })
    .openapi(deleteDocument, async (c) => {
      const { youngPersonId, documentId } = c.req.valid('param');
      await c.var.services.documents.remove(actor(c), youngPersonId, documentId, c.get('requestId'));
      return c.body(null, 204);
    });
}
