import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type Sector, sectorLabels } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrors, readForm, text, tooLongAnswers } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { disabilityConfidentWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';

function adminOnly(c: Context<WebEnv>) {
  if (pageActor(c).role !== 'provider_admin') throw pageForbidden('This page is for the people who run the provider.');
}

const roleWords: Record<string, string> = {
  job_coach: 'Job coach',
  provider_admin: 'Provider admin',
  young_person: 'Young person',
  delegate: 'Parent or carer',
  employer: 'Employer',
};

/** A provider admin's home: employers waiting to be checked first, then staff and reports. */
async function adminHome(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const waiting = await c.var.services.employers.list(actor, { verified: false, limit: 1, offset: 0 });
  return renderPage(
    c,
    { title: 'What needs you' },
    <>
      <h1 class="govuk-heading-l">What needs you</h1>
      <ul class="govuk-list govuk-list--spaced">
        <li>
          <a class="govuk-link" href="/employers/verification">
            {waiting.total === 0
              ? 'No employers are waiting to be checked'
              : `${waiting.total} ${waiting.total === 1 ? 'employer is' : 'employers are'} waiting to be checked`}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/staff">
            Staff: invite job coaches, turn accounts off
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/caseload">
            Young people at your provider
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/reports">
            Reports for the local authority and funders
          </a>
        </li>
      </ul>
    </>,
  );
}

const inviteForm = z.object({
  name: z.string().trim().min(1, 'Enter the job coach’s name').max(120, 'The name must be 120 characters or fewer'),
  email: z.string().trim().email('Enter an email address in the right format, like name@example.com'),
});

async function staffPage(c: Context<WebEnv>, form = { name: '', email: '' }, errors: FieldErrors = {}) {
  adminOnly(c);
  const actor = pageActor(c);
  const accounts = (await c.var.services.accounts.list(actor, undefined)).filter(
    (account) => account.role === 'job_coach' || account.role === 'provider_admin',
  );
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: 'Staff', hasErrors },
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Staff</h1>
      <TableRegion label="Staff accounts">
        <Table
          caption="Staff accounts"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Name' }, { text: 'Role' }, { text: 'Account' }]}
          rows={accounts.map((account) => [
            {
              text: (
                <>
                  {account.name}
                  <br />
                  <span class="govuk-body-s">{account.email}</span>
                </>
              ),
            },
            { text: roleWords[account.role] ?? account.role },
            {
              text:
                account.id === actor.accountId ? (
                  <Tag colour="green">On (you)</Tag>
                ) : (
                  <form
                    method="post"
                    action={`/staff/${account.id}/${account.status === 'active' ? 'disable' : 'enable'}`}
                  >
                    <CsrfField token={csrfToken(c)} />
                    <Tag colour={account.status === 'active' ? 'green' : 'grey'}>
                      {account.status === 'active' ? 'On' : 'Turned off'}
                    </Tag>{' '}
                    <Button variant={account.status === 'active' ? 'warning' : 'secondary'}>
                      {account.status === 'active' ? 'Turn off' : 'Turn on'}{' '}
                      <span class="govuk-visually-hidden">{account.name}’s account</span>
                    </Button>
                  </form>
                ),
            },
          ])}
        />
      </TableRegion>
      <h2 class="govuk-heading-m">Invite a job coach</h2>
      <p class="govuk-body">They get a link to choose a password. The link works for 7 days.</p>
      <form method="post" action="/staff/invitations" novalidate>
        <CsrfField token={csrfToken(c)} />
        <Input name="name" label="Full name" autocomplete="off" value={form.name} error={errors.name} />
        <Input
          name="email"
          label="Email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={form.email}
          error={errors.email}
        />
        <Button>Send the invitation</Button>
      </form>
    </>,
  );
}

