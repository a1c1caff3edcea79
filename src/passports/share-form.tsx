import type { Context } from 'hono';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { CsrfField } from '../web/csrf.js';
import { type FieldErrors, isId, list, readForm, text } from '../web/forms.js';
import { unlessAbsent } from '../web/refusals.js';
import type { WebEnv } from '../web/web.env.js';
import type { PersonPage } from '../web/young-person.js';
import { shareInputSchema } from './passports.schemas.js';
import { passportOf, sharesPath } from './share-words.js';

const periods = [
  { value: '30', text: '1 month' },
  { value: '90', text: '3 months' },
  { value: '180', text: '6 months' },
  { value: '365', text: '1 year' },
];

const periodWords = (days: number) => periods.find((period) => period.value === String(days))?.text ?? `${days} days`;

const sectionHints: Partial<Record<PassportSection, string>> = {
  myCondition: 'Only share this if you want to. Most people do not.',
  whatHelps: 'The changes at work that help. Most people share this.',
};

export interface ShareChoice {
  employerId: string;
  /** "Another employer": its name as typed, and its id once found (or chosen among several). */
  otherEmployerName: string;
  otherEmployerId: string;
  sections: string[];
  purpose: string;
  days: string;
}

interface EmployerOption {
  id: string;
  name: string;
  /** "From your proposals": employers the young person has a placement proposal or journey with. */
  fromProposal: boolean;
}

/** Employers of the young person's placement proposals and journeys: offered first, by name. */
export async function proposalEmployers(c: Context<WebEnv>, person: PersonPage): Promise<EmployerOption[]> {
  const { journey } = c.var.services;
  const journeys = await unlessAbsent(
    journey.list(person.actor, { youngPersonId: person.youngPersonId, limit: 50, offset: 0 }),
    { items: [] },
  );
  const labels = await journey.labels(journeys.items);
  const options = new Map<string, EmployerOption>();
  for (const match of journeys.items)
    options.set(match.employerId, {
      id: match.employerId,
      name: labels.placement(match.placementId).employerName,
      fromProposal: true,
    });
  return [...options.values()];
}

/** What "another employer" came to: the one found, several to choose from, or why none. */
interface OtherEmployer {
  found?: EmployerOption;
  choices: EmployerOption[];
  problem?: string;
}

const otherChoicesShown = 10;
const otherEmployerNameMax = 100;
const otherEmployerNameTooLong = `The employer’s name must be ${otherEmployerNameMax} characters or fewer`;

/**
 * Finds "another employer" among the checked (verified) employers: the one chosen among several
 * (`otherEmployerId`), else by the name typed: the one with exactly that name, or the only one
 * whose name contains it. Any number of employers can be found this way, not only a list's first.
 */
export async function otherEmployer(
  c: Context<WebEnv>,
  person: PersonPage,
  choice: ShareChoice,
): Promise<OtherEmployer> {
  const { employers } = c.var.services;
  if (choice.otherEmployerId) {
    const chosen = isId(choice.otherEmployerId)
      ? await unlessAbsent(employers.get(person.actor, choice.otherEmployerId))
      : undefined;
    if (chosen?.employer.verified)
      return { found: { id: chosen.employer.id, name: chosen.employer.name, fromProposal: false }, choices: [] };
  }
  const name = choice.otherEmployerName.trim();
  if (!name) return { choices: [], problem: 'Type the name of the employer' };
  if (name.length > otherEmployerNameMax) return { choices: [], problem: otherEmployerNameTooLong };
  const { items } = await employers.list(person.actor, { verified: true, q: name, limit: 50, offset: 0 });
  const options = items.map((employer) => ({ id: employer.id, name: employer.name, fromProposal: false }));
  const exact = options.filter((option) => option.name.toLowerCase() === name.toLowerCase());
  if (exact.length === 1) return { found: exact[0]!, choices: [] };
  if (options.length === 1) return { found: options[0]!, choices: [] };
  if (options.length === 0)
    return {
      choices: [],
      problem: `We cannot find an employer called “${name}” that a college has checked. Check the name, or ask your job coach`,
    };
  return {
    choices: options.slice(0, otherChoicesShown),
    problem:
      options.length > otherChoicesShown
        ? 'Many employers have a name like that. Type more of the name'
        : 'More than one employer has a name like that. Choose one',
  };
}

export function choiceFromQuery(c: Context<WebEnv>): ShareChoice {
  return {
    employerId: c.req.query('employerId') ?? '',
    otherEmployerName: c.req.query('otherEmployerName') ?? '',
    otherEmployerId: c.req.query('otherEmployerId') ?? '',
    sections: c.req.queries('sections') ?? ['whatHelps'],
    purpose: c.req.query('purpose') ?? '',
    days: c.req.query('days') ?? '90',
  };
}

