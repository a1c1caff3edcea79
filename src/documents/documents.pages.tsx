import { type Context, Hono } from 'hono';
import { documentKindLabels, documentKinds } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { FileUpload } from '../web/components/FileUpload.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { WarningText } from '../web/components/WarningText.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { type FieldErrors, fieldErrorsFromRefusal } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, personPage } from '../web/young-person.js';
import { uploadBodyLimitBytes } from './documents.rules.js';
import { uploadFormSchema } from './documents.schemas.js';
import type { DocumentView } from './documents.service.js';

const idPattern = '[0-9a-f]{24}';
const base = (youngPersonId: string) => `/young-people/${youngPersonId}/documents`;

const typeWords: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'picture (PNG)',
  'image/jpeg': 'picture (JPEG)',
};
const sizeWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface UploadForm {
  kind?: string;
  title?: string;
}

/** One document: what it is, and the links the reader may use. */
function DocumentItem(props: { youngPersonId: string; document: DocumentView }) {
  const { document } = props;
  const href = `${base(props.youngPersonId)}/${document.id}`;
  return (
    <li>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{document.title}</h3>
      <p class="govuk-body govuk-!-margin-bottom-1">
        {document.title === document.kindLabel ? null : `${document.kindLabel}. `}A {typeWords[document.contentType]},{' '}
        {sizeWords(document.sizeBytes)}, added on {longDate(document.uploadedAt)}.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={href}>
          Download<span class="govuk-visually-hidden"> {document.title}</span>
        </a>
        {document.mayDelete ? (
          <>
            {' · '}
            <a class="govuk-link" href={`${href}/delete`}>
              Delete<span class="govuk-visually-hidden"> {document.title}</span>
            </a>
          </>
        ) : null}
      </p>
    </li>
  );
}

async function listPage(c: Context<WebEnv>, form: UploadForm = {}, errors: FieldErrors = {}) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const listed = await c.var.services.documents.list(page.actor, youngPersonId);
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const ownPapers = page.actor.role === 'young_person';
  const title = listed.mayUpload
    ? 'Documents'
    : ownPapers
      ? 'Your papers'
      : page.actor.role === 'employer'
        ? `Papers for ${listed.preferredName}`
        : `${listed.preferredName}’s papers`;
  return renderPage(
    c,
    { title: listed.mayUpload ? `Documents: ${listed.preferredName}` : title, hasErrors },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {listed.mayUpload ? <span class="govuk-caption-l">{listed.preferredName}</span> : null}
        <h1 class="govuk-heading-l">{title}</h1>
        {listed.mayUpload ? (
          <p class="govuk-body">
            Papers of the internship, kept with {listed.preferredName}’s record. {listed.preferredName} can download
            them. Each is deleted after the date it is kept until.
          </p>
        ) : ownPapers ? (
          <p class="govuk-body">
            These are papers about your internship. Your job coach adds them. You can download them. When someone else
            downloads one, you can see it on the page about who has seen your passport.
          </p>
        ) : null}
        {listed.items.length === 0 ? (
          <p class="govuk-body">There are no papers here yet.</p>
        ) : (
          <ul class="govuk-list">
            {listed.items.map((document) => (
              <DocumentItem youngPersonId={youngPersonId} document={document} />
            ))}
          </ul>
        )}
        {listed.mayUpload ? (
          <form method="post" action={base(youngPersonId)} enctype="multipart/form-data" novalidate>
            <CsrfField token={csrfToken(c)} />
            <h2 class="govuk-heading-m">Add a document</h2>
            <Radios
              name="kind"
              legend="What is it?"
              legendSize="s"
              value={form.kind}
              error={errors.kind}
              items={documentKinds.map((kind) => ({ value: kind, text: documentKindLabels[kind] }))}
            />
            <Input
              name="title"
              label="Name on the record (optional)"
              hint="For example, Risk assessment for the kitchen. If you leave it empty, we use what it is."
              value={form.title}
              error={errors.title}
            />
            <FileUpload
              name="file"
              label="Choose the file"
              hint="A PDF, or a photo or scan as a PNG or JPEG. At most 10 MB."
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              error={errors.file}
            />
            <Button>Upload document</Button>
          </form>
        ) : null}
      </div>
    </div>,
  );
}

async function upload(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const body = await c.req.parseBody();
  const chosenFile = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const form: UploadForm = {
    kind: typeof body.kind === 'string' ? body.kind : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
  };
  const parsed = uploadFormSchema.safeParse({ ...form, title: form.title || undefined, file: chosenFile });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'kind') errors.kind ??= 'Choose what the document is';
      if (field === 'title') errors.title ??= 'Name on the record must be 200 characters or fewer';
      if (field === 'file') errors.file ??= 'Choose a file to upload';
    }
    return listPage(c, form, errors);
  }
  try {
    await c.var.services.documents.upload(
      pageActor(c),
      youngPersonId,
      { kind: parsed.data.kind, title: parsed.data.title, bytes: new Uint8Array(await parsed.data.file.arrayBuffer()) },
      c.get('requestId'),
    );
  } catch (error) {
    const errors = fieldErrorsFromRefusal(error, {
      codes: ['unsupported_media_type', 'payload_too_large'],
      fieldFor: () => 'file',
      fallbackField: 'file',
      wording: { file: { label: 'The file' } },
    });
    return listPage(c, form, errors);
  }
  return redirectWithFlash(c, base(youngPersonId), 'The document is uploaded');
}

async function download(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const file = await c.var.services.documents.download(
    page.actor,
    youngPersonId,
    pageParam(c, 'documentId'),
    c.get('requestId'),
  );
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

async function confirmDelete(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const documentId = pageParam(c, 'documentId');
  const document = await c.var.services.documents.document(pageActor(c), youngPersonId, documentId);
  const title = `Delete ${document.title}?`;
  return renderPage(
    c,
    { title, backLink: base(youngPersonId) },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">
          {document.kindLabel}, added on {longDate(document.uploadedAt)}.
        </p>
        <WarningText>You cannot undo this. The file is deleted for everyone.</WarningText>
        <form method="post" action={`${base(youngPersonId)}/${documentId}/delete`} novalidate>
          <CsrfField token={csrfToken(c)} />
          <ButtonGroup>
            <Button variant="warning">Yes, delete it</Button>
            <a class="govuk-link" href={base(youngPersonId)}>
              No, keep it
            </a>
          </ButtonGroup>
        </form>
      </div>
    </div>,
  );
}

async function remove(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  await c.var.services.documents.remove(pageActor(c), youngPersonId, pageParam(c, 'documentId'), c.get('requestId'));
  return redirectWithFlash(c, base(youngPersonId), 'The document is deleted');
}

/** The documents of a young person: the staff's list with the upload form, and "Your papers" for everyone else. */
export function documentPages() {
  const app = new Hono<WebEnv>();
  const path = `/young-people/:youngPersonId{${idPattern}}/documents`;
  app.get(path, (c) => listPage(c));
  app.post(path, (c) => upload(c));
  app.get(`${path}/:documentId{${idPattern}}`, (c) => download(c));
  app.get(`${path}/:documentId{${idPattern}}/delete`, (c) => confirmDelete(c));
  app.post(`${path}/:documentId{${idPattern}}/delete`, (c) => remove(c));
  return {
    routes: app,
    uploads: [{ path: new RegExp(`^/young-people/${idPattern}/documents/?$`), maxBytes: uploadBodyLimitBytes }],
  };
}
