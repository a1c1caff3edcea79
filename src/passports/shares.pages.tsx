import { type Context, Hono } from 'hono';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Panel } from '../web/components/Panel.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, isId, list, readForm, text } from '../web/forms.js';
import { unlessAbsent } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage, withPerson } from '../web/young-person.js';
import type { PassportShare } from './passports.repository.js';
import { otherActiveSharesWith, sectionsOnlyIn, shareStatus } from './passports.rules.js';
import { shareInputSchema } from './passports.schemas.js';

const shares = (id: string) => `/young-people/${id}/passport/shares`;

/** "my passport" to the young person; "Sam’s passport" to someone acting for them. */
const passportOf = (person: PersonPage) => (person.asDelegate ? person.whose('passport') : 'my passport');

const partsOf = (sections: readonly PassportSection[]) => sections.map((section) => sectionLabels[section]).join(', ');

/** One share in words, to tell it from the others with the same employer: its parts and its end. */
const shareInWords = (share: PassportShare) => `${partsOf(share.sections)} (until ${longDate(share.expiresAt)})`;

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

interface ShareChoice {
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
async function proposalEmployers(c: Context<WebEnv>, person: PersonPage): Promise<EmployerOption[]> {
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
async function otherEmployer(c: Context<WebEnv>, person: PersonPage, choice: ShareChoice): Promise<OtherEmployer> {
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

function choiceFromQuery(c: Context<WebEnv>): ShareChoice {
  return {
    employerId: c.req.query('employerId') ?? '',
    otherEmployerName: c.req.query('otherEmployerName') ?? '',
    otherEmployerId: c.req.query('otherEmployerId') ?? '',
    sections: c.req.queries('sections') ?? ['whatHelps'],
    purpose: c.req.query('purpose') ?? '',
    days: c.req.query('days') ?? '90',
  };
}

function ShareForm(props: {
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
  const fromProposals = props.employers;
  const otherChoices = props.otherChoices ?? [];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">Share {passportOf(person)}</h1>
        <p class="govuk-body">
          Choose who can read it, which parts, and for how long. You can stop sharing at any time.
        </p>
        <form method="post" action={`${shares(person.youngPersonId)}/new`} novalidate>
          <CsrfField token={props.csrf} />
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
          <Button>Continue</Button>
        </form>
      </div>
    </div>
  );
}

/** Checks the choice with the API's share schema; problems in the words of the form. */
function validate(
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

async function readChoice(c: Context<WebEnv>): Promise<ShareChoice> {
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

function changeLink(person: PersonPage, choice: ShareChoice): string {
  const query = new URLSearchParams({
    employerId: choice.employerId,
    otherEmployerName: choice.otherEmployerName,
    purpose: choice.purpose,
    days: choice.days,
  });
  for (const section of choice.sections) query.append('sections', section);
  return `${shares(person.youngPersonId)}/new?${query.toString()}`;
}

function CheckAnswers(props: {
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
  const change = changeLink(person, choice);
  const ordered = passportSections.filter((section) => input.sections.includes(section));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors ?? {}} />
        <h1 class="govuk-heading-l">Check before you share</h1>
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
                  {ordered.map((section) => (
                    <li>{sectionLabels[section]}</li>
                  ))}
                </ul>
              ),
              action: { href: change, visuallyHiddenText: 'which parts' },
            },
            {
              key: 'Why',
              value: input.purpose,
              action: { href: change, visuallyHiddenText: 'why you are sharing it' },
            },
            {
              key: 'For how long',
              value: periodWords(input.expiresInDays),
              action: { href: change, visuallyHiddenText: 'for how long' },
            },
          ]}
        />
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">
          {props.employerName} will be able to read: {ordered.map((section) => sectionLabels[section]).join(', ')}.
        </p>
        <p class="govuk-body">They cannot read the other parts. You can stop sharing at any time.</p>
        <form method="post" action={shares(person.youngPersonId)} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="employerId" value={choice.employerId} />
          <input type="hidden" name="otherEmployerName" value={choice.otherEmployerName} />
          <input type="hidden" name="otherEmployerId" value={props.employerId} />
          {choice.sections.map((section) => (
            <input type="hidden" name="sections" value={section} />
          ))}
          <input type="hidden" name="purpose" value={choice.purpose} />
          <input type="hidden" name="days" value={choice.days} />
          {props.youngPersonName ? (
            <Radios
              name="talked"
              legend={`Have you talked to ${props.youngPersonName} about this?`}
              legendSize="s"
              items={[
                { value: 'yes', text: 'Yes' },
                { value: 'no', text: 'No, not yet' },
              ]}
              value={props.talked}
              error={props.errors?.talked}
              inline
            />
          ) : null}
          <Button>Yes, share it</Button>
        </form>
      </div>
    </div>
  );
}

