import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Select } from '../web/components/Select.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrors, fieldErrorsFromRefusal, limitsOf, readForm, text } from '../web/forms.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { adjustmentRoute, Caption, checklistPath, loadItem, type Posted, refusals } from './adjustment-page.js';
import { adjustmentKinds } from './adjustments.machine.js';
import { addAdjustmentInputSchema, suggestAdjustmentInputSchema } from './adjustments.schemas.js';
import { kindWords } from './adjustments.words.js';

/** As many parts as the API takes: one rewords the request, more split it. */
const partNumbers = Array.from(
  { length: limitsOf(suggestAdjustmentInputSchema.shape.parts).maxItems ?? 1 },
  (_, index) => index + 1,
);

/** The request the coach may reword; 404 for one they may not see, 403 for one they may not reword. */
async function loadRewordable(c: Context<WebEnv>) {
  const { checklist, item } = await loadItem(c);
  if (!checklist.rewordable.includes(item.id))
    throw pageForbidden('Only the job coach suggests new words, and only before the employer answers.');
  return { checklist, item, back: checklistPath(checklist.matchId) };
}

async function rewordPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item, back } = await loadRewordable(c);
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  const shown = (field: string, number: number, first: string) =>
    posted ? text(posted.form, `${field}${number}`) : number === 1 ? first : '';
  return renderPage(
    c,
    { title: 'Suggest new words', hasErrors: Object.keys(errors).length > 0, backLink: back },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Caption checklist={checklist} />
        <h1 class="govuk-heading-l">Suggest new words</h1>
        <p class="govuk-body">{checklist.youngPersonName} asked for:</p>
        <div class="govuk-inset-text app-section-text">{item.text}</div>
        <p class="govuk-body">
          Write it more clearly in part 1, or split it into several parts. {checklist.youngPersonName} sees your words
          beside theirs and chooses. {checklist.employerName} sees nothing until they agree.
        </p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          {partNumbers.map((number) => (
            <Fieldset legend={`Part ${number}${number === 1 ? '' : ' (if you split it)'}`} legendSize="s">
              <Select
                name={`kind${number}`}
                label="What it is about"
                items={adjustmentKinds.map((value) => ({ value, text: kindWords[value] }))}
                value={shown('kind', number, item.kind ?? 'other')}
                error={errors[`kind${number}`]}
              />
              <Textarea
                name={`text${number}`}
                label="What helps"
                value={shown('text', number, item.text ?? '')}
                error={errors[`text${number}`]}
                rows={number === 1 ? 3 : 2}
              />
            </Fieldset>
          ))}
          <Button>Suggest these words</Button>
        </form>
      </div>
    </div>,
  );
}

async function saveReword(c: Context<WebEnv>) {
  const form = await readForm(c);
  const { checklist, item, back } = await loadRewordable(c);
  const filled = partNumbers.filter((number) => text(form, `text${number}`).trim() !== '');
  const errors: FieldErrors = {};
  const parts = [];
  for (const number of filled) {
    const parsed = addAdjustmentInputSchema.safeParse({
      kind: text(form, `kind${number}`),
      text: text(form, `text${number}`),
    });
    if (parsed.success) parts.push(parsed.data);
    else
      Object.assign(
        errors,
        fieldErrors(parsed.error, {
          kind: { label: `What part ${number} is about`, id: `kind${number}` },
          text: { label: `What helps, in part ${number}`, id: `text${number}` },
        }),
      );
  }
  if (filled.length === 0) errors.text1 = 'Enter what helps, in part 1';
  if (Object.keys(errors).length > 0) return rewordPage(c, { form, errors });
  try {
    await c.var.services.adjustments.suggest(pageActor(c), checklist.matchId, item.id, { parts }, c.get('requestId'));
  } catch (error) {
    return rewordPage(c, {
      form,
      errors: fieldErrorsFromRefusal(error, {
        codes: refusals,
        fieldFor: () => 'text1',
        fallbackField: 'text1',
      }),
    });
  }
  return redirectWithFlash(c, back, `Suggested. ${checklist.youngPersonName} is asked to choose`);
}

export function rewordPages() {
  const app = new Hono<WebEnv>();
  const path = `${adjustmentRoute}/new-words`;
  app.get(path, (c) => rewordPage(c));
  app.post(path, (c) => saveReword(c));
  return app;
}
