import { type PassportSection, sectionLabels } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { DateInput, type DateParts } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { CsrfField } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, list, text } from '../web/forms.js';
import {
  accessToWorkFundLabels,
  accessToWorkStatusLabels,
  adjustmentCategoryItems,
  reviewDates,
  sectionIntro,
  sectionTitle,
  textFields,
} from '../web/passport-fields.js';
import type { PersonPage } from '../web/young-person.js';
import { accessToWorkFunds, type PassportSections, sectionSchemas } from './passports.schemas.js';

/** The form for one passport section, used by the owner's edit pages and a job coach's suggestions. */

/** Where a young person's passport is. */
export const passportPath = (id: string) => `/young-people/${id}/passport`;

/** The heading of the part of What helps me that is not the helps themselves. */
export const moreAboutHelpsTitle = 'School, college and colleagues';

interface AdjustmentRow {
  category: string;
  details: string;
  inPlace: boolean;
  /** Kept as it is: only the owner's "add to my passport" from an adjustment that helped sets it. */
  workedAt?: { employer: string; month: string }[];
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
      ...(a.workedAt ? { workedAt: a.workedAt } : {}),
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
        adjustments.push({
          category: row.category,
          details: row.details,
          inPlace: row.inPlace,
          ...(row.workedAt ? { workedAt: row.workedAt } : {}),
        });
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
export function sectionFormTitle(section: PassportSection, person: PersonPage, suggestion?: SuggestionWording) {
  if (suggestion) return sectionLabels[section];
  return section === 'whatHelps' ? moreAboutHelpsTitle : sectionTitle(section, person);
}

/** The owner's Access to Work answers: whether they applied, and what it pays for. */
function AccessToWorkFields(props: { person: PersonPage; values: SectionFormValues; errors: FieldErrors }) {
  const { person, values, errors } = props;
  return (
    <>
      <Radios
        name="status"
        legend={
          person.asDelegate ? `Has ${person.you} applied for Access to Work?` : 'Have you applied for Access to Work?'
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
  );
}

/**
 * A job coach's suggested helps, all in one form with blank rows to add more. The owner adds,
 * changes and removes helps one at a time instead (what-helps.pages.tsx).
 */
function SuggestedHelpsFields(props: { adjustments: AdjustmentRow[]; errors: FieldErrors }) {
  const { adjustments, errors } = props;
  const rows = [
    ...adjustments,
    ...Array.from({ length: blankAdjustmentRows }, () => ({ category: '', details: '', inPlace: false })),
  ];
  return (
    <>
      <input type="hidden" name="adjustmentRows" value={String(rows.length)} />
      {rows.map((row, i) => (
        <Fieldset legend={`Help ${i + 1}${i >= adjustments.length ? ' (new)' : ''}`} legendSize="s">
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
            hint={i === 0 ? 'For example: "Show me each new task, then let me try it while you watch."' : undefined}
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
      <p class="govuk-body">To remove a help, empty its box. To add more than 2, send this and suggest again.</p>
    </>
  );
}

/** The questions answered in words: a one-line box for short answers, a counted text area for the rest. */
function TextAnswerFields(props: { section: PassportSection; values: SectionFormValues; errors: FieldErrors }) {
  const { values, errors } = props;
  return (
    <>
      {(textFields[props.section] ?? []).map((field) =>
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
    </>
  );
}

/** The review section's dates. */
function ReviewDateFields(props: { values: SectionFormValues; errors: FieldErrors }) {
  return (
    <>
      {reviewDates.map((field) => (
        <DateInput
          name={field.name}
          legend={field.label}
          legendSize="s"
          hint={'hint' in field ? field.hint : 'For example, 27 3 2026.'}
          value={props.values.dates[field.name]}
          error={props.errors[field.name]}
        />
      ))}
    </>
  );
}

/** A job coach's note to the young person on why they suggest the change. */
function SuggestionNote(props: { note: { value: string; error?: string } }) {
  return (
    <CharacterCount
      name="note"
      label="A note for the young person (optional)"
      hint="Say why you suggest this change."
      value={props.note.value}
      rows={3}
      maxLength={1000}
      error={props.note.error}
    />
  );
}

/** Above the form: whose passport, the section's title and what saving it changes. */
function SectionFormHeading(props: {
  person: PersonPage;
  section: PassportSection;
  title: string;
  suggestion?: SuggestionWording;
}) {
  const { person, section, suggestion } = props;
  return (
    <>
      <span class="govuk-caption-l">
        {suggestion?.caption ??
          (section === 'whatHelps' ? sectionTitle(section, person) : person.whose('adjustments passport'))}
      </span>
      <h1 class="govuk-heading-l">{props.title}</h1>
      {section === 'whatHelps' && !suggestion ? null : <p class="govuk-body">{sectionIntro(section, person)}</p>}
      {person.asDelegate && !suggestion && textFields[section] ? (
        <p class="govuk-body">
          The questions are in {person.your} words, because people at work read the passport as {person.your}. Answer
          them as {person.you} would.
        </p>
      ) : null}
      <p class="govuk-body">
        {suggestion?.intro ?? 'Only this part changes when you save. The other parts stay as they are.'}
      </p>
    </>
  );
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
  const { person, section, values, errors, suggestion } = props;
  const title = sectionFormTitle(section, person, suggestion);
  const cancelHref =
    suggestion?.cancelHref ??
    (section === 'whatHelps'
      ? `${passportPath(person.youngPersonId)}/sections/whatHelps`
      : passportPath(person.youngPersonId));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <SectionFormHeading person={person} section={section} title={title} suggestion={suggestion} />
        <form method="post" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="baseVersion" value={String(props.version)} />
          {section === 'accessToWork' ? <AccessToWorkFields person={person} values={values} errors={errors} /> : null}
          {section === 'whatHelps' && suggestion ? (
            <SuggestedHelpsFields adjustments={values.adjustments} errors={errors} />
          ) : null}
          <TextAnswerFields section={section} values={values} errors={errors} />
          {section === 'review' ? <ReviewDateFields values={values} errors={errors} /> : null}
          {suggestion?.note ? <SuggestionNote note={suggestion.note} /> : null}
          <ButtonGroup>
            <Button>{suggestion?.button ?? `Save ${title}`}</Button>
            <a class="govuk-link" href={cancelHref}>
              Cancel
            </a>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