async function sharesPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const all = await passports.shares(person.actor, person.youngPersonId);
  const names = await passports.employerNames(all);
  const now = clock.now();
  const active = all.filter((share) => shareStatus(share, now) === 'active');
  const past = all.filter((share) => shareStatus(share, now) !== 'active');
  const canShare = person.may('share_passport');
  const employerName = (share: PassportShare) => names.get(share.employerId) ?? 'An employer';
  const byEmployer = new Map<string, PassportShare[]>();
  for (const share of active) byEmployer.set(share.employerId, [...(byEmployer.get(share.employerId) ?? []), share]);
  const title = `Who can read ${passportOf(person)}`;
  return renderPage(
    c,
    { title, backLink: `/young-people/${person.youngPersonId}/passport` },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Nobody outside {person.asDelegate ? 'their' : 'your'} college or provider can read the passport unless it is
        shared with them here.
      </p>
      {canShare ? <Button href={`${shares(person.youngPersonId)}/new`}>Share {passportOf(person)}</Button> : null}
      <h2 class="govuk-heading-m">Shared now</h2>
      {active.length === 0 ? <p class="govuk-body">It is not shared with anyone now.</p> : null}
      {[...byEmployer.values()].map((withEmployer) => (
        <>
          {withEmployer.map((share) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">{employerName(share)}</h3>
                {canShare ? (
                  <ul class="govuk-summary-card__actions">
                    <li class="govuk-summary-card__action">
                      <a class="govuk-link" href={`${shares(person.youngPersonId)}/${share.id}/withdraw`}>
                        Stop sharing
                        <span class="govuk-visually-hidden">
                          {' '}
                          {shareInWords(share)} with {employerName(share)}
                        </span>
                      </a>
                    </li>
                  </ul>
                ) : null}
              </div>
              <div class="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    { key: 'They can read', value: partsOf(share.sections) },
                    { key: 'Why', value: share.purpose },
                    { key: 'Until', value: longDate(share.expiresAt) },
                  ]}
                />
              </div>
            </div>
          ))}
          {canShare && withEmployer.length > 1 ? (
            <p class="govuk-body">
              <a
                class="govuk-link"
                href={`${shares(person.youngPersonId)}/employers/${withEmployer[0]!.employerId}/withdraw`}
              >
                Stop sharing everything with {employerName(withEmployer[0]!)}
              </a>
            </p>
          ) : null}
        </>
      ))}
      <h2 class="govuk-heading-m">Shared before</h2>
      {past.length === 0 ? <p class="govuk-body">Nothing yet.</p> : null}
      <ul class="govuk-list govuk-list--spaced">
        {past.map((share) => (
          <li>
            {employerName(share)}: {partsOf(share.sections)}.{' '}
            {share.withdrawnAt ? (
              <Tag colour="grey">Stopped {longDate(share.withdrawnAt)}</Tag>
            ) : (
              <Tag colour="grey">Ended {longDate(share.expiresAt)}</Tag>
            )}
          </li>
        ))}
      </ul>
    </>,
  );
}

/** The share named in the path, its employer's name, and the other shares with that employer active now. */
async function findShare(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const all = await passports.shares(person.actor, person.youngPersonId);
  const share = all.find((candidate) => candidate.id === c.req.param('shareId'));
  if (!share) throw pageNotFound();
  const name = (await passports.employerNames([share])).get(share.employerId) ?? 'the employer';
  return { share, name, others: otherActiveSharesWith(all, share, clock.now()) };
}

/** The active shares with the employer named in the path, and its name; 404 when there are none. */
async function findSharesWith(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const now = clock.now();
  const withEmployer = (await passports.shares(person.actor, person.youngPersonId)).filter(
    (share) => share.employerId === c.req.param('employerId') && shareStatus(share, now) === 'active',
  );
  if (withEmployer.length === 0) throw pageNotFound();
  const name = (await passports.employerNames(withEmployer)).get(withEmployer[0]!.employerId) ?? 'the employer';
  return { withEmployer, name };
}

