import { type Context, Hono } from 'hono';
import { type AdjustmentCategory, adjustmentCategories } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList, type SummaryRow } from '../web/components/SummaryList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, list, readForm, text } from '../web/forms.js';
import { pageParam } from '../web/page-context.js';
import {
  adjustmentCategoryItems,
  adjustmentLabel,
  sectionIntro,
  sectionTitle,
  textFields,
} from '../web/passport-fields.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { type PersonPage, withPerson } from '../web/young-person.js';
import { mostAdjustments, type PassportSections, whatHelpsSchema } from './passports.schemas.js';
import { moreAboutHelpsTitle } from './section-form.js';

/**
 * "What helps me at work" the GOV.UK "add another thing" way: a summary of the helps with
 * Change and Remove beside each, and one help per page. Each save is a save of the section
 * (a new version of the passport), so history, drafts and conflicts work as for any section.
 */

type Help = NonNullable<PassportSections['whatHelps']>['adjustments'][number];

/** The heading of the page with the section's other words: school or college, and colleagues. */
const helpsPath = (person: PersonPage) => `/young-people/${person.youngPersonId}/passport/sections/whatHelps`;

const conflictMessage =
  'Someone else saved the passport while you were editing. Your words are still here. Check them, then save again.';

async function currentHelps(c: Context<WebEnv>, person: PersonPage) {
  const { view } = await c.var.services.passports.read(person.actor, person.youngPersonId, c.get('requestId'));
  if (!view.visibleSections.includes('whatHelps')) throw pageNotFound();
  const section = view.sections.whatHelps ?? { adjustments: [] };
  return { version: view.version, section, helps: section.adjustments };
}

/** "2" in a path means the second help; anything else is not a help of this passport. */
function helpInPath(c: Context<WebEnv>, helps: readonly Help[]): { number: number; help: Help } {
  const number = Number(pageParam(c, 'number'));
  const help = Number.isInteger(number) && number >= 1 ? helps[number - 1] : undefined;
  if (!help) throw pageNotFound();
  return { number, help };
}

/** Saves the section with `helps` in place of the helps it had, keeping its other words. */
async function saveHelps(
  c: Context<WebEnv>,
  person: PersonPage,
  baseVersion: number,
  section: NonNullable<PassportSections['whatHelps']>,
  helps: Help[],
) {
  await c.var.services.passports.saveSection(
    person.actor,
    person.youngPersonId,
    'whatHelps',
    { baseVersion, content: whatHelpsSchema.parse({ ...section, adjustments: helps }) },
    c.get('requestId'),
  );
}

const currentVersionOf = (error: unknown, fallback: number) =>
  (isRefusal(error) ? (error.details as { currentVersion?: number } | undefined)?.currentVersion : undefined) ??
  fallback;

// ---------------------------------------------------------------- the summary