/** Whom to share with: an employer from the proposals, or another one found by its name. */
function EmployerChoiceFields(props: {
  person: PersonPage;
  fromProposals: EmployerOption[];
  otherChoices: EmployerOption[];
  choice: ShareChoice;
  errors: FieldErrors;
}) {
  const { person, fromProposals, otherChoices, choice, errors } = props;
  return (
    <>
      <Radios
        name="employerId"
        legend="Who do you want to share it with?"
        legendSize="m"
        hint={
          fromProposals.length > 0
            ? `The first ones are employers from ${person.asDelegate ? person.whose('placement proposals') : 'your placement proposals'}.`
            : undefined
        }
        items={[
          ...fromProposals.map((employer) => ({ value: employer.id, text: employer.name })),
          { value: 'other', text: 'Another employer' },
        ]}
        value={choice.employerId}
        error={errors.employerId}
      />
      <Input
        name="otherEmployerName"
        label="If you chose another employer, what is it called?"
        hint="For example, The Beckside Hotel."
        value={choice.otherEmployerName}
        error={errors.otherEmployerName}
      />
      {otherChoices.length > 0 ? (
        <Radios
          name="otherEmployerId"
          legend="Which one?"
          legendSize="s"
          items={otherChoices.map((employer) => ({ value: employer.id, text: employer.name }))}
          value={choice.otherEmployerId}
          error={errors.otherEmployerId}
        />
      ) : null}
    </>
  );
}

/** What the employer may read, why, and for how long. */
function PartsPurposeAndPeriodFields(props: { choice: ShareChoice; errors: FieldErrors }) {
  const { choice, errors } = props;
  return (
    <>
      <Checkboxes
        name="sections"
        legend="Which parts can they read?"
        legendSize="m"
        hint="Choose all the parts they can read. They cannot see the other parts."
        items={passportSections.map((section) => ({
          value: section,
          text: sectionLabels[section],
          hint: sectionHints[section],
        }))}
        values={choice.sections}
        error={errors.sections}
      />
      <Input
        name="purpose"
        label="Why are you sharing it?"
        hint='For example: "So my supervisor knows what helps me at work".'
        value={choice.purpose}
        error={errors.purpose}
      />
      <Radios
        name="days"
        legend="For how long?"
        legendSize="m"
        hint="After this, they cannot read it any more."
        items={periods}
        value={choice.days}
        error={errors.days}
        inline
      />
    </>
  );
}

export function ShareForm(props: {
  person: PersonPage;
  /** Employers of the young person's proposals. */
  employers: EmployerOption[];
  /** Employers whose names are like the one typed, to choose from. */
  otherChoices?: EmployerOption[];
  choice: ShareChoice;
  errors: FieldErrors;
  csrf: string;
}) {
  const { choice, errors, person } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">Share {passportOf(person)}</h1>
        <p class="govuk-body">
          Choose who can read it, which parts, and for how long. You can stop sharing at any time.
        </p>
        <form method="post" action={`${sharesPath(person.youngPersonId)}/new`} novalidate>
          <CsrfField token={props.csrf} />
          <EmployerChoiceFields
            person={person}
            fromProposals={props.employers}
            otherChoices={props.otherChoices ?? []}
            choice={choice}
            errors={errors}
          />
          <PartsPurposeAndPeriodFields choice={choice} errors={errors} />
          <Button>Continue</Button>
        </form>
      </div>
    </div>
  );
}

/** Checks the choice with the API's share schema; problems in the words of the form. */
export function validate(
  choice: ShareChoice,
  employers: EmployerOption[],
  other: OtherEmployer | undefined,
): {
  input?: { employerId: string; sections: PassportSection[]; purpose: string; expiresInDays: number };
  employerName?: string;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  let employer: EmployerOption | undefined;
  if (!choice.employerId) errors.employerId = 'Choose who you want to share it with';
  else if (choice.employerId === 'other') {
    employer = other?.found;
    if (!employer && other?.choices.length) errors.otherEmployerId = other.problem ?? 'Choose one';
    else if (!employer) errors.otherEmployerName = other?.problem ?? 'Type the name of the employer';
  } else {
    employer = employers.find((option) => option.id === choice.employerId);
    if (!employer) errors.employerId = 'Choose an employer from the list';
  }
  // Said even before "Another employer" is chosen, so a name too long to search for is never sent silently.
  if (choice.otherEmployerName.length > otherEmployerNameMax) errors.otherEmployerName ??= otherEmployerNameTooLong;
  if (choice.sections.length === 0) errors.sections = 'Choose at least one part they can read';
  if (!choice.purpose) errors.purpose = 'Say why you are sharing it';
  else if (choice.purpose.length > 300) errors.purpose = 'Why you are sharing it must be 300 characters or fewer';
  if (!periods.some((period) => period.value === choice.days)) errors.days = 'Choose how long they can read it';
  if (Object.keys(errors).length > 0) return { errors };
  const employerId = employer!.id;
  const parsed = shareInputSchema.safeParse({
    employerId,
    sections: choice.sections,
    purpose: choice.purpose,
    expiresInDays: Number(choice.days),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'employerId')] ??= 'Check this answer';
    return { errors };
  }
  return {
    input: {
      employerId,
      sections: parsed.data.sections,
      purpose: parsed.data.purpose,
      expiresInDays: parsed.data.expiresInDays,
    },
    employerName: employer!.name,
    errors,
  };
}