/** What stays shared with an employer after one share stops: each other share, by its parts and end. */
function StillShared(props: { name: string; others: PassportShare[] }) {
  if (props.others.length === 0) return null;
  return (
    <>
      <p class="govuk-body">{props.name} can still read these parts, because they were shared another time:</p>
      <ul class="govuk-list govuk-list--bullet">
        {props.others.map((other) => (
          <li>{shareInWords(other)}</li>
        ))}
      </ul>
    </>
  );
}

/** Sharing, seeing shares, and stopping a share: consent that is specific and easy to undo. */
export function sharePages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport/shares', (c) => withPerson(c, (person) => sharesPage(c, person)));

  app.get('/young-people/:id/passport/shares/new', (c) =>
    withPerson(c, async (person) =>
      renderPage(
        c,
        { title: `Share ${passportOf(person)}`, backLink: shares(person.youngPersonId) },
        <ShareForm
          person={person}
          employers={await proposalEmployers(c, person)}
          choice={choiceFromQuery(c)}
          errors={{}}
          csrf={csrfToken(c)}
        />,
      ),
    ),
  );

  /** Reads the form and checks it: the share to make, or the form again with its problems (400). */
  const checked = async (
    c: Context<WebEnv>,
    person: PersonPage,
  ): Promise<
    | { choice: ShareChoice; input: NonNullable<ReturnType<typeof validate>['input']>; employerName: string }
    | { problems: Response }
  > => {
    const choice = await readChoice(c);
    const [employers, other] = await Promise.all([
      proposalEmployers(c, person),
      choice.employerId === 'other' ? otherEmployer(c, person, choice) : undefined,
    ]);
    const { input, employerName, errors } = validate(choice, employers, other);
    if (input && employerName) return { choice, input, employerName };
    c.status(400);
    return {
      problems: await renderPage(
        c,
        { title: `Share ${passportOf(person)}`, hasErrors: true, backLink: shares(person.youngPersonId) },
        <ShareForm
          person={person}
          employers={employers}
          otherChoices={other?.choices}
          choice={choice}
          errors={errors}
          csrf={csrfToken(c)}
        />,
      ),
    };
  };

  /** The "check before you share" page; a parent or carer is asked there whether they talked with the young person. */
  const checkPage = (
    c: Context<WebEnv>,
    person: PersonPage,
    result: { choice: ShareChoice; input: NonNullable<ReturnType<typeof validate>['input']>; employerName: string },
    talked: string,
    errors: FieldErrors,
  ) => {
    if (Object.keys(errors).length > 0) c.status(400);
    return renderPage(
      c,
      {
        title: 'Check before you share',
        hasErrors: Object.keys(errors).length > 0,
        backLink: changeLink(person, result.choice),
      },
      <CheckAnswers
        person={person}
        choice={result.choice}
        employerId={result.input.employerId}
        employerName={result.employerName}
        input={result.input}
        youngPersonName={person.asDelegate ? (c.get('session')?.actingFor?.name ?? 'them') : undefined}
        talked={talked}
        errors={errors}
        csrf={csrfToken(c)}
      />,
    );
  };

  app.post('/young-people/:id/passport/shares/new', (c) =>
    withPerson(c, async (person) => {
      const result = await checked(c, person);
      if ('problems' in result) return result.problems;
      return checkPage(c, person, result, '', {});
    }),
  );

  app.post('/young-people/:id/passport/shares', (c) =>
    withPerson(c, async (person) => {
      const result = await checked(c, person);
      if ('problems' in result) return result.problems;
      if (person.asDelegate) {
        const talked = text(await readForm(c), 'talked');
        const name = c.get('session')?.actingFor?.name ?? 'them';
        if (talked === '')
          return checkPage(c, person, result, talked, { talked: `Say whether you have talked to ${name} about this` });
        if (talked !== 'yes')
          return checkPage(c, person, result, talked, {
            talked: `Talk to ${name} first. It is ${name}’s passport: share it only when you know ${name} wants to`,
          });
      }
      const share = await c.var.services.passports.share(
        person.actor,
        person.youngPersonId,
        result.input,
        c.get('requestId'),
      );
      return c.redirect(`${shares(person.youngPersonId)}/${share.id}/shared`, 303);
    }),
  );

  app.get('/young-people/:id/passport/shares/:shareId/shared', (c) =>
    withPerson(c, async (person) => {
      const { share, name } = await findShare(c, person);
      const title = `${person.asDelegate ? person.whose('passport') : 'Your passport'} is shared`;
      return renderPage(
        c,
        { title },
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <Panel title={title}>With {name}</Panel>
            <h2 class="govuk-heading-m">What happens next</h2>
            <p class="govuk-body">
              {name} can now read: {partsOf(share.sections)}.
            </p>
            <p class="govuk-body">
              They can read it until {longDate(share.expiresAt)}. You can see each time they read it.
            </p>
            <p class="govuk-body">Changed your mind? You can stop sharing now.</p>
            <ButtonGroup>
              <Button href={`${shares(person.youngPersonId)}/${share.id}/withdraw`} variant="warning">
                Stop sharing {partsOf(share.sections)} with {name}
              </Button>
              <a class="govuk-link" href={shares(person.youngPersonId)}>
                See who can read {passportOf(person)}
              </a>
            </ButtonGroup>
          </div>
        </div>,
      );
    }),
  );

  app.get('/young-people/:id/passport/shares/:shareId/withdraw', (c) =>
    withPerson(c, async (person) => {
      const { share, name, others } = await findShare(c, person);
      const title = `Stop sharing ${partsOf(share.sections)} with ${name}?`;
      const lost = sectionsOnlyIn(share, others);
      return renderPage(
        c,
        { title, backLink: shares(person.youngPersonId) },
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">
              {lost.length > 0
                ? `${name} will not be able to read ${partsOf(lost)} any more. This happens straight away.`
                : `This share ends straight away.`}
            </p>
            <StillShared name={name} others={others} />
            <p class="govuk-body">You can share with them again later if you want.</p>
            <form method="post" novalidate>
              <CsrfField token={csrfToken(c)} />
              <ButtonGroup>
                <Button variant="warning">Yes, stop sharing</Button>
                <a class="govuk-link" href={shares(person.youngPersonId)}>
                  No, go back
                </a>
              </ButtonGroup>
            </form>
            {others.length > 0 ? (
              <p class="govuk-body">
                <a class="govuk-link" href={`${shares(person.youngPersonId)}/employers/${share.employerId}/withdraw`}>
                  Stop sharing everything with {name}
                </a>
              </p>
            ) : null}
          </div>
        </div>,
      );
    }),
  );

  app.post('/young-people/:id/passport/shares/:shareId/withdraw', (c) =>
    withPerson(c, async (person) => {
      const { share, name } = await findShare(c, person);
      await c.var.services.passports.withdrawShare(person.actor, person.youngPersonId, share.id, c.get('requestId'));
      const { others } = await findShare(c, person);
      return redirectWithFlash(
        c,
        shares(person.youngPersonId),
        `You stopped sharing ${partsOf(share.sections)} with ${name}`,
        others.length > 0
          ? `${name} can still read: ${others.map(shareInWords).join('; ')}.`
          : `${name} cannot read the passport any more.`,
      );
    }),
  );

  app.get('/young-people/:id/passport/shares/employers/:employerId/withdraw', (c) =>
    withPerson(c, async (person) => {
      const { withEmployer, name } = await findSharesWith(c, person);
      const title = `Stop sharing everything with ${name}?`;
      return renderPage(
        c,
        { title, backLink: shares(person.youngPersonId) },
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">
              {name} will not be able to read any of the passport any more. This happens straight away. These shares
              end:
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {withEmployer.map((share) => (
                <li>{shareInWords(share)}</li>
              ))}
            </ul>
            <p class="govuk-body">You can share with them again later if you want.</p>
            <form method="post" novalidate>
              <CsrfField token={csrfToken(c)} />
              <ButtonGroup>
                <Button variant="warning">Yes, stop sharing everything</Button>
                <a class="govuk-link" href={shares(person.youngPersonId)}>
                  No, go back
                </a>
              </ButtonGroup>
            </form>
          </div>
        </div>,
      );
    }),
  );

  app.post('/young-people/:id/passport/shares/employers/:employerId/withdraw', (c) =>
    withPerson(c, async (person) => {
      const { withEmployer, name } = await findSharesWith(c, person);
      await c.var.services.passports.withdrawSharesWith(
        person.actor,
        person.youngPersonId,
        withEmployer[0]!.employerId,
        c.get('requestId'),
      );
      return redirectWithFlash(
        c,
        shares(person.youngPersonId),
        `You stopped sharing everything with ${name}`,
        `${name} cannot read the passport any more.`,
      );
    }),
  );
  return app;
}
