import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, monthInWords, personPage } from '../web/young-person.js';
import { providerClaimsCsv } from './access-to-work.views.js';
import {
  applicantWords,
  claimStateWords,
  lineWords,
  type Overview,
  pounds,
  signerWords,
  WarningText,
} from './access-to-work-words.js';

/** The young person's (or their delegate's) page: what Access to Work pays for, in plain words. */
function PlainWords(props: { overview: Overview; asDelegate: boolean }) {
  const { overview } = props;
  const you = props.asDelegate ? overview.preferredName : 'you';
  const your = props.asDelegate ? `${overview.preferredName}’s` : 'your';
  const { application, award, dates } = overview.case;
  const hasCoach = award?.lines.some((line) => line.kind === 'job_coach');
  return (
    <>
      <p class="govuk-body">
        Access to Work is money from the government. It pays for help at work that {you} need because of a disability.
      </p>
      {award && dates.fundedUntil ? (
        <>
          <p class="govuk-body-l">
            Access to Work pays for {hasCoach ? `${your} job coach` : 'help at work'} until{' '}
            {longDate(dates.fundedUntil)}.
          </p>
          <h2 class="govuk-heading-m">What it pays for</h2>
          <ul class="govuk-list govuk-list--bullet">
            {award.lines.map((line) => (
              <li>{lineWords(line, you)}</li>
            ))}
          </ul>
          {award.refused.length > 0 ? (
            <>
              <h2 class="govuk-heading-m">What it does not pay for</h2>
              <ul class="govuk-list govuk-list--bullet">
                {award.refused.map((item) => (
                  <li>
                    {item.item}. {item.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {dates.renewalOpensOn ? (
            <p class="govuk-body">
              From {longDate(dates.renewalOpensOn)}, {your} job coach can ask for the help to go on for longer.
            </p>
          ) : null}
        </>
      ) : application?.sentOn ? (
        <p class="govuk-body">
          The application was sent on {longDate(application.sentOn)}. Access to Work will write with their answer. This
          can take a few months.
        </p>
      ) : application ? (
        <p class="govuk-body">
          {application.signer === 'young_person'
            ? `${props.asDelegate ? `${overview.preferredName} needs` : 'You need'} to sign the forms. ${props.asDelegate ? 'Their' : 'Your'} job coach will help.`
            : 'The application is being written. The appointee will sign the forms.'}
        </p>
      ) : (
        <p class="govuk-body">{props.asDelegate ? 'The' : 'Your'} job coach has not applied yet.</p>
      )}
    </>
  );
}

const when = (date: string | null, otherwise = 'Not known yet') => (date ? longDate(date) : otherwise);

/** The application as recorded: who applies, the reference, when it was sent, who signs. */
function ApplicationSummary(props: { overview: Overview; youngPersonId: string }) {
  const { application } = props.overview.case;
  return (
    <>
      <h2 class="govuk-heading-m">Application</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={`/young-people/${props.youngPersonId}/access-to-work/application`}>
          {application ? 'Change the application' : 'Record the application'}
        </a>
      </p>
      <SummaryList
        rows={[
          { key: 'Who applies', value: application ? applicantWords[application.appliedBy] : 'Not recorded' },
          { key: 'Reference', value: props.overview.reference ?? 'Not known yet' },
          { key: 'Sent on', value: when(application?.sentOn ?? null, 'Not sent') },
          {
            key: 'Who signs',
            value: application
              ? `${signerWords[application.signer]}${application.appointeeName ? `: ${application.appointeeName}` : ''}`
              : 'Not recorded',
          },
        ]}
      />
    </>
  );
}

/** The dates DWP's rules give from the placement's start and the award. */
function CaseDates(props: { dates: Overview['case']['dates'] }) {
  const { dates } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Dates</h2>
      <SummaryList
        rows={[
          { key: 'Placement starts', value: when(dates.placementStart) },
          { key: 'Can apply from', value: when(dates.applicationOpensOn) },
          { key: 'Ask for a reconsideration by', value: when(dates.reconsiderationDeadline) },
          { key: 'Funded until', value: when(dates.fundedUntil) },
          { key: 'Renewal opens', value: when(dates.renewalOpensOn) },
          { key: 'Intensive coaching until', value: when(dates.intensiveCoachingUntil) },
          { key: 'With the adviser’s extra 13 weeks, until', value: when(dates.discretionaryCoachingUntil) },
        ]}
      />
    </>
  );
}

/** The award from the letter: each line of support with its dates and total, and the employer's share. */
function AwardSummary(props: { award: NonNullable<Overview['case']['award']> }) {
  const { award } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Award</h2>
      <p class="govuk-body">Letter dated {longDate(award.letterDate)}.</p>
      <TableRegion label="Award lines">
        <Table
          head={[{ text: 'Support' }, { text: 'Dates' }, { text: 'Total', format: 'numeric' }]}
          rows={award.lines.map((line) => [
            {
              text:
                line.kind === 'job_coach'
                  ? `Job coach, ${line.hoursPerWeek} hours a week at ${pounds(line.costPerHourPence ?? 0)} an hour`
                  : lineWords(line, 'them'),
            },
            { text: `${longDate(line.startsOn)} to ${longDate(line.endsOn)}` },
            { text: pounds(line.totalPence), format: 'numeric' },
          ])}
        />
      </TableRegion>
      <p class="govuk-body">Employer’s contribution: {pounds(award.employerContributionPence)}.</p>
    </>
  );
}

/** The monthly claims, each linked to its page, with its hours, total and where it is. */
function ClaimsTable(props: { claims: Overview['claims']; youngPersonId: string }) {
  return (
    <TableRegion label="Claims">
      <Table
        head={[
          { text: 'Month' },
          { text: 'Hours', format: 'numeric' },
          { text: 'Total', format: 'numeric' },
          { text: 'Where it is' },
        ]}
        rows={props.claims.map((claim) => [
          {
            text: (
              <a class="govuk-link" href={`/young-people/${props.youngPersonId}/access-to-work/claims/${claim.id}`}>
                {monthInWords(claim.month)}
                <span class="govuk-visually-hidden"> claim</span>
              </a>
            ),
          },
          { text: claim.coachingHours, format: 'numeric' },
          { text: pounds(claim.totalPence), format: 'numeric' },
          { text: claimStateWords[claim.state] },
        ])}
      />
    </TableRegion>
  );
}

/** Drafting the claim of a month not claimed yet. */
function DraftClaimForm(props: { months: string[]; youngPersonId: string; errors: FieldErrors; csrf: string }) {
  return (
    <form method="post" action={`/young-people/${props.youngPersonId}/access-to-work/claims`} novalidate>
      <CsrfField token={props.csrf} />
      <Select
        name="month"
        label="Month to claim for"
        hint="The claim counts the job coaching hours of each week that starts in that month. Study time is never claimed."
        items={props.months.map((month) => ({ value: month, text: monthInWords(month) }))}
        error={props.errors.month}
      />
      <Button>Draft the claim</Button>
    </form>
  );
}

/** The job coach's view: the dates DWP's rules give, the claims, and drafting the next one. */
function CoachView(props: { overview: Overview; youngPersonId: string; errors: FieldErrors; csrf: string }) {
  const { overview, youngPersonId } = props;
  const { application, award, dates } = overview.case;
  return (
    <>
      {dates.applicationLate ? (
        <WarningText text="The placement starts in less than 6 months and the application has not been sent." />
      ) : null}
      <ApplicationSummary overview={overview} youngPersonId={youngPersonId} />
      <CaseDates dates={dates} />
      {application?.sentOn ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/young-people/${youngPersonId}/access-to-work/award`}>
            {award ? 'Change the award' : 'Record the award from the letter'}
          </a>
        </p>
      ) : null}
      {award ? <AwardSummary award={award} /> : null}
      <h2 class="govuk-heading-m">Claims</h2>
      {overview.claims.length === 0 ? <p class="govuk-body">No claims yet.</p> : null}
      {overview.claims.length > 0 ? <ClaimsTable claims={overview.claims} youngPersonId={youngPersonId} /> : null}
      {overview.claimableMonths.length > 0 && award ? (
        <DraftClaimForm
          months={overview.claimableMonths}
          youngPersonId={youngPersonId}
          errors={props.errors}
          csrf={props.csrf}
        />
      ) : null}
    </>
  );
}

async function overviewPage(c: Context<WebEnv>, errors: FieldErrors = {}) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const overview = await c.var.services.accessToWork.overview(page.actor, youngPersonId);
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `Access to Work: ${overview.preferredName}`, hasErrors },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">Access to Work</h1>
        {overview.mayWrite ? (
          <CoachView overview={overview} youngPersonId={youngPersonId} errors={errors} csrf={csrfToken(c)} />
        ) : (
          <PlainWords overview={overview} asDelegate={page.actor.role !== 'young_person'} />
        )}
      </div>
    </div>,
  );
}

async function draftClaim(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  let claimId: string;
  try {
    claimId = (
      await c.var.services.accessToWork.draftClaim(pageActor(c), youngPersonId, text(form, 'month'), c.get('requestId'))
    ).id;
  } catch (error) {
    const errors = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'validation_failed', 'conflict'],
      fieldFor: () => 'month',
      fallbackField: 'month',
    });
    return overviewPage(c, errors);
  }
  return redirectWithFlash(
    c,
    `/young-people/${youngPersonId}/access-to-work/claims/${claimId}`,
    'The claim is drafted',
  );
}

/** Every claim of the provider's young people, for the reports page's download link. */
async function providerClaimsDownload(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The provider’s Access to Work claims are for its job coaches and admins.');
  const rows = await c.var.services.accessToWork.providerClaims(actor);
  return c.body(providerClaimsCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="access-to-work-claims.csv"',
    'Cache-Control': 'no-store',
  });
}

/** A young person's Access to Work: the overview for each reader, drafting a claim, and the provider's claims download. */
export function accessToWorkPages() {
  const app = new Hono<WebEnv>();
  const base = '/young-people/:youngPersonId{[0-9a-f]{24}}/access-to-work';
  app.get('/access-to-work/claims.csv', (c) => providerClaimsDownload(c));
  app.get(base, (c) => overviewPage(c));
  app.post(`${base}/claims`, (c) => draftClaim(c));
  return app;
}