async function helpsPage(c: Context<WebEnv>, person: PersonPage) {
  const { section, helps } = await currentHelps(c, person);
  const title = sectionTitle('whatHelps', person);
  const canChange = person.may('edit_passport');
  const helpRows: SummaryRow[] = helps.map((help, i) => ({
    key: `Help ${i + 1}`,
    value: (
      <>
        <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{adjustmentLabel(help.category)}</p>
        <p class="govuk-body app-section-text govuk-!-margin-bottom-1">{help.details}</p>
        {help.inPlace ? <p class="govuk-body-s govuk-!-margin-bottom-0">Already agreed at work.</p> : null}
      </>
    ),
    ...(canChange
      ? {
          action: [
            { href: `${helpsPath(person)}/helps/${i + 1}`, visuallyHiddenText: `help ${i + 1}` },
            { href: `${helpsPath(person)}/helps/${i + 1}/remove`, text: 'Remove', visuallyHiddenText: `help ${i + 1}` },
          ],
        }
      : {}),
  }));
  const moreRows: SummaryRow[] = (textFields.whatHelps ?? []).map((field) => {
    const value = section[field.name as 'supportInEducation' | 'whatColleaguesCanDo'];
    return {
      key: field.label,
      value: value ? <span class="app-section-text">{value}</span> : 'Not written yet',
      ...(canChange ? { action: { href: `${helpsPath(person)}/more`, visuallyHiddenText: field.label } } : {}),
    };
  });
  return renderPage(
    c,
    { title, backLink: `/young-people/${person.youngPersonId}/passport` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{person.whose('adjustments passport')}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{sectionIntro('whatHelps', person)}</p>
        <h2 class="govuk-heading-m">
          {helps.length === 0 ? 'No helps yet' : helps.length === 1 ? '1 help' : `${helps.length} helps`}
        </h2>
        {helps.length > 0 ? <SummaryList rows={helpRows} /> : null}
        {canChange && helps.length < mostAdjustments ? (
          <Button href={`${helpsPath(person)}/helps/new`} variant="secondary">
            {helps.length === 0 ? 'Add a help' : 'Add another help'}
          </Button>
        ) : null}
        {canChange && helps.length >= mostAdjustments ? (
          <p class="govuk-body">
            The passport has {mostAdjustments} helps, the most it can hold. To add one, change or remove another.
          </p>
        ) : null}
        <h2 class="govuk-heading-m">{moreAboutHelpsTitle}</h2>
        <SummaryList rows={moreRows} />
        <p class="govuk-body">
          <a class="govuk-link" href={`/young-people/${person.youngPersonId}/passport`}>
            Back to {person.my} passport
          </a>
        </p>
      </div>
    </div>,
  );
}

// ---------------------------------------------------------------- one help

interface HelpForm {
  category: string;
  details: string;
  inPlace: boolean;
}

function HelpFormPage(props: {
  person: PersonPage;
  number: number;
  version: number;
  values: HelpForm;
  errors: FieldErrors;
  csrf: string;
}) {
  const { person, number, values, errors } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{sectionTitle('whatHelps', person)}</span>
        <h1 class="govuk-heading-l">Help {number}</h1>
        <form method="post" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="baseVersion" value={String(props.version)} />
          <Radios
            name="category"
            legend="What kind of help is it?"
            legendSize="s"
            items={adjustmentCategoryItems}
            value={values.category}
            error={errors.category}
          />
          <CharacterCount
            name="details"
            label="What helps"
            hint={
              person.asDelegate
                ? `In ${person.your} words. For example: "Show me each new task, then let me try it while you watch."`
                : 'For example: "Show me each new task, then let me try it while you watch."'
            }
            value={values.details}
            rows={4}
            maxLength={1000}
            error={errors.details}
          />
          <Checkboxes
            small
            name="inPlace"
            legend="Is it agreed at work already?"
            legendSize="s"
            items={[{ value: 'yes', text: 'Yes, it is agreed already' }]}
            values={values.inPlace ? ['yes'] : []}
          />
          <ButtonGroup>
            <Button>Save help {number}</Button>
            <a class="govuk-link" href={helpsPath(person)}>
              Cancel
            </a>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

function renderHelpForm(
  c: Context<WebEnv>,
  person: PersonPage,
  page: { number: number; version: number; values: HelpForm; errors: FieldErrors },
) {
  const hasErrors = Object.keys(page.errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `Help ${page.number}`, hasErrors, backLink: helpsPath(person) },
    <HelpFormPage person={person} csrf={csrfToken(c)} {...page} />,
  );
}

/** A new help after the others when `adding`; otherwise the help numbered in the path. */
async function helpPage(c: Context<WebEnv>, person: PersonPage, adding: boolean) {
  const { version, helps } = await currentHelps(c, person);
  if (adding) {
    if (helps.length >= mostAdjustments) return c.redirect(helpsPath(person), 303);
    return renderHelpForm(c, person, {
      number: helps.length + 1,
      version,
      values: { category: '', details: '', inPlace: false },
      errors: {},
    });
  }
  const { number, help } = helpInPath(c, helps);
  return renderHelpForm(c, person, { number, version, values: { ...help }, errors: {} });
}

function helpErrors(values: HelpForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!(adjustmentCategories as readonly string[]).includes(values.category))
    errors.category = 'Choose what kind of help it is';
  if (!values.details) errors.details = 'Say what helps';
  else if (values.details.length > 1000) errors.details = 'What helps must be 1000 characters or fewer';
  return errors;
}

