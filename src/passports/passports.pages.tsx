import { type Context, Hono } from 'hono';
import type { AuditAction } from '../audit/audit.js';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { DateInput, type DateParts } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { TaskList, type TaskListItem } from '../web/components/TaskList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, type FormBody, list, readForm, text } from '../web/forms.js';
import { pageParam } from '../web/page-context.js';
import {
  accessToWorkFundLabels,
  accessToWorkStatusLabels,
  adjustmentCategoryItems,
  reviewDates,
  sectionIntro,
  sectionRows,
  sectionTitle,
  textFields,
} from '../web/passport-fields.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { dateAndTime, longDate, type PersonPage, timeOfDay, withPerson } from '../web/young-person.js';
import type { Completeness } from './passports.rules.js';
import { accessToWorkFunds, type PassportSections, sectionSchemas } from './passports.schemas.js';
import { helpPage, helpsPage, moreAboutHelpsTitle, removeHelp, removeHelpPage, saveHelp } from './what-helps.pages.js';

const completenessStatus: Record<Completeness, TaskListItem['status']> = {
  complete: { text: 'Done' },
  partial: { text: 'Started', tag: 'light-blue' },
  empty: { text: 'Not started', tag: 'blue' },
};

const isSection = (value: string): value is PassportSection => (passportSections as readonly string[]).includes(value);

const base = (id: string) => `/young-people/${id}/passport`;

// ---------------------------------------------------------------- the passport as a task list

async function passportPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const { view } = await passports.read(person.actor, person.youngPersonId, c.get('requestId'));
  const items: TaskListItem[] = view.visibleSections.map((section) => ({
    title: sectionTitle(section, person),
    href: `${base(person.youngPersonId)}/sections/${section}`,
    hint: sectionIntro(section, person),
    status: completenessStatus[view.completeness[section]],
  }));
  const done = view.visibleSections.filter((section) => view.completeness[section] === 'complete').length;
  return renderPage(
    c,
    { title: person.whose('adjustments passport') },
    <>
      <h1 class="govuk-heading-l">{person.whose('adjustments passport')}</h1>
      <p class="govuk-body-l">
        It tells people at work what helps {person.you}. {person.asDelegate ? `${person.you} chooses` : 'You choose'}{' '}
        who sees it.
      </p>
      <h2 class="govuk-heading-s">
        {done} of {view.visibleSections.length} parts done
      </h2>
      {view.reviewOverdue ? (
        <p class="govuk-body">It is time to check the passport again. Open "Review" to do it.</p>
      ) : null}
      {view.pendingDrafts > 0 ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base(person.youngPersonId)}/drafts`}>
            The job coach has suggested changes ({view.pendingDrafts}). Look at them.
          </a>
        </p>
      ) : null}
      <TaskList items={items} idPrefix="passport" />
      <h2 class="govuk-heading-m">More</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`${base(person.youngPersonId)}/shares`}>
            {person.asDelegate ? `Who ${person.you} shares the passport with` : 'Who I share my passport with'}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base(person.youngPersonId)}/access-log`}>
            Who has seen {person.my} passport
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base(person.youngPersonId)}/history`}>
            Earlier versions of {person.my} passport
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base(person.youngPersonId)}/print`}>
            Print {person.my} passport
          </a>
        </li>
      </ul>
    </>,
  );
}

// ---------------------------------------------------------------- editing one section

interface AdjustmentRow {
  category: string;
  details: string;
  inPlace: boolean;
}

export interface SectionFormValues {
  text: Record<string, string>;
  dates: Record<string, DateParts>;
  status: string;
  funds: string[];
  adjustments: AdjustmentRow[];
}