async function inviteCoach(c: Context<WebEnv>) {
  adminOnly(c);
  const body = await readForm(c);
  const form = { name: text(body, 'name'), email: text(body, 'email') };
  const parsed = inviteForm.safeParse(form);
  if (!parsed.success) return staffPage(c, form, fieldErrors(parsed.error));
  try {
    await c.var.services.invitations.create(
      pageActor(c),
      { role: 'job_coach', name: parsed.data.name, email: parsed.data.email },
      c.get('requestId'),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict', 'unprocessable')) return staffPage(c, form, { email: error.message });
    throw error;
  }
  return redirectWithFlash(c, '/staff', `Invitation sent to ${parsed.data.email}`);
}

async function setAccountStatus(c: Context<WebEnv>, status: 'active' | 'disabled') {
  adminOnly(c);
  const account = await c.var.services.accounts.setStatus(
    pageActor(c),
    pageParam(c, 'accountId'),
    status,
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    '/staff',
    status === 'disabled' ? `${account.name}’s account is turned off` : `${account.name}’s account is turned on`,
    status === 'disabled' ? 'They are signed out everywhere at once.' : undefined,
  );
}

/** What was typed into one employer's check when it was refused, to show it again with the problem. */
interface FailedCheck {
  evidence: string;
  reason: string;
  errors: FieldErrors;
}

const verifiedPageSize = 50;
const waitingListSize = 100;

function TownFilter(props: { towns: string[]; town: string }) {
  return (
    <form method="get" action="/employers/verification" role="search" aria-label="Employers by area">
      <Select
        name="town"
        label="Area"
        items={[{ value: '', text: 'Every area' }, ...props.towns.map((value) => ({ value, text: value }))]}
        value={props.town}
      />
      <Button variant="secondary">Show employers in this area</Button>
    </form>
  );
}

/** How many are waiting (in the area chosen), and whether the list shows only the first of them. */
function waitingInWords(waiting: { total: number; items: unknown[] }, town: string): string {
  if (waiting.total === 0) return town ? `No employers in ${town} are waiting.` : 'No employers are waiting.';
  return `${waiting.total} ${waiting.total === 1 ? 'employer is' : 'employers are'} waiting${town ? ` in ${town}` : ''}${waiting.total > waiting.items.length ? `. These are the first ${waiting.items.length}, by name` : ''}.`;
}

interface WaitingEmployer {
  id: string;
  name: string;
  sector: Sector;
  address: { town: string };
  createdAt: string;
}

function WaitingTable(props: { employers: WaitingEmployer[] }) {
  return (
    <TableRegion label="Employers waiting to be checked">
      <Table
        caption="Employers waiting to be checked"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[{ text: 'Employer' }, { text: 'Town' }, { text: 'Signed up' }]}
        rows={props.employers.map((employer) => [
          {
            text: (
              <>
                <a class="govuk-link" href={`/employers/verification/${employer.id}`}>
                  {employer.name}
                </a>
                <br />
                <span class="govuk-body-s">{sectorLabels[employer.sector]}</span>
              </>
            ),
          },
          { text: employer.address.town },
          { text: longDate(employer.createdAt) },
        ])}
      />
    </TableRegion>
  );
}

