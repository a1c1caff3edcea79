import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  type DisabilityConfidentLevel,
  disabilityConfidentLevels,
  type Sector,
  sectorLabels,
  sectors,
} from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList, type SummaryRow } from '../web/components/SummaryList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import {
  type FieldErrors,
  type FieldWording,
  type FormBody,
  type FormWording,
  fieldErrors,
  fieldErrorsFromRefusal,
  readForm,
  text,
} from '../web/forms.js';
import { pageActor } from '../web/page-context.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash, startSession } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { disabilityConfidentWords } from '../web/words.js';
import { employerInputSchema } from './employers.schemas.js';

const emailWording: FieldWording = {
  id: 'email',
  label: 'Your work email address',
  whenWrong: 'Enter an email address in the right format, like name@example.com',
};

const disabilityConfidentWording = {
  label: 'Your Disability Confident level',
  whenEmpty: 'Choose your Disability Confident level',
  whenWrong: 'Choose your Disability Confident level',
} satisfies FieldWording;

/** The sign-up form's fields, by the path of the organisation's schema (`employerInputSchema`). */
const organisationWording: FormWording = {
  name: { label: 'The name of your organisation' },
  sector: { label: 'The kind of work you do', whenEmpty: 'Choose the kind of work you do' },
  'address.line1': { id: 'line1', label: 'The first line of the address' },
  'address.town': { id: 'town', label: 'The town or city' },
  'address.postcode': {
    id: 'postcode',
    label: 'The postcode',
    whenWrong: 'Enter a real postcode, like LS1 4AP',
  },
  disabilityConfident: disabilityConfidentWording,
  'contacts.0.email': emailWording,
  contacts: { id: 'contactName', label: 'Your full name' },
};

/** The same form's fields, by the path of the account's schema. */
const accountWording: FormWording = {
  name: { id: 'contactName', label: 'Your full name' },
  email: emailWording,
  password: { label: 'Your password', whenEmpty: 'Enter a password of at least 12 characters' },
};

/** A refusal from the service, by its API path, to the field it belongs to. */
const fieldIds: Record<string, string> = {
  'organisation.name': 'name',
  'organisation.sector': 'sector',
  'organisation.address.line1': 'line1',
  'organisation.address.town': 'town',
  'organisation.address.postcode': 'postcode',
  'organisation.disabilityConfident': 'disabilityConfident',
  'account.name': 'contactName',
  'account.email': 'email',
  'account.password': 'password',
};

const wordingById: FormWording = Object.fromEntries(
  Object.entries({ ...organisationWording, ...accountWording }).map(([key, field]) => [field.id ?? key, field]),
);

const accountSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.string().trim().min(1).max(254).email(),
  // min(1) first, so that an empty box asks for a password rather than a longer one.
  password: z.string().min(1).min(12).max(200),
});

function OrganisationFields(props: { value: (name: string) => string; errors: FieldErrors }) {
  const { value, errors } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Your organisation</h2>
      <Input
        name="name"
        label="Organisation name"
        autocomplete="organization"
        value={value('name')}
        error={errors.name}
      />
      <Select
        name="sector"
        label="Kind of work"
        items={[
          { value: '', text: 'Choose one' },
          ...sectors.map((sector) => ({ value: sector, text: sectorLabels[sector] })),
        ]}
        value={value('sector')}
        error={errors.sector}
      />
      <Input
        name="line1"
        label="Address line 1"
        autocomplete="address-line1"
        value={value('line1')}
        error={errors.line1}
      />
      <Input
        name="town"
        label="Town or city"
        autocomplete="address-level2"
        width="20"
        value={value('town')}
        error={errors.town}
      />
      <Input
        name="postcode"
        label="Postcode"
        autocomplete="postal-code"
        width="10"
        value={value('postcode')}
        error={errors.postcode}
      />
      <Radios
        name="disabilityConfident"
        legend="Disability Confident level"
        legendSize="s"
        hint="The government scheme for employers. Choose “Not in the scheme” if you are not."
        items={disabilityConfidentLevels.map((level) => ({ value: level, text: disabilityConfidentWords[level] }))}
        value={value('disabilityConfident')}
        error={errors.disabilityConfident}
      />
    </>
  );
}