export async function readChoice(c: Context<WebEnv>): Promise<ShareChoice> {
  const form = await readForm(c);
  return {
    employerId: text(form, 'employerId'),
    otherEmployerName: text(form, 'otherEmployerName'),
    otherEmployerId: text(form, 'otherEmployerId'),
    sections: list(form, 'sections'),
    purpose: text(form, 'purpose'),
    days: text(form, 'days'),
  };
}

export function changeLink(person: PersonPage, choice: ShareChoice): string {
  const query = new URLSearchParams({
    employerId: choice.employerId,
    otherEmployerName: choice.otherEmployerName,
    purpose: choice.purpose,
    days: choice.days,
  });
  for (const section of choice.sections) query.append('sections', section);
  return `${sharesPath(person.youngPersonId)}/new?${query.toString()}`;
}

/** The answers to check, each with a link back to change it. */
function ShareSummary(props: {
  employerName: string;
  ordered: PassportSection[];
  purpose: string;
  expiresInDays: number;
  change: string;
}) {
  const { change } = props;
  return (
    <SummaryList
      rows={[
        {
          key: 'Who can read it',
          value: props.employerName,
          action: { href: change, visuallyHiddenText: 'who can read it' },
        },
        {
          key: 'Which parts',
          value: (
            <ul class="govuk-list">
              {props.ordered.map((section) => (
                <li>{sectionLabels[section]}</li>
              ))}
            </ul>
          ),
          action: { href: change, visuallyHiddenText: 'which parts' },
        },
        {
          key: 'Why',
          value: props.purpose,
          action: { href: change, visuallyHiddenText: 'why you are sharing it' },
        },
        {
          key: 'For how long',
          value: periodWords(props.expiresInDays),
          action: { href: change, visuallyHiddenText: 'for how long' },
        },
      ]}
    />
  );
}

/** The checked answers, carried to the share itself unchanged (the employer by the id found). */
function ChosenShareFields(props: { choice: ShareChoice; employerId: string }) {
  const { choice } = props;
  return (
    <>
      <input type="hidden" name="employerId" value={choice.employerId} />
      <input type="hidden" name="otherEmployerName" value={choice.otherEmployerName} />
      <input type="hidden" name="otherEmployerId" value={props.employerId} />
      {choice.sections.map((section) => (
        <input type="hidden" name="sections" value={section} />
      ))}
      <input type="hidden" name="purpose" value={choice.purpose} />
      <input type="hidden" name="days" value={choice.days} />
    </>
  );
}

/** A parent or carer is asked whether they talked with the young person before sharing for them. */
function TalkedFirstQuestion(props: { youngPersonName: string; talked?: string; error?: string }) {
  return (
    <Radios
      name="talked"
      legend={`Have you talked to ${props.youngPersonName} about this?`}
      legendSize="s"
      items={[
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No, not yet' },
      ]}
      value={props.talked}
      error={props.error}
      inline
    />
  );
}

export function CheckAnswers(props: {
  person: PersonPage;
  choice: ShareChoice;
  employerId: string;
  employerName: string;
  input: { sections: PassportSection[]; purpose: string; expiresInDays: number };
  /** For a parent or carer: whom they share for, to ask whether they talked with them first. */
  youngPersonName?: string;
  talked?: string;
  errors?: FieldErrors;
  csrf: string;
}) {
  const { person, choice, input } = props;
  const ordered = passportSections.filter((section) => input.sections.includes(section));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors ?? {}} />
        <h1 class="govuk-heading-l">Check before you share</h1>
        <ShareSummary
          employerName={props.employerName}
          ordered={ordered}
          purpose={input.purpose}
          expiresInDays={input.expiresInDays}
          change={changeLink(person, choice)}
        />
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">
          {props.employerName} will be able to read: {ordered.map((section) => sectionLabels[section]).join(', ')}.
        </p>
        <p class="govuk-body">They cannot read the other parts. You can stop sharing at any time.</p>
        <form method="post" action={sharesPath(person.youngPersonId)} novalidate>
          <CsrfField token={props.csrf} />
          <ChosenShareFields choice={choice} employerId={props.employerId} />
          {props.youngPersonName ? (
            <TalkedFirstQuestion
              youngPersonName={props.youngPersonName}
              talked={props.talked}
              error={props.errors?.talked}
            />
          ) : null}
          <Button>Yes, share it</Button>
        </form>
      </div>
    </div>
  );
}
