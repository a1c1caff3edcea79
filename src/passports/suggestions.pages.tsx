import { type Context, Hono } from 'hono';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import { csrfToken } from '../web/csrf.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import { type FieldErrors, maxLengthOf, readForm, text, tooLongAnswers } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { personPage } from '../web/young-person.js';
import { draftInputSchema } from './passports.schemas.js';
import { contentFrom, SectionForm, type SectionFormValues, valuesFrom, valuesFromForm } from './section-form.js';

const isSection = (value: string): value is PassportSection => (passportSections as readonly string[]).includes(value);

/**
 * A job coach suggests a change to one section; the young person (or a delegate who may edit the
 * passport) accepts or rejects it on their drafts page. The coach sees only the sections the
 * owner lets them see, and the service decides whether they may suggest at all.
 */
async function suggestionPage(
  c: Context<WebEnv>,
  submitted?: { values: SectionFormValues; note: string; errors: FieldErrors },
) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach')
    throw pageForbidden('Only a young person’s job coach can suggest changes to their passport.');
  const id = pageParam(c, 'id');
  const section = pageParam(c, 'section');
  if (!isSection(section)) throw pageNotFound();
  const { view, person } = await c.var.services.passports.read(actor, id, c.get('requestId'));
  if (!view.visibleSections.includes(section)) throw pageNotFound();
  const hasErrors = submitted !== undefined && Object.keys(submitted.errors).length > 0;
  if (hasErrors) c.status(400);
  const page = personPage(c, id);
  if (page instanceof Response) return page;
  return renderPage(
    c,
    {
      title: `Suggest a change: ${sectionLabels[section]} – ${person.preferredName}`,
      hasErrors,
      backLink: `/young-people/${id}`,
    },
    <SectionForm
      person={page}
      section={section}
      version={view.version}
      values={submitted?.values ?? valuesFrom(section, view.sections)}
      errors={submitted?.errors ?? {}}
      csrf={csrfToken(c)}
      suggestion={{
        caption: `Suggest a change to ${person.preferredName}’s passport`,
        intro: `${person.preferredName} decides whether your change goes in. Nothing changes until they accept it.`,
        button: 'Send the suggestion',
        cancelHref: `/young-people/${id}`,
        note: { value: submitted?.note ?? '', error: submitted?.errors.note },
      }}
    />,
  );
}

async function suggest(c: Context<WebEnv>) {
  const section = pageParam(c, 'section');
  if (!isSection(section)) throw pageNotFound();
  const form = await readForm(c);
  const values = valuesFromForm(section, form);
  const note = text(form, 'note');
  const { content, errors } = contentFrom(section, values);
  Object.assign(
    errors,
    tooLongAnswers(form, { note: { label: 'Your note', max: maxLengthOf(draftInputSchema.shape.note) } }),
  );
  if (!content || errors.note) return suggestionPage(c, { values, note, errors });
  const id = pageParam(c, 'id');
  await c.var.services.passports.proposeDraft(
    pageActor(c),
    id,
    { sections: { [section]: content }, ...(note ? { note } : {}) },
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    `/young-people/${id}`,
    'Your suggestion is sent',
    'The young person will see it and decide.',
  );
}

export function suggestionPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id{[0-9a-f]{24}}/passport/suggest/:section', (c) => suggestionPage(c));
  app.post('/young-people/:id{[0-9a-f]{24}}/passport/suggest/:section', (c) => suggest(c));
  return app;
}