/** The person signing up, whose account this becomes; the password is never sent back. */
function AccountFields(props: { value: (name: string) => string; errors: FieldErrors }) {
  const { value, errors } = props;
  return (
    <>
      <h2 class="govuk-heading-m">You</h2>
      <Input
        name="contactName"
        label="Full name"
        autocomplete="name"
        value={value('contactName')}
        error={errors.contactName}
      />
      <Input
        name="email"
        label="Work email address"
        type="email"
        autocomplete="email"
        spellcheck={false}
        value={value('email')}
        error={errors.email}
      />
      <Input
        name="password"
        label="Choose a password"
        hint="At least 12 characters. A few words you will remember work well. You can paste it."
        type="password"
        autocomplete="new-password"
        error={errors.password}
      />
    </>
  );
}

function SignUpForm(props: { c: Context<WebEnv>; form: FormBody; errors: FieldErrors }) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">Offer supported internships</h1>
        <p class="govuk-body">
          Tell us about your organisation. A local provider will check it before your placements go live.
        </p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(props.c)} />
          <OrganisationFields value={value} errors={errors} />
          <AccountFields value={value} errors={errors} />
          <Button>Create the account</Button>
        </form>
      </div>
    </div>
  );
}

async function signUp(c: Context<WebEnv>) {
  const form = await readForm(c);
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: 'Offer supported internships', hasErrors: true },
      <SignUpForm c={c} form={{ ...form, password: '' }} errors={errors} />,
    );
  };
  const organisation = employerInputSchema.safeParse({
    name: text(form, 'name'),
    sector: text(form, 'sector'),
    address: { line1: text(form, 'line1'), town: text(form, 'town'), postcode: text(form, 'postcode') },
    disabilityConfident: text(form, 'disabilityConfident') || undefined,
    contacts: [{ name: text(form, 'contactName') || 'Contact', email: text(form, 'email') || undefined }],
  });
  const account = accountSchema.safeParse({
    name: text(form, 'contactName'),
    email: text(form, 'email'),
    password: text(form, 'password'),
  });
  const errors: FieldErrors = organisation.success ? {} : fieldErrors(organisation.error, organisationWording);
  if (!text(form, 'disabilityConfident')) errors.disabilityConfident = disabilityConfidentWording.whenEmpty;
  if (!account.success) Object.assign(errors, fieldErrors(account.error, accountWording));
  if (Object.keys(errors).length > 0 || !organisation.success || !account.success) return again(errors);
  try {
    const created = await c.var.services.employers.signUp(
      { organisation: organisation.data, account: account.data },
      c.get('requestId'),
    );
    await startSession(c, created.account.id);
  } catch (error) {
    return again(
      fieldErrorsFromRefusal(error, {
        codes: ['unprocessable', 'conflict'],
        fieldFor: (path) => fieldIds[path] ?? 'name',
        fallbackField: 'name',
        wording: wordingById,
      }),
    );
  }
  return c.redirect('/employers/sign-up/done', 303);
}