export function valuesFrom(section: PassportSection, sections: PassportSections): SectionFormValues {
  const content = (sections[section] ?? {}) as Record<string, unknown>;
  const text: Record<string, string> = {};
  for (const field of textFields[section] ?? [])
    text[field.name] = typeof content[field.name] === 'string' ? (content[field.name] as string) : '';
  const dates: Record<string, DateParts> = {};
  if (section === 'review') {
    for (const field of reviewDates) {
      const value = content[field.name];
      if (typeof value === 'string') dates[field.name] = datePartsOf(value);
    }
  }
  return {
    text,
    dates,
    status: sections.accessToWork?.status ?? '',
    funds: sections.accessToWork?.funds ?? [],
    adjustments: (sections.whatHelps?.adjustments ?? []).map((a) => ({
      category: a.category,
      details: a.details,
      inPlace: a.inPlace,
    })),
  };
}

const blankAdjustmentRows = 2;

export function valuesFromForm(section: PassportSection, form: FormBody): SectionFormValues {
  const values: SectionFormValues = {
    text: {},
    dates: {},
    status: text(form, 'status'),
    funds: list(form, 'funds'),
    adjustments: [],
  };
  for (const field of textFields[section] ?? []) values.text[field.name] = text(form, field.name);
  if (section === 'review') {
    for (const field of reviewDates) values.dates[field.name] = datePartsFrom(form, field.name);
  }
  const rows = Number(text(form, 'adjustmentRows')) || 0;
  for (let i = 0; i < Math.min(rows, 40); i++) {
    values.adjustments.push({
      category: text(form, `adjustment-${i}-category`),
      details: text(form, `adjustment-${i}-details`),
      inPlace: list(form, `adjustment-${i}-inPlace`).length > 0,
    });
  }
  return values;
}

/** Builds the section's content from the form and checks it with the section's own schema (the API's). */
export function contentFrom(
  section: PassportSection,
  values: SectionFormValues,
): { content?: unknown; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const content: Record<string, unknown> = {};
  for (const field of textFields[section] ?? []) {
    const value = values.text[field.name] ?? '';
    if (value.length > field.max) errors[field.name] = `${field.label} must be ${field.max} characters or fewer`;
    else if (value !== '') content[field.name] = value;
  }
  if (section === 'review') {
    for (const field of reviewDates) {
      const { value, error } = isoDateFrom(values.dates[field.name] ?? {}, field.label);
      if (error) errors[field.name] = error;
      else if (value) content[field.name] = value;
    }
  }
  if (section === 'accessToWork') {
    if (!values.status) errors.status = 'Choose one answer about applying for Access to Work';
    content.status = values.status;
    content.funds = values.funds;
  }
  if (section === 'whatHelps') {
    const adjustments: unknown[] = [];
    values.adjustments.forEach((row, i) => {
      if (!row.details && !row.category) return;
      if (!row.category) errors[`adjustment-${i}-category`] = `Choose the kind of help for help ${i + 1}`;
      if (!row.details) errors[`adjustment-${i}-details`] = `Say what helps, for help ${i + 1}`;
      else if (row.details.length > 1000)
        errors[`adjustment-${i}-details`] = `Help ${i + 1} must be 1000 characters or fewer`;
      if (row.category && row.details && row.details.length <= 1000)
        adjustments.push({ category: row.category, details: row.details, inPlace: row.inPlace });
    });
    content.adjustments = adjustments;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = sectionSchemas[section].safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path.map(String);
      const id =
        first === 'adjustments' && index !== undefined
          ? `adjustment-${index}-${field ?? 'details'}`
          : (first ?? 'form');
      errors[id] ??= 'Check this answer';
    }
    return { errors };
  }
  return { content: parsed.data, errors };
}

/** What a job coach's suggestion form says instead of the owner's save form. */
export interface SuggestionWording {
  caption: string;
  intro: string;
  button: string;
  cancelHref: string;
  note?: { value: string; error?: string };
}

/** The heading of a section's form: also its page's title. */
function sectionFormTitle(section: PassportSection, person: PersonPage, suggestion?: SuggestionWording) {
  if (suggestion) return sectionLabels[section];
  return section === 'whatHelps' ? moreAboutHelpsTitle : sectionTitle(section, person);
}