/** Each employer this provider verified, with the button that withdraws it. */
function VerifiedList(props: { employers: { id: string; name: string }[]; csrfToken: string }) {
  return (
    <ul class="govuk-list">
      {props.employers.map((employer) => (
        <li class="govuk-!-margin-bottom-4">
          <form method="post" action={`/employers/verification/${employer.id}`}>
            <CsrfField token={props.csrfToken} />
            <span class="govuk-body govuk-!-font-weight-bold">{employer.name}</span>{' '}
            <Button name="verified" value="no" variant="warning">
              Withdraw verification <span class="govuk-visually-hidden">of {employer.name}</span>
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/**
 * Employers waiting to be checked, as a list to pick from (by area), each checked on a page of its
 * own; and those this provider verified, which can be withdrawn.
 */
async function verificationPage(c: Context<WebEnv>) {
  adminOnly(c);
  const actor = pageActor(c);
  const page = pageNumber(c.req.query('page'), 200);
  const towns = await c.var.services.employers.towns(actor, { verified: false });
  const askedTown = c.req.query('town') ?? '';
  const town = towns.includes(askedTown) ? askedTown : '';
  const [waiting, verified] = await Promise.all([
    c.var.services.employers.list(actor, {
      verified: false,
      ...(town ? { town } : {}),
      limit: waitingListSize,
      offset: 0,
    }),
    // The ones this provider can withdraw: those it verified, a page at a time.
    c.var.services.employers.list(actor, {
      verified: true,
      ...(actor.providerId ? { verifiedBy: actor.providerId } : {}),
      limit: verifiedPageSize,
      offset: (page - 1) * verifiedPageSize,
    }),
  ]);
  const pages = Math.max(1, Math.ceil(verified.total / verifiedPageSize));
  return renderPage(
    c,
    { title: 'Employers to check' },
    <>
      <h1 class="govuk-heading-l">Employers to check</h1>
      <p class="govuk-body">
        Check that each employer is real and can support an intern before their placements go live. For example, look at
        their Disability Confident certificate and its date.
      </p>
      {towns.length > 1 ? <TownFilter towns={towns} town={town} /> : null}
      <p class="govuk-body">{waitingInWords(waiting, town)}</p>
      {waiting.items.length > 0 ? <WaitingTable employers={waiting.items} /> : null}
      <h2 class="govuk-heading-m">Employers you verified</h2>
      <p class="govuk-body">
        {verified.total === 0
          ? 'None yet.'
          : `${verified.total.toLocaleString('en-GB')} ${verified.total === 1 ? 'employer' : 'employers'}, by name.`}{' '}
        Only the provider that verified an employer can withdraw it.
      </p>
      <VerifiedList employers={verified.items} csrfToken={csrfToken(c)} />
      <Pagination
        page={page}
        pages={pages}
        href={(target) =>
          `/employers/verification?${new URLSearchParams({ ...(town ? { town } : {}), page: String(target) })}`
        }
      />
      <p class="govuk-body">
        Withdrawing verification pauses the employer’s open placements at once. They are not reopened if you verify the
        employer again.
      </p>
    </>,
  );
}

/** What the audit trail keeps of a verification decision. */
const verificationLimits = {
  evidence: { label: 'What you checked', max: 500 },
  reason: { label: 'Why you cannot verify them', max: 1000 },
};
/** One employer waiting to be checked: what they told us, and the decision. */
async function checkEmployerPage(c: Context<WebEnv>, failed?: FailedCheck) {
  adminOnly(c);
  if (failed) c.status(400);
  const { employer } = await c.var.services.employers.get(pageActor(c), pageParam(c, 'employerId'));
  return renderPage(
    c,
    { title: `Check ${employer.name}`, hasErrors: Boolean(failed), backLink: '/employers/verification' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={failed?.errors ?? {}} />
        <span class="govuk-caption-l">Employers to check</span>
        <h1 class="govuk-heading-l">{employer.name}</h1>
        <SummaryList
          rows={[
            { key: 'Kind of work', value: sectorLabels[employer.sector] },
            {
              key: 'Address',
              value: `${employer.address.line1}, ${employer.address.town}, ${employer.address.postcode}`,
            },
            { key: 'Disability Confident', value: disabilityConfidentWords[employer.disabilityConfident] },
            ...employer.contacts.map((contact) => ({
              key: 'Contact',
              value: `${contact.name}${contact.jobTitle ? `, ${contact.jobTitle}` : ''}${contact.email ? `, ${contact.email}` : ''}`,
            })),
            { key: 'Signed up', value: longDate(employer.createdAt) },
          ]}
        />
        {employer.verified ? (
          <p class="govuk-body">{employer.name} is verified.</p>
        ) : (
          <form method="post" action={`/employers/verification/${employer.id}`} novalidate>
            <CsrfField token={csrfToken(c)} />
            <Input
              name="evidence"
              label="What did you check?"
              hint="For example, Disability Confident Employer certificate, valid until March 2027."
              value={failed?.evidence ?? ''}
              error={failed?.errors.evidence}
            />
            <CharacterCount
              name="reason"
              label="If you cannot verify them, why not? (only for saying no)"
              value={failed?.reason ?? ''}
              rows={2}
              maxLength={1000}
              error={failed?.errors.reason}
            />
            <ButtonGroup>
              <Button name="verified" value="yes">
                Verify {employer.name}
              </Button>
              <Button name="verified" value="refuse" variant="secondary">
                Do not verify {employer.name}
              </Button>
            </ButtonGroup>
          </form>
        )}
      </div>
    </div>,
  );
}

async function setVerification(c: Context<WebEnv>) {
  adminOnly(c);
  const form = await readForm(c);
  const decision = text(form, 'verified');
  const employerId = pageParam(c, 'employerId');
  const evidence = text(form, 'evidence');
  const reason = text(form, 'reason');
  const tooLong = tooLongAnswers(form, verificationLimits);
  if (Object.keys(tooLong).length > 0) return checkEmployerPage(c, { evidence, reason, errors: tooLong });
  if (decision === 'refuse') {
    if (!reason)
      return checkEmployerPage(c, {
        evidence,
        reason,
        errors: { reason: 'Say why you cannot verify this employer' },
      });
    const refused = await c.var.services.employers.refuseVerification(
      pageActor(c),
      employerId,
      { reason, ...(evidence ? { evidence } : {}) },
      c.get('requestId'),
    );
    return redirectWithFlash(
      c,
      '/employers/verification',
      `You did not verify ${refused.name}`,
      'Your reason is recorded. They stay unverified.',
    );
  }
  const verified = decision === 'yes';
  if (verified && !evidence)
    return checkEmployerPage(c, {
      evidence,
      reason,
      errors: { evidence: 'Say what you checked, for example their Disability Confident certificate' },
    });
  const employer = await c.var.services.employers.setVerification(
    pageActor(c),
    employerId,
    verified,
    c.get('requestId'),
    evidence ? { evidence } : {},
  );
  return redirectWithFlash(
    c,
    '/employers/verification',
    verified ? `${employer.name} is verified` : `Verification of ${employer.name} is withdrawn`,
    verified ? 'Their open placements can now be found and matched.' : 'Their open placements are paused.',
  );
}

export function adminPages() {
  const app = new Hono<WebEnv>();
  app.get('/staff', (c) => staffPage(c));
  app.post('/staff/invitations', (c) => inviteCoach(c));
  app.post('/staff/:accountId{[0-9a-f]{24}}/disable', (c) => setAccountStatus(c, 'disabled'));
  app.post('/staff/:accountId{[0-9a-f]{24}}/enable', (c) => setAccountStatus(c, 'active'));
  app.get('/employers/verification', (c) => verificationPage(c));
  app.get('/employers/verification/:employerId{[0-9a-f]{24}}', (c) => checkEmployerPage(c));
  app.post('/employers/verification/:employerId{[0-9a-f]{24}}', (c) => setVerification(c));
  return { routes: app, homes: { provider_admin: adminHome } };
}