function donePage(c: Context<WebEnv>) {
  return renderPage(
    c,
    { title: 'Your account is ready' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">Your account is ready</h1>
        </div>
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body">A local provider will check your organisation. This usually takes a few working days.</p>
        <p class="govuk-body">
          You can write your placements now. They go live, and job coaches can find them, once the provider has checked
          you.
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/placements/new">
            Write your first placement
          </a>
        </p>
      </div>
    </div>,
  );
}

interface OrganisationDetails {
  verified: boolean;
  sector: Sector;
  address: { line1: string; town: string; postcode: string };
  disabilityConfident: DisabilityConfidentLevel;
}

function organisationRows(employer: OrganisationDetails): SummaryRow[] {
  return [
    {
      key: 'Checked by a provider',
      value: employer.verified ? 'Yes' : 'Not yet. Your placements go live once a provider has checked you.',
    },
    { key: 'Kind of work', value: sectorLabels[employer.sector] },
    {
      key: 'Address',
      value: `${employer.address.line1}, ${employer.address.town}, ${employer.address.postcode}`,
    },
    { key: 'Disability Confident', value: disabilityConfidentWords[employer.disabilityConfident] },
  ];
}

function InviteColleagueForm(props: { csrfToken: string; form: FormBody; errors: FieldErrors }) {
  const { form, errors } = props;
  return (
    <form method="post" action="/organisation/invitations" novalidate>
      <CsrfField token={props.csrfToken} />
      <Input name="name" label="Their full name" autocomplete="off" value={text(form, 'name')} error={errors.name} />
      <Input
        name="email"
        label="Their work email address"
        type="email"
        autocomplete="off"
        spellcheck={false}
        value={text(form, 'email')}
        error={errors.email}
      />
      <Button>Send the invitation</Button>
    </form>
  );
}

interface InternOnPlacement {
  matchId: string;
  name: string;
  coach: { name: string; email: string } | undefined;
}

/** Whom to ask about each intern on placement now: their job coach, by email. */
function InternsCoaches(props: { interns: InternOnPlacement[] }) {
  if (props.interns.length === 0) return <p class="govuk-body">You have no interns on placement now.</p>;
  return (
    <SummaryList
      rows={props.interns.map(({ matchId, name, coach }) => ({
        key: name,
        value: coach ? (
          <>
            {coach.name},{' '}
            <a class="govuk-link" href={`mailto:${coach.email}`}>
              {coach.email}
            </a>
          </>
        ) : (
          'No job coach named'
        ),
        action: { href: `/journeys/${matchId}`, text: 'See', visuallyHiddenText: `${name}’s placement` },
      }))}
    />
  );
}

/** The employer's organisation: what we hold, whether it is verified, staff, and a way to invite a colleague. */
async function organisationPage(c: Context<WebEnv>, form: FormBody = {}, errors: FieldErrors = {}) {
  const actor = pageActor(c);
  if (actor.role !== 'employer' || !actor.employerId) throw pageForbidden('This page is for employers.');
  const { journey } = c.var.services;
  const [{ employer }, staff, running] = await Promise.all([
    c.var.services.employers.get(actor, actor.employerId),
    c.var.services.accounts.list(actor, 'employer'),
    journey.list(actor, { state: 'in_progress', limit: 100, offset: 0 }),
  ]);
  const labels = await journey.labels(running.items);
  const interns = await Promise.all(
    running.items.map(async (match) => ({
      matchId: match.id,
      name: labels.youngPersonName(match.youngPersonId),
      coach: await journey.coachContact(actor, match),
    })),
  );
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: employer.name, hasErrors },
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">Your organisation</span>
      <h1 class="govuk-heading-l">{employer.name}</h1>
      <SummaryList rows={organisationRows(employer)} />
      <h2 class="govuk-heading-m">Staff</h2>
      <ul class="govuk-list">
        {staff.map((account) => (
          <li>
            {account.name} ({account.email}){account.status === 'active' ? '' : ', turned off'}
          </li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">Invite a colleague</h2>
      <InviteColleagueForm csrfToken={csrfToken(c)} form={form} errors={errors} />
      <h2 class="govuk-heading-m">Your interns’ job coaches</h2>
      <InternsCoaches interns={interns} />
    </>,
  );
}

async function inviteColleague(c: Context<WebEnv>) {
  const form = await readForm(c);
  const parsed = z
    .object({ name: z.string().trim().min(1).max(120), email: z.string().trim().max(254).email() })
    .safeParse({ name: text(form, 'name'), email: text(form, 'email') });
  if (!parsed.success)
    return organisationPage(
      c,
      form,
      fieldErrors(parsed.error, {
        name: { label: 'Their full name' },
        email: { ...emailWording, label: 'Their email address' },
      }),
    );
  try {
    await c.var.services.invitations.create(
      pageActor(c),
      { role: 'employer', name: parsed.data.name, email: parsed.data.email },
      c.get('requestId'),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict', 'unprocessable', 'forbidden'))
      return organisationPage(c, form, { email: error.message });
    throw error;
  }
  return redirectWithFlash(c, '/organisation', `Invitation sent to ${parsed.data.email}`);
}

export function organisationPages() {
  const app = new Hono<WebEnv>();
  app.get('/employers/sign-up', (c) =>
    renderPage(c, { title: 'Offer supported internships' }, <SignUpForm c={c} form={{}} errors={{}} />),
  );
  app.post('/employers/sign-up', (c) => signUp(c));
  app.get('/employers/sign-up/done', (c) => donePage(c));
  app.get('/organisation', (c) => organisationPage(c));
  app.post('/organisation/invitations', (c) => inviteColleague(c));
  return app;
}