export function SectionForm(props: {
  person: PersonPage;
  section: PassportSection;
  version: number;
  values: SectionFormValues;
  errors: FieldErrors;
  csrf: string;
  suggestion?: SuggestionWording;
}) {
  const { section, values, errors } = props;
  const title = sectionFormTitle(section, props.person, props.suggestion);
  // The owner adds, changes and removes helps one at a time (what-helps.pages.tsx); a coach suggests them all in one form.
  const rows =
    section === 'whatHelps' && props.suggestion
      ? [
          ...values.adjustments,
          ...Array.from({ length: blankAdjustmentRows }, () => ({ category: '', details: '', inPlace: false })),
        ]
      : [];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">
          {props.suggestion?.caption ??
            (section === 'whatHelps'
              ? sectionTitle(section, props.person)
              : props.person.whose('adjustments passport'))}
        </span>
        <h1 class="govuk-heading-l">{title}</h1>
        {section === 'whatHelps' && !props.suggestion ? null : (
          <p class="govuk-body">{sectionIntro(section, props.person)}</p>
        )}
        {props.person.asDelegate && !props.suggestion && textFields[section] ? (
          <p class="govuk-body">
            The questions are in {props.person.your} words, because people at work read the passport as{' '}
            {props.person.your}. Answer them as {props.person.you} would.
          </p>
        ) : null}
        <p class="govuk-body">
          {props.suggestion?.intro ?? 'Only this part changes when you save. The other parts stay as they are.'}
        </p>
        <form method="post" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="baseVersion" value={String(props.version)} />
          {section === 'accessToWork' ? (
            <>
              <Radios
                name="status"
                legend={
                  props.person.asDelegate
                    ? `Has ${props.person.you} applied for Access to Work?`
                    : 'Have you applied for Access to Work?'
                }
                items={Object.entries(accessToWorkStatusLabels).map(([value, text]) => ({ value, text }))}
                value={values.status}
                error={errors.status}
              />
              <Checkboxes
                name="funds"
                legend="What does it pay for?"
                hint="Choose all that are true. Leave them empty if you do not know."
                items={accessToWorkFunds.map((fund) => ({ value: fund, text: accessToWorkFundLabels[fund] }))}
                values={values.funds}
              />
            </>
          ) : null}
          {rows.length > 0 ? (
            <>
              <input type="hidden" name="adjustmentRows" value={String(rows.length)} />
              {rows.map((row, i) => (
                <Fieldset legend={`Help ${i + 1}${i >= values.adjustments.length ? ' (new)' : ''}`} legendSize="s">
                  <Select
                    name={`adjustment-${i}-category`}
                    label="What kind of help is it?"
                    items={[{ value: '', text: 'Choose a kind of help' }, ...adjustmentCategoryItems]}
                    value={row.category}
                    error={errors[`adjustment-${i}-category`]}
                  />
                  <CharacterCount
                    name={`adjustment-${i}-details`}
                    label="What helps"
                    hint={
                      i === 0 ? 'For example: "Show me each new task, then let me try it while you watch."' : undefined
                    }
                    value={row.details}
                    rows={3}
                    maxLength={1000}
                    error={errors[`adjustment-${i}-details`]}
                  />
                  <Checkboxes
                    small
                    name={`adjustment-${i}-inPlace`}
                    legend="Is it agreed at work already?"
                    legendSize="s"
                    items={[{ value: 'yes', text: 'Yes, it is agreed already' }]}
                    values={row.inPlace ? ['yes'] : []}
                  />
                </Fieldset>
              ))}
              <p class="govuk-body">
                To remove a help, empty its box. To add more than 2, send this and suggest again.
              </p>
            </>
          ) : null}
          {(textFields[section] ?? []).map((field) =>
            field.short ? (
              <Input
                name={field.name}
                label={field.label}
                hint={field.hint}
                value={values.text[field.name]}
                error={errors[field.name]}
              />
            ) : (
              <CharacterCount
                name={field.name}
                label={field.label}
                hint={field.hint}
                value={values.text[field.name]}
                maxLength={field.max}
                error={errors[field.name]}
              />
            ),
          )}
          {section === 'review'
            ? reviewDates.map((field) => (
                <DateInput
                  name={field.name}
                  legend={field.label}
                  legendSize="s"
                  hint={'hint' in field ? field.hint : 'For example, 27 3 2026.'}
                  value={values.dates[field.name]}
                  error={errors[field.name]}
                />
              ))
            : null}
          {props.suggestion?.note ? (
            <CharacterCount
              name="note"
              label="A note for the young person (optional)"
              hint="Say why you suggest this change."
              value={props.suggestion.note.value}
              rows={3}
              maxLength={1000}
              error={props.suggestion.note.error}
            />
          ) : null}
          <ButtonGroup>
            <Button>{props.suggestion?.button ?? `Save ${title}`}</Button>
            <a
              class="govuk-link"
              href={
                props.suggestion?.cancelHref ??
                (section === 'whatHelps'
                  ? `${base(props.person.youngPersonId)}/sections/whatHelps`
                  : base(props.person.youngPersonId))
              }
            >
              Cancel
            </a>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

async function sectionPage(c: Context<WebEnv>, person: PersonPage, section: PassportSection) {
  const { view } = await c.var.services.passports.read(person.actor, person.youngPersonId, c.get('requestId'));
  if (!view.visibleSections.includes(section)) throw pageNotFound();
  return renderPage(
    c,
    { title: sectionFormTitle(section, person), backLink: sectionBackLink(person, section) },
    <SectionForm
      person={person}
      section={section}
      version={view.version}
      values={valuesFrom(section, view.sections)}
      errors={{}}
      csrf={csrfToken(c)}
    />,
  );
}

const sectionBackLink = (person: PersonPage, section: PassportSection) =>
  section === 'whatHelps' ? `${base(person.youngPersonId)}/sections/whatHelps` : base(person.youngPersonId);

async function saveSection(c: Context<WebEnv>, person: PersonPage, section: PassportSection) {
  const form = await readForm(c);
  const values = valuesFromForm(section, form);
  if (section === 'whatHelps') {
    // This form has only the words about school and colleagues; the helps are kept as they are.
    const { view } = await c.var.services.passports.read(person.actor, person.youngPersonId, c.get('requestId'));
    values.adjustments = valuesFrom(section, view.sections).adjustments;
  }
  const baseVersion = Number(text(form, 'baseVersion'));
  const again = (errors: FieldErrors, version: number) => {
    c.status(400);
    return renderPage(
      c,
      { title: sectionFormTitle(section, person), hasErrors: true, backLink: sectionBackLink(person, section) },
      <SectionForm
        person={person}
        section={section}
        version={version}
        values={values}
        errors={errors}
        csrf={csrfToken(c)}
      />,
    );
  };
  const { content, errors } = contentFrom(section, values);
  if (!content || !Number.isInteger(baseVersion)) return again(errors, Number.isInteger(baseVersion) ? baseVersion : 0);
  try {
    await c.var.services.passports.saveSection(
      person.actor,
      person.youngPersonId,
      section,
      { baseVersion, content: content as never },
      c.get('requestId'),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict')) {
      const current = (error.details as { currentVersion?: number } | undefined)?.currentVersion ?? baseVersion;
      return again(
        {
          form: 'Someone else saved the passport while you were editing. Your words are still here. Check them, then save again.',
        },
        current,
      );
    }
    throw error;
  }
  return redirectWithFlash(
    c,
    sectionBackLink(person, section),
    `${sectionFormTitle(section, person)} is saved`,
    'The other parts of the passport have not changed.',
  );
}

// ---------------------------------------------------------------- earlier versions

const sourceWords = {
  owner: 'Saved',
  draft: 'Changes from the job coach accepted',
  restore: 'An earlier version brought back',
} as const;

async function historyPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const [versions, { view }] = await Promise.all([
    passports.versions(person.actor, person.youngPersonId),
    passports.read(person.actor, person.youngPersonId, c.get('requestId')),
  ]);
  const names = await passports.savedByNames(versions);
  const canRestore = person.may('edit_passport');
  const title = `Earlier versions of ${person.my} passport`;
  return renderPage(
    c,
    { title, backLink: base(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Each time the passport is saved, we keep a copy. You can bring back an earlier copy. It becomes the newest
        version. Nothing is deleted.
      </p>
      {versions.length === 0 ? <p class="govuk-body">The passport has not been saved yet.</p> : null}
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Versions, newest first</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Version
            </th>
            <th scope="col" class="govuk-table__header">
              What happened
            </th>
            <th scope="col" class="govuk-table__header">
              <span class="govuk-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {versions.map((version) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{version.version}</td>
              <td class="govuk-table__cell">
                {sourceWords[version.source]}
                {version.restoredFrom ? ` (version ${version.restoredFrom})` : ''} by{' '}
                {names.get(version.savedBy.accountId) ?? 'someone at the provider'}, {dateAndTime(version.savedAt)}
              </td>
              <td class="govuk-table__cell">
                {version.version === view.version ? (
                  'This is the newest'
                ) : canRestore ? (
                  <form method="post" action={`${base(person.youngPersonId)}/history/${version.version}/restore`}>
                    <CsrfField token={csrfToken(c)} />
                    <input type="hidden" name="baseVersion" value={String(view.version)} />
                    <button
                      type="submit"
                      class="govuk-button govuk-button--secondary app-table-button"
                      data-module="govuk-button"
                    >
                      Bring back version {version.version}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
}

async function restoreVersion(c: Context<WebEnv>, person: PersonPage) {
  const version = Number(c.req.param('version'));
  if (!Number.isInteger(version) || version < 1) throw pageNotFound();
  const form = await readForm(c);
  const saved = await c.var.services.passports.restore(
    person.actor,
    person.youngPersonId,
    version,
    { baseVersion: Number(text(form, 'baseVersion')) },
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    `${base(person.youngPersonId)}/history`,
    `Version ${version} is back`,
    `It is now version ${saved.version}, the newest.`,
  );
}

// ---------------------------------------------------------------- the coach's drafts

async function draftsPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const [drafts, { view }] = await Promise.all([
    passports.drafts(person.actor, person.youngPersonId, 'pending'),
    passports.read(person.actor, person.youngPersonId, c.get('requestId')),
  ]);
  const names = await passports.proposerNames(drafts);
  const canDecide = person.may('edit_passport');
  return renderPage(
    c,
    { title: `Changes the job coach suggests for ${person.my} passport`, backLink: base(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">Changes the job coach suggests for {person.my} passport</h1>
      <p class="govuk-body">
        The job coach cannot change the passport. They can suggest changes.{' '}
        {person.asDelegate ? `${person.you} and you decide.` : 'You decide.'}
      </p>
      {drafts.length === 0 ? <p class="govuk-body">There are no suggested changes.</p> : null}
      {drafts.map((draft) => (
        <section class="govuk-!-margin-bottom-9" aria-labelledby={`draft-${draft.id}`}>
          <h2 class="govuk-heading-m" id={`draft-${draft.id}`}>
            From {names.get(draft.proposedBy) ?? 'the job coach'}, {longDate(draft.proposedAt)}
          </h2>
          {draft.note ? <p class="govuk-body app-section-text">“{draft.note}”</p> : null}
          {(Object.keys(draft.sections) as PassportSection[]).map((section) => (
            <>
              <h3 class="govuk-heading-s">{sectionTitle(section, person)}</h3>
              <div class="app-compare">
                <div>
                  <h4 class="govuk-heading-s">Now</h4>
                  {sectionRows(section, view.sections).length > 0 ? (
                    <SummaryList rows={sectionRows(section, view.sections)} />
                  ) : (
                    <p class="govuk-body">Empty</p>
                  )}
                </div>
                <div>
                  <h4 class="govuk-heading-s">Suggested</h4>
                  <SummaryList rows={sectionRows(section, draft.sections)} />
                </div>
              </div>
            </>
          ))}
          {canDecide ? (
            <ButtonGroup>
              <form method="post" action={`${base(person.youngPersonId)}/drafts/${draft.id}`}>
                <CsrfField token={csrfToken(c)} />
                <Button name="decision" value="accept">
                  Accept these changes
                </Button>
              </form>
              <form method="post" action={`${base(person.youngPersonId)}/drafts/${draft.id}`}>
                <CsrfField token={csrfToken(c)} />
                <Button name="decision" value="reject" variant="secondary">
                  Say no to these changes
                </Button>
              </form>
            </ButtonGroup>
          ) : null}
        </section>
      ))}
    </>,
  );
}

async function decideDraft(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const accept = text(form, 'decision') === 'accept';
  await c.var.services.passports.decideDraft(
    person.actor,
    person.youngPersonId,
    pageParam(c, 'draftId'),
    { accept },
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    accept ? base(person.youngPersonId) : `${base(person.youngPersonId)}/drafts`,
    accept ? 'The changes are in the passport now' : 'You said no to the changes',
    accept ? 'You can see them in each part below.' : 'The passport has not changed.',
  );
}

// ---------------------------------------------------------------- who has seen it

const readWords: Partial<Record<AuditAction, string>> = {
  'passport.read': 'read',
  'passport_share.read': 'read',
  'passport.read_version': 'read an earlier version of',
  'passport.print': 'printed',
  'passport_share.print': 'printed',
};

async function accessLogPage(c: Context<WebEnv>, person: PersonPage) {
  const pageSize = 25;
  const page = pageNumber(c.req.query('page'));
  const log = await c.var.services.passports.readsByDay(person.actor, person.youngPersonId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  type Row = (typeof log.items)[number];
  const who = (row: Row) => {
    if (row.by.accountId === person.actor.accountId) return 'You';
    if (row.by.role === 'young_person') return person.You;
    const name = row.by.name ?? 'Someone';
    if (row.by.organisation) return `${name} at ${row.by.organisation}`;
    if (row.by.role === 'job_coach') return `${name}, job coach`;
    if (row.by.role === 'delegate') return `${name}, who helps ${person.you}`;
    return name;
  };
  const what = (row: Row) => {
    const parts =
      row.sections.length > 0 ? row.sections.map((section) => sectionTitle(section, person)).join(', ') : null;
    // In readWords' order, so that a day of reads and prints always says "read ... and printed ...".
    const verbs = [
      ...new Set(
        Object.entries(readWords)
          .filter(([action]) => row.actions.includes(action as AuditAction))
          .map(([, verb]) => verb),
      ),
    ];
    const sentences = verbs.map((verb) => `${verb} ${parts ?? (person.asDelegate ? 'the passport' : 'your passport')}`);
    if (row.actions.includes('young_person.export')) sentences.push(`downloaded everything held about ${person.you}`);
    if (row.documents.length > 0) sentences.push(`downloaded ${row.documents.join(', ')}`);
    return sentences.join(' and ');
  };
  const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);
  const groups = [
    { group: 'work', heading: 'People at work' },
    { group: 'family', heading: person.asDelegate ? `${person.you} and family` : 'You and your family' },
  ] as const;
  const title = `Who has seen ${person.my} passport`;
  const pages = Math.max(1, Math.ceil(log.total / pageSize));
  return renderPage(
    c,
    { title, backLink: base(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Every time someone opens the passport, we write it down here. People at work are first. Each line is one person
        on one day, newest first.
      </p>
      {log.items.length === 0 ? <p class="govuk-body">Nobody has opened it yet.</p> : null}
      {groups.map(({ group, heading }) => {
        const rows = log.items.filter((row) => row.group === group);
        return rows.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{heading}</h2>
            <ul class="govuk-list govuk-list--spaced">
              {rows.map((row) => (
                <li>
                  <strong>{who(row)}</strong> {what(row)}, {times(row.times)} on {longDate(row.day)}
                  {row.times > 1 ? `, last at ${timeOfDay(row.lastAt)}` : ` at ${timeOfDay(row.lastAt)}`}.
                </li>
              ))}
            </ul>
          </>
        );
      })}
      <Pagination page={page} pages={pages} href={(n) => `?page=${n}`} />
    </>,
  );
}

// ---------------------------------------------------------------- print

async function printPage(c: Context<WebEnv>, person: PersonPage) {
  const { person: record, view } = await c.var.services.passports.read(
    person.actor,
    person.youngPersonId,
    c.get('requestId'),
    'passport.print',
  );
  const filled = view.visibleSections.filter((section) => sectionRows(section, view.sections).length > 0);
  return renderPage(
    c,
    { title: `${record.preferredName}’s workplace adjustments passport`, backLink: base(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{record.preferredName}’s workplace adjustments passport</h1>
      <p class="govuk-body">
        This passport belongs to {record.preferredName}. It says what helps them at work. Please keep it private and do
        not pass it on.
      </p>
      <p class="govuk-body-s">
        Version {view.version}. Printed on {longDate(c.var.services.clock.now())}.
      </p>
      <p class="govuk-body app-no-print">To print it, use your browser’s Print button. Only the passport is printed.</p>
      {filled.length === 0 ? <p class="govuk-body">Nothing has been written in the passport yet.</p> : null}
      {filled.map((section) => (
        <>
          <h2 class="govuk-heading-m">{sectionLabels[section]}</h2>
          <SummaryList rows={sectionRows(section, view.sections)} />
        </>
      ))}
    </>,
  );
}

/** The young person's (and their delegate's) passport pages. */
export function passportPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport', (c) => withPerson(c, (person) => passportPage(c, person)));
  const helps = '/young-people/:id/passport/sections/whatHelps';
  app.get(helps, (c) => withPerson(c, (person) => helpsPage(c, person)));
  app.get(`${helps}/more`, (c) => withPerson(c, (person) => sectionPage(c, person, 'whatHelps')));
  app.post(`${helps}/more`, (c) => withPerson(c, (person) => saveSection(c, person, 'whatHelps')));
  app.get(`${helps}/helps/new`, (c) => withPerson(c, (person) => helpPage(c, person, true)));
  app.post(`${helps}/helps/new`, (c) => withPerson(c, (person) => saveHelp(c, person, true)));
  app.get(`${helps}/helps/:number`, (c) => withPerson(c, (person) => helpPage(c, person, false)));
  app.post(`${helps}/helps/:number`, (c) => withPerson(c, (person) => saveHelp(c, person, false)));
  app.get(`${helps}/helps/:number/remove`, (c) => withPerson(c, (person) => removeHelpPage(c, person)));
  app.post(`${helps}/helps/:number/remove`, (c) => withPerson(c, (person) => removeHelp(c, person)));
  app.get('/young-people/:id/passport/sections/:section', (c) =>
    withPerson(c, (person) => {
      const section = c.req.param('section');
      if (!isSection(section)) throw pageNotFound();
      return sectionPage(c, person, section);
    }),
  );
  app.post('/young-people/:id/passport/sections/:section', (c) =>
    withPerson(c, (person) => {
      const section = c.req.param('section');
      if (!isSection(section)) throw pageNotFound();
      return saveSection(c, person, section);
    }),
  );
  app.get('/young-people/:id/passport/history', (c) => withPerson(c, (person) => historyPage(c, person)));
  app.post('/young-people/:id/passport/history/:version/restore', (c) =>
    withPerson(c, (person) => restoreVersion(c, person)),
  );
  app.get('/young-people/:id/passport/drafts', (c) => withPerson(c, (person) => draftsPage(c, person)));
  app.post('/young-people/:id/passport/drafts/:draftId', (c) => withPerson(c, (person) => decideDraft(c, person)));
  app.get('/young-people/:id/passport/access-log', (c) => withPerson(c, (person) => accessLogPage(c, person)));
  app.get('/young-people/:id/passport/print', (c) => withPerson(c, (person) => printPage(c, person)));
  return app;
}
