import { type Context, Hono, type Next } from 'hono';
import { z } from 'zod';
import { type DelegateRight, delegateRights } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import { type FieldErrors, list, readForm, text } from '../web/forms.js';
import type { HomePage } from '../web/home.js';
import { pageAccount, pageActor, pageSession } from '../web/page-context.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { safeReturnPath } from '../web/return-path.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords } from '../web/words.js';
import { longDate, type PersonPage, personPage, withPerson } from '../web/young-person.js';
import { DecidedForYouNotice, type NextThing, nextThings } from './next-things.js';

export const rightLabels: Record<DelegateRight, { text: string; hint: string }> = {
  view_profile: { text: 'See my profile', hint: 'Where I live, when I can work, what I like.' },
  edit_profile: { text: 'Change my profile', hint: '' },
  view_passport: { text: 'Read my adjustments passport', hint: 'All of it, including "My condition".' },
  edit_passport: { text: 'Change my adjustments passport', hint: 'And say yes or no to changes from my job coach.' },
  share_passport: { text: 'Share my passport with employers', hint: 'And stop sharing it.' },
  respond_to_proposals: { text: 'Say yes or no to placements for me', hint: '' },
};

function NextThingsList(props: { things: NextThing[] }) {
  return (
    <>
      {props.things.length === 0 ? <p class="govuk-body-l">There is nothing you need to do now.</p> : null}
      <ol class="govuk-list govuk-list--number govuk-list--spaced">
        {props.things.map((thing) => (
          <li>
            <a class="govuk-link govuk-!-font-weight-bold" href={thing.href}>
              {thing.text}
            </a>
            <br />
            {thing.why}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The ways into the young person's pages; a delegate sees the profile's pages only with the right to. */
function PersonPagesList({ person }: { person: PersonPage }) {
  const base = `/young-people/${person.youngPersonId}`;
  const seesProfile = !person.asDelegate || person.may('view_profile');
  return (
    <ul class="govuk-list govuk-list--spaced">
      <li>
        <a class="govuk-link" href={`${base}/passport`}>
          {person.whose('adjustments passport')}
        </a>
        : what helps at work, and who can read it.
      </li>
      <li>
        <a class="govuk-link" href={`${base}/placement`}>
          {person.whose('placement')}
        </a>
        : where, when, and how it is going.
      </li>
      {seesProfile ? (
        <li>
          <a class="govuk-link" href={`${base}/outcomes`}>
            {person.whose('goals')}
          </a>
          : what {person.asDelegate ? 'they are' : 'I am'} working towards, and how it is going.
        </li>
      ) : null}
      {seesProfile ? (
        <li>
          <a class="govuk-link" href={`${base}/access-to-work`}>
            Access to Work
          </a>
          : the money that pays for {person.asDelegate ? 'their' : 'my'} job coach.
        </li>
      ) : null}
      {seesProfile ? (
        <li>
          <a class="govuk-link" href={`${base}/study`}>
            {person.whose('learning')}
          </a>
          : what {person.asDelegate ? 'they are' : 'I am'} learning, and how often {person.asDelegate ? 'they' : 'I'}{' '}
          came.
        </li>
      ) : null}
      {seesProfile ? (
        <li>
          <a class="govuk-link" href={`${base}/documents`}>
            {person.whose('papers')}
          </a>
          : letters and forms about {person.asDelegate ? 'their' : 'my'} internship.
        </li>
      ) : null}
      <li>
        <a class="govuk-link" href="/search/placements">
          Look at placements
        </a>
      </li>
      {!person.asDelegate ? (
        <li>
          <a class="govuk-link" href={`${base}/delegates`}>
            People who help me
          </a>
          : let a parent or carer use this service for you.
        </li>
      ) : null}
    </ul>
  );
}

async function personHome(c: Context<WebEnv>, person: PersonPage, name: string) {
  const [things, decidedForYou] = await Promise.all([
    nextThings(c, person),
    person.asDelegate ? [] : c.var.services.inbox.decidedForYou(person.actor),
  ]);
  const title = person.asDelegate ? `What to do next for ${name}` : `Hello ${name}. What to do next`;
  return renderPage(
    c,
    { title },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <DecidedForYouNotice decisions={decidedForYou} youngPersonId={person.youngPersonId} />
      <NextThingsList things={things} />
      <h2 class="govuk-heading-m">{person.asDelegate ? `${name}’s pages` : 'My pages'}</h2>
      <PersonPagesList person={person} />
    </>,
  );
}

/** The young person's own home greets them by their first name. */
const firstName = (name: string) => name.split(' ')[0] ?? name;

const youngPersonHome: HomePage = async (c) => {
  const youngPersonId = pageActor(c).youngPersonId;
  if (!youngPersonId) throw pageNotFound();
  const person = personPage(c, youngPersonId);
  if (person instanceof Response) return person;
  return personHome(c, person, firstName(pageAccount(c).name));
};

const delegateHome: HomePage = async (c) => {
  const actingFor = c.get('session')?.actingFor;
  if (!actingFor) return c.redirect('/acting-for', 303);
  const person = personPage(c, actingFor.youngPersonId);
  if (person instanceof Response) return person;
  return personHome(c, person, actingFor.name);
};

/** `/young-people/{id}` for the young person or their delegate; staff get their overview from the caseload's pages. */
function ownOrHelpedHome(c: Context<WebEnv>, next: Next) {
  const role = pageActor(c).role;
  if (role !== 'young_person' && role !== 'delegate') return next();
  return withPerson(c, (person) => {
    // withPerson has sent a delegate not acting for this young person to choose them first.
    const actingFor = c.get('session')?.actingFor;
    return personHome(c, person, person.asDelegate && actingFor ? actingFor.name : firstName(pageAccount(c).name));
  });
}

// ---------------------------------------------------------------- whom a delegate acts for

async function actingForPage(c: Context<WebEnv>, error?: string) {
  const me = await c.var.services.accounts.me(pageAccount(c));
  const then = safeReturnPath(c.req.query('then'), c.var.knownRoutes);
  if (error) c.status(400);
  return renderPage(
    c,
    { title: 'Who are you helping today?', hasErrors: !!error },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? { youngPersonId: error } : {}} />
        <form method="post" action={`/acting-for${then ? `?then=${encodeURIComponent(then)}` : ''}`} novalidate>
          <CsrfField token={csrfToken(c)} />
          <Radios
            name="youngPersonId"
            legend="Who are you helping today?"
            legendIsHeading
            hint="You can only see and do what they let you."
            items={me.actsFor.map((grant) => ({
              value: grant.youngPersonId,
              text: grant.preferredName,
              hint: `You can: ${grant.rights
                .map((right) =>
                  rightLabels[right].text
                    .replace(/\bmy\b/g, 'their')
                    .replace(/\bme\b/g, 'them')
                    .toLowerCase(),
                )
                .join('; ')}.`,
            }))}
            value={c.get('session')?.actingFor?.youngPersonId}
            error={error}
          />
          <Button>Continue</Button>
        </form>
      </div>
    </div>,
  );
}

async function chooseWhomToHelp(c: Context<WebEnv>) {
  if (pageActor(c).role !== 'delegate')
    throw pageForbidden('This page is for parents and carers who help a young person.');
  const session = pageSession(c);
  const me = await c.var.services.accounts.me(pageAccount(c));
  // Someone who helps only one young person has nothing to choose.
  const only = me.actsFor.length === 1 ? me.actsFor[0] : undefined;
  if (!session.actingFor && only) {
    await c.var.services.webSessions.actFor(session.id, only.youngPersonId, only.preferredName);
    return c.redirect(safeReturnPath(c.req.query('then'), c.var.knownRoutes) ?? '/', 303);
  }
  return actingForPage(c);
}

async function actForChosen(c: Context<WebEnv>) {
  if (pageActor(c).role !== 'delegate')
    throw pageForbidden('This page is for parents and carers who help a young person.');
  const form = await readForm(c);
  const chosen = text(form, 'youngPersonId');
  const me = await c.var.services.accounts.me(pageAccount(c));
  const grant = me.actsFor.find((candidate) => candidate.youngPersonId === chosen);
  if (!grant) return actingForPage(c, 'Choose who you are helping');
  await c.var.services.webSessions.actFor(pageSession(c).id, grant.youngPersonId, grant.preferredName);
  return redirectWithFlash(
    c,
    safeReturnPath(c.req.query('then'), c.var.knownRoutes) ?? '/',
    `You are helping ${grant.preferredName}`,
    'Every page says whom you are helping.',
  );
}

// ---------------------------------------------------------------- my placement

async function placementPage(c: Context<WebEnv>, person: PersonPage) {
  const { journey, placements, progress } = c.var.services;
  const page = await journey.list(person.actor, { youngPersonId: person.youngPersonId, limit: 20, offset: 0 });
  const current =
    page.items.find((match) => match.state === 'in_progress') ?? page.items.find((match) => match.state === 'agreed');
  const title = person.whose('placement');
  if (!current) {
    return renderPage(
      c,
      { title },
      <>
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">There is no placement yet. {person.Your} job coach will help find one.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            See what to do next
          </a>
        </p>
      </>,
    );
  }
  const [{ placement, employer }, coach, report] = await Promise.all([
    placements.get(person.actor, current.placementId),
    journey.coachName(current),
    current.state === 'in_progress' ? progress.progress(person.actor, current.id) : undefined,
  ]);
  return renderPage(
    c,
    { title },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body-l">
        {placement.title} at {employer.name}.
      </p>
      <SummaryList
        rows={[
          {
            key: 'Where',
            value: `${placement.site.address.line1}, ${placement.site.address.town}, ${placement.site.address.postcode}`,
          },
          { key: 'Days', value: daysInWords(placement.schedule.days) },
          { key: 'Times', value: `${placement.schedule.startTime} to ${placement.schedule.endTime}` },
          { key: current.startedOn ? 'Started' : 'Starts', value: longDate(current.startedOn ?? placement.startDate) },
          { key: 'Job coach', value: coach ?? 'Not chosen yet' },
          ...(placement.site.busRoutes.length > 0
            ? [{ key: 'Buses', value: placement.site.busRoutes.join(', ') }]
            : []),
        ]}
      />
      {report ? (
        <>
          <h2 class="govuk-heading-m">How it is going, week by week</h2>
          {report.logs.length === 0 ? (
            <p class="govuk-body">{person.Your} job coach has not written about any weeks yet.</p>
          ) : null}
          {report.logs.length > 0 ? (
            <TableRegion label="Hours each week">
              <Table
                caption="Hours each week"
                captionClasses="govuk-table__caption--s"
                firstCellIsHeader
                head={[
                  { text: 'Week starting' },
                  { text: 'Hours worked', format: 'numeric' },
                  { text: 'Hours with job coach', format: 'numeric' },
                ]}
                rows={report.logs.map((log) => [
                  { text: longDate(log.weekStarting) },
                  { text: log.hoursWorked, format: 'numeric' },
                  { text: log.supportHours, format: 'numeric' },
                ])}
              />
            </TableRegion>
          ) : null}
        </>
      ) : null}
    </>,
  );
}

// ---------------------------------------------------------------- people who help me (delegates)

const inviteDelegateForm = z.object({
  name: z.string().trim().min(1, 'Enter their name').max(120, 'Their name must be 120 characters or fewer'),
  email: z
    .string()
    .trim()
    .min(1, 'Enter their email address')
    .max(254, 'Their email address must be 254 characters or fewer')
    .email('Enter an email address like name@example.com'),
  relationship: z.string().trim().max(60, 'Who they are to you must be 60 characters or fewer'),
  rights: z.array(z.enum(delegateRights)).min(1, 'Choose at least one thing they can do'),
});

async function delegatesPage(
  c: Context<WebEnv>,
  person: PersonPage,
  values: { name: string; email: string; relationship: string; rights: string[] },
  errors: FieldErrors,
) {
  if (person.asDelegate) throw pageForbidden('Only the young person can choose who helps them.');
  const delegates = await c.var.services.youngPeople.delegates(person.actor, person.youngPersonId);
  if (Object.keys(errors).length > 0) c.status(400);
  return renderPage(
    c,
    { title: 'People who help me', hasErrors: Object.keys(errors).length > 0 },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">People who help me</h1>
        <p class="govuk-body">
          A parent, carer or someone you trust can use this service for you. You choose what they can do.
        </p>
        {delegates.length === 0 ? <p class="govuk-body">Nobody helps you here yet.</p> : null}
        {delegates.map((delegate) => (
          <SummaryList
            rows={[{ key: delegate.name, value: delegate.rights.map((right) => rightLabels[right].text).join('; ') }]}
          />
        ))}
        <h2 class="govuk-heading-m">Ask someone to help you</h2>
        <p class="govuk-body">We will email them an invitation. They choose their own password.</p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <Input name="name" label="Their name" value={values.name} error={errors.name} autocomplete="off" />
          <Input
            name="email"
            type="email"
            label="Their email address"
            value={values.email}
            error={errors.email}
            autocomplete="off"
            spellcheck={false}
          />
          <Input
            name="relationship"
            label="Who are they to you? (you do not have to say)"
            hint="For example: mum, dad, carer."
            value={values.relationship}
            error={errors.relationship}
          />
          <Checkboxes
            name="rights"
            legend="What can they do?"
            legendSize="m"
            hint="Choose all that you want. You can change this later with your job coach."
            items={delegateRights.map((right) => ({
              value: right,
              text: rightLabels[right].text,
              ...(rightLabels[right].hint ? { hint: rightLabels[right].hint } : {}),
            }))}
            values={values.rights}
            error={errors.rights}
          />
          <Button>Send the invitation</Button>
        </form>
      </div>
    </div>,
  );
}

async function inviteDelegate(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const values = {
    name: text(form, 'name'),
    email: text(form, 'email'),
    relationship: text(form, 'relationship'),
    rights: list(form, 'rights'),
  };
  const parsed = inviteDelegateForm.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return delegatesPage(c, person, values, errors);
  }
  let invitation;
  try {
    invitation = await c.var.services.invitations.create(
      person.actor,
      {
        role: 'delegate',
        youngPersonId: person.youngPersonId,
        email: parsed.data.email,
        name: parsed.data.name,
        rights: parsed.data.rights,
        ...(parsed.data.relationship ? { relationship: parsed.data.relationship } : {}),
      },
      c.get('requestId'),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict'))
      return delegatesPage(c, person, values, {
        email: 'Someone else already uses this email address here. Ask your job coach for help.',
      });
    throw error;
  }
  // The link goes to the invitee alone, by email: anyone at this screen could otherwise accept it.
  return redirectWithFlash(
    c,
    `/young-people/${person.youngPersonId}/delegates`,
    `We sent an invitation to ${parsed.data.name}`,
    `We emailed it to ${invitation.email}. The link in it works until ${longDate(invitation.expiresAt)}.`,
  );
}

/** The young person's and delegate's home, overview, placement and helpers. */
export function youngPersonPages() {
  const app = new Hono<WebEnv>();

  app.get('/young-people/:id', (c, next) => ownOrHelpedHome(c, next));
  app.get('/acting-for', (c) => chooseWhomToHelp(c));
  app.post('/acting-for', (c) => actForChosen(c));
  app.get('/young-people/:id/placement', (c) => withPerson(c, (person) => placementPage(c, person)));

  app.get('/young-people/:id/delegates', (c) =>
    withPerson(c, (person) => delegatesPage(c, person, { name: '', email: '', relationship: '', rights: [] }, {})),
  );

  app.post('/young-people/:id/delegates', (c) => withPerson(c, (person) => inviteDelegate(c, person)));

  return { routes: app, homes: { young_person: youngPersonHome, delegate: delegateHome } };
}