async function saveHelp(c: Context<WebEnv>, person: PersonPage, adding: boolean) {
  const form = await readForm(c);
  const values: HelpForm = {
    category: text(form, 'category'),
    details: text(form, 'details'),
    inPlace: list(form, 'inPlace').length > 0,
  };
  const baseVersion = Number(text(form, 'baseVersion'));
  const { version, section, helps } = await currentHelps(c, person);
  const editing = adding ? undefined : helpInPath(c, helps);
  const number = editing?.number ?? helps.length + 1;
  const again = (errors: FieldErrors, at: number) => renderHelpForm(c, person, { number, version: at, values, errors });
  if (adding && helps.length >= mostAdjustments)
    return again({ category: `The passport has ${mostAdjustments} helps, the most it can hold` }, version);
  const errors = helpErrors(values);
  if (Object.keys(errors).length > 0 || !Number.isInteger(baseVersion))
    return again(errors, Number.isInteger(baseVersion) ? baseVersion : version);
  const workedAt = editing?.help.workedAt;
  const help: Help = {
    ...(workedAt ? { workedAt } : {}),
    category: values.category as AdjustmentCategory,
    details: values.details,
    inPlace: values.inPlace,
  };
  const changed = adding ? [...helps, help] : helps.map((old, i) => (i === number - 1 ? help : old));
  try {
    await saveHelps(c, person, baseVersion, section, changed);
  } catch (error) {
    if (isRefusal(error, 'conflict')) return again({ form: conflictMessage }, currentVersionOf(error, version));
    throw error;
  }
  return redirectWithFlash(c, helpsPath(person), `Help ${number} is saved`, 'The other helps have not changed.');
}

// ---------------------------------------------------------------- removing one

function renderRemovePage(
  c: Context<WebEnv>,
  person: PersonPage,
  page: { number: number; help: Help; version: number; errors: FieldErrors },
) {
  const hasErrors = Object.keys(page.errors).length > 0;
  if (hasErrors) c.status(409);
  const title = `Remove help ${page.number}?`;
  return renderPage(
    c,
    { title, hasErrors, backLink: helpsPath(person) },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={page.errors} />
        <span class="govuk-caption-l">{sectionTitle('whatHelps', person)}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        <SummaryList
          rows={[
            { key: 'Kind of help', value: adjustmentLabel(page.help.category) },
            { key: 'What helps', value: <span class="app-section-text">{page.help.details}</span> },
          ]}
        />
        <p class="govuk-body">
          An earlier version of the passport keeps it. You can bring it back from “Earlier versions”.
        </p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <input type="hidden" name="baseVersion" value={String(page.version)} />
          <ButtonGroup>
            <Button variant="warning">Yes, remove help {page.number}</Button>
            <a class="govuk-link" href={helpsPath(person)}>
              No, keep it
            </a>
          </ButtonGroup>
        </form>
      </div>
    </div>,
  );
}

async function removeHelpPage(c: Context<WebEnv>, person: PersonPage) {
  const { version, helps } = await currentHelps(c, person);
  const { number, help } = helpInPath(c, helps);
  return renderRemovePage(c, person, { number, help, version, errors: {} });
}

async function removeHelp(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const { version, section, helps } = await currentHelps(c, person);
  const { number, help } = helpInPath(c, helps);
  const baseVersion = Number(text(form, 'baseVersion'));
  try {
    await saveHelps(
      c,
      person,
      Number.isInteger(baseVersion) ? baseVersion : -1,
      section,
      helps.filter((_, i) => i !== number - 1),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict'))
      return renderRemovePage(c, person, {
        number,
        help,
        version: currentVersionOf(error, version),
        errors: { form: 'Someone else saved the passport since you opened this page. Check it is the help to remove.' },
      });
    throw error;
  }
  return redirectWithFlash(c, helpsPath(person), `Help ${number} is removed`, 'The other helps have not changed.');
}

/**
 * The helps of What helps me, one at a time. Mounted before passportPages(), whose
 * `/passport/sections/{section}` would otherwise answer for What helps me as a plain section.
 */
export function whatHelpsPages() {
  const app = new Hono<WebEnv>();
  const helps = '/young-people/:id/passport/sections/whatHelps';
  app.get(helps, (c) => withPerson(c, (person) => helpsPage(c, person)));
  app.get(`${helps}/helps/new`, (c) => withPerson(c, (person) => helpPage(c, person, true)));
  app.post(`${helps}/helps/new`, (c) => withPerson(c, (person) => saveHelp(c, person, true)));
  app.get(`${helps}/helps/:number`, (c) => withPerson(c, (person) => helpPage(c, person, false)));
  app.post(`${helps}/helps/:number`, (c) => withPerson(c, (person) => saveHelp(c, person, false)));
  app.get(`${helps}/helps/:number/remove`, (c) => withPerson(c, (person) => removeHelpPage(c, person)));
  app.post(`${helps}/helps/:number/remove`, (c) => withPerson(c, (person) => removeHelp(c, person)));
  return app;
}
