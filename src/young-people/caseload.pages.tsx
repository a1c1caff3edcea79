import { type Context, Hono } from 'hono';
import { type PassportSection, sectionLabels, sectorLabels } from '../domain/vocabulary.js';
import { AccessToWorkTaskList } from '../web/access-to-work-tasks.js';
import { Button } from '../web/components/Button.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { Tag, type TagColour } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { readForm, text } from '../web/forms.js';
import { InboxList } from '../web/inbox-list.js';
import { OutcomesTaskList } from '../web/outcomes-tasks.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { sectionRows } from '../web/passport-fields.js';
import { unlessAbsent } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords, stateWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';
import { youngPersonStatuses } from './young-people.schemas.js';

const pageSize = 20;

const statusWords: Record<(typeof youngPersonStatuses)[number], { text: string; colour: TagColour }> = {
  active: { text: 'Looking for a placement', colour: 'blue' },
  on_placement: { text: 'On placement', colour: 'green' },
  completed: { text: 'Finished', colour: 'grey' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
};

const isStatus = (value: string | undefined): value is (typeof youngPersonStatuses)[number] =>
  (youngPersonStatuses as readonly string[]).includes(value ?? '');

/** A job coach's home: what needs them today first, then the way into their caseload. */
async function coachHome(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const [items, accessToWorkTasks, outcomesTasks] = await Promise.all([
    c.var.services.inbox.inbox(actor),
    c.var.services.accessToWork.coachTasks(actor),
    c.var.services.outcomes.coachTasks(actor),
  ]);
  return renderPage(
    c,
    { title: 'What needs you today' },
    <>
      <h1 class="govuk-heading-l">What needs you today</h1>
      <InboxList items={items} />
      <OutcomesTaskList tasks={outcomesTasks} />
      <h2 class="govuk-heading-m">Access to Work</h2>
      <AccessToWorkTaskList tasks={accessToWorkTasks} />
      <h2 class="govuk-heading-m">Your young people</h2>
      <p class="govuk-body">
        <a class="govuk-link" href="/caseload">
          See your caseload
        </a>{' '}
        to find placements, suggest passport changes and record progress.
      </p>
    </>,
  );
}

/** The caseload: a job coach's own young people (a provider admin's: everyone at the provider), searchable, with what needs doing. */
async function caseloadPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The caseload is for job coaches and the people who run the provider.');
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const status = c.req.query('status');
  const page = pageNumber(c.req.query('page'), 500);
  const { youngPeople, inbox } = c.var.services;
  const isAdmin = actor.role === 'provider_admin';
  const coaches = isAdmin ? await c.var.services.accounts.list(actor, 'job_coach') : [];
  const coachNames = new Map(coaches.map((coach) => [coach.id, coach.name]));
  const askedCoach = c.req.query('jobCoachId') ?? '';
  const coachFilter = askedCoach === 'none' || coachNames.has(askedCoach) ? askedCoach : '';
  const [list, items] = await Promise.all([
    youngPeople.list(actor, {
      ...(actor.role === 'job_coach' ? { jobCoachId: actor.accountId } : {}),
      ...(coachFilter ? { jobCoachId: coachFilter } : {}),
      ...(q ? { q } : {}),
      ...(isStatus(status) ? { status } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    inbox.inbox(actor),
  ]);
  const todo = new Map<string, string[]>();
  for (const item of items)
    todo.set(item.youngPerson.id, [...(todo.get(item.youngPerson.id) ?? []), item.title.split('.')[0]!]);
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  const href = (target: number) =>
    `/caseload?${new URLSearchParams({ ...(q ? { q } : {}), ...(isStatus(status) ? { status } : {}), ...(coachFilter ? { jobCoachId: coachFilter } : {}), page: String(target) })}`;
  return renderPage(
    c,
    { title: actor.role === 'job_coach' ? 'Your caseload' : 'Young people' },
    <>
      <h1 class="govuk-heading-l">{actor.role === 'job_coach' ? 'Your caseload' : 'Young people'}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/caseload/hours">
          Record this week’s hours for everyone on a placement
        </a>
      </p>
      <form method="get" action="/caseload" class="govuk-!-margin-bottom-6" role="search">
        <Input name="q" label="Search by name" type="search" value={q} width="20" />
        <Select
          name="status"
          label="Status"
          items={[
            { value: '', text: 'Any status' },
            ...youngPersonStatuses.map((value) => ({ value, text: statusWords[value].text })),
          ]}
          value={isStatus(status) ? status : ''}
        />
        {isAdmin ? (
          <Select
            name="jobCoachId"
            label="Job coach"
            items={[
              { value: '', text: 'Any job coach' },
              { value: 'none', text: 'No job coach yet' },
              ...coaches.map((coach) => ({ value: coach.id, text: coach.name })),
            ]}
            value={coachFilter}
          />
        ) : null}
        <Button variant="secondary">Search</Button>
      </form>
      <p class="govuk-body">
        {list.total} {list.total === 1 ? 'young person' : 'young people'}
      </p>
      <TableRegion label="Young people">
        <Table
          caption="Young people, with their status and what needs doing"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[
            { text: 'Name' },
            { text: 'Status' },
            ...(isAdmin ? [{ text: 'Job coach' }] : []),
            { text: 'Needs doing' },
          ]}
          rows={list.items.map((person) => [
            {
              text: (
                <a class="govuk-link" href={`/young-people/${person.id}`}>
                  {person.preferredName}
                </a>
              ),
            },
            { text: <Tag colour={statusWords[person.status].colour}>{statusWords[person.status].text}</Tag> },
            ...(isAdmin
              ? [{ text: (person.jobCoachId && coachNames.get(person.jobCoachId)) || 'No job coach yet' }]
              : []),
            { text: todo.get(person.id)?.join('; ') ?? 'Nothing today' },
          ])}
        />
      </TableRegion>
      <Pagination page={page} pages={pages} href={href} />
    </>,
  );
}

/** A young person's whole picture for their job coach (or provider admin): profile, passport as the owner allows, journeys. */
async function staffOverview(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const id = pageParam(c, 'id');
  const { youngPeople, passports, journey } = c.var.services;
  const person = await youngPeople.get(actor, id);
  const [passport, journeys, coaches] = await Promise.all([
    unlessAbsent(passports.read(actor, id, c.get('requestId'))),
    journey.list(actor, { youngPersonId: id, limit: 50, offset: 0 }),
    actor.role === 'provider_admin' ? c.var.services.accounts.list(actor, 'job_coach') : Promise.resolve([]),
  ]);
  const labels = await journey.labels(journeys.items);
  const base = `/young-people/${id}`;
  const profile = [
    { key: 'Status', value: <Tag colour={statusWords[person.status].colour}>{statusWords[person.status].text}</Tag> },
    { key: 'Planned start', value: longDate(person.plannedStartDate) },
    { key: 'Local authority', value: person.localAuthority },
    {
      key: 'Wants to work in',
      value:
        person.interests
          .map((sector, index) => `${sectorLabels[sector]}${index === 0 ? ' (first choice)' : ''}`)
          .join(', ') || 'Not said yet',
    },
    ...(person.jobsWanted ? [{ key: 'In their words', value: person.jobsWanted }] : []),
    { key: 'Strengths', value: person.strengths.join(', ') || 'Not said yet' },
    {
      key: 'Can work',
      value: `${daysInWords(person.availability.days)}, ${person.availability.earliestStart} to ${person.availability.latestFinish}, up to ${person.availability.maxHoursPerWeek} hours a week`,
    },
    { key: 'Travel', value: `Up to ${person.travel.maxJourneyMinutes} minutes and ${person.travel.maxDistanceKm} km` },
    ...(person.eligibilityException
      ? [
          {
            key: 'Eligibility exception',
            value: `${person.eligibilityException.reason} (recorded ${longDate(person.eligibilityException.recordedAt)})`,
          },
        ]
      : []),
  ];
  return renderPage(
    c,
    { title: `${person.preferredName} – young person`, backLink: '/caseload' },
    <>
      <span class="govuk-caption-l">Young person</span>
      <h1 class="govuk-heading-l">{person.preferredName}</h1>
      <ul class="govuk-list">
        {actor.role === 'job_coach' ? (
          <li>
            <a class="govuk-link" href={`${base}/matches`}>
              Find placements for {person.preferredName}
            </a>
          </li>
        ) : null}
        <li>
          <a class="govuk-link" href={`${base}/access-to-work`}>
            Access to Work for {person.preferredName}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/study`}>
            Study programme and attendance for {person.preferredName}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/outcomes`}>
            EHC plan outcomes for {person.preferredName}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/documents`}>
            Documents for {person.preferredName}
          </a>
        </li>
      </ul>
      {actor.role === 'job_coach' ? null : (
        <p class="govuk-body">Their job coach finds and proposes placements for them.</p>
      )}
      <h2 class="govuk-heading-m">Profile</h2>
      <SummaryList rows={profile} />
      {actor.role === 'provider_admin' ? (
        <form method="post" action={`${base}/job-coach`} class="govuk-!-margin-bottom-6">
          <CsrfField token={csrfToken(c)} />
          <Select
            name="jobCoachId"
            label="Job coach"
            hint={`Move ${person.preferredName} to another job coach at your provider.`}
            items={coaches
              .filter((coach) => coach.status === 'active')
              .map((coach) => ({ value: coach.id, text: coach.name }))}
            value={person.jobCoachId ?? ''}
          />
          <Button variant="secondary">Change job coach</Button>
        </form>
      ) : null}
      <h2 class="govuk-heading-m">Placement journeys</h2>
      {journeys.items.length === 0 ? <p class="govuk-body">No placements proposed yet.</p> : null}
      <ul class="govuk-list">
        {journeys.items.map((match) => {
          const placement = labels.placement(match.placementId);
          return (
            <li>
              <a class="govuk-link" href={`/journeys/${match.id}`}>
                {placement.title} at {placement.employerName}
              </a>{' '}
              <Tag colour={stateWords[match.state].colour}>{stateWords[match.state].text}</Tag>
            </li>
          );
        })}
      </ul>
      <h2 class="govuk-heading-m">Adjustments passport</h2>
      {passport ? (
        <>
          <p class="govuk-body">
            You see the parts {person.preferredName} lets their job coach see. Only they can change it; you can suggest
            changes.
          </p>
          {passport.view.visibleSections.map((section: PassportSection) => {
            const rows = sectionRows(section, passport.view.sections);
            return (
              <>
                <h3 class="govuk-heading-s">{sectionLabels[section]}</h3>
                {rows.length > 0 ? <SummaryList rows={rows} /> : <p class="govuk-body">Empty</p>}
                <p class="govuk-body">
                  <a class="govuk-link" href={`${base}/passport/suggest/${section}`}>
                    Suggest a change to {sectionLabels[section]}
                  </a>
                </p>
              </>
            );
          })}
        </>
      ) : (
        <p class="govuk-body">There is no passport you can read yet.</p>
      )}
    </>,
  );
}

async function changeCoach(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'provider_admin')
    throw pageForbidden('Only the people who run the provider can move a young person to another job coach.');
  const id = pageParam(c, 'id');
  const jobCoachId = text(await readForm(c), 'jobCoachId');
  const person = await c.var.services.youngPeople.update(actor, id, { jobCoachId }, c.get('requestId'));
  return redirectWithFlash(c, `/young-people/${id}`, `${person.preferredName} has a new job coach`);
}

/** The job coach's pages about their caseload; `/young-people/{id}` answers here for staff only. */
export function caseloadPages() {
  const app = new Hono<WebEnv>();
  app.get('/caseload', (c) => caseloadPage(c));
  app.get('/young-people/:id{[0-9a-f]{24}}', (c, next) => {
    const role = pageActor(c).role;
    if (role !== 'job_coach' && role !== 'provider_admin') return next();
    return staffOverview(c);
  });
  app.post('/young-people/:id{[0-9a-f]{24}}/job-coach', (c) => changeCoach(c));
  return { routes: app, homes: { job_coach: coachHome } };
}
