import { type Context, Hono } from 'hono';
import type { Account } from '../auth/accounts.js';
import { type PassportSection, sectionLabels, sectorLabels } from '../domain/vocabulary.js';
import type { Journey } from '../journey/journey.repository.js';
import type { MatchLabels } from '../journey/match-labels.js';
import type { PassportSections } from '../passports/passports.schemas.js';
import { AccessToWorkTaskList } from '../web/access-to-work-tasks.js';
import { Button } from '../web/components/Button.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { SummaryList, type SummaryRow } from '../web/components/SummaryList.js';
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
import type { YoungPerson } from './young-people.repository.js';
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

interface CaseloadFilters {
  q: string;
  status: (typeof youngPersonStatuses)[number] | undefined;
  /** An account id, `none` for no job coach yet, or empty for any. */
  jobCoachId: string;
  page: number;
}

/** The caseload's filters as asked in the query, keeping only a job coach the admin has. */
function caseloadFilters(c: Context<WebEnv>, coachNames: Map<string, string>): CaseloadFilters {
  const status = c.req.query('status');
  const askedCoach = c.req.query('jobCoachId') ?? '';
  return {
    q: (c.req.query('q') ?? '').trim().slice(0, 100),
    status: isStatus(status) ? status : undefined,
    jobCoachId: askedCoach === 'none' || coachNames.has(askedCoach) ? askedCoach : '',
    page: pageNumber(c.req.query('page'), 500),
  };
}

/** The first sentence of each inbox item, by young person: what needs doing for them today. */
function needsDoing(items: { youngPerson: { id: string }; title: string }[]): Map<string, string[]> {
  const todo = new Map<string, string[]>();
  for (const item of items) {
    const [firstSentence = ''] = item.title.split('.');
    todo.set(item.youngPerson.id, [...(todo.get(item.youngPerson.id) ?? []), firstSentence]);
  }
  return todo;
}

function CaseloadSearch(props: { filters: CaseloadFilters; coaches: Account[] | undefined }) {
  const { filters, coaches } = props;
  return (
    <form method="get" action="/caseload" class="govuk-!-margin-bottom-6" role="search">
      <Input name="q" label="Search by name" type="search" value={filters.q} width="20" />
      <Select
        name="status"
        label="Status"
        items={[
          { value: '', text: 'Any status' },
          ...youngPersonStatuses.map((value) => ({ value, text: statusWords[value].text })),
        ]}
        value={filters.status ?? ''}
      />
      {coaches ? (
        <Select
          name="jobCoachId"
          label="Job coach"
          items={[
            { value: '', text: 'Any job coach' },
            { value: 'none', text: 'No job coach yet' },
            ...coaches.map((coach) => ({ value: coach.id, text: coach.name })),
          ]}
          value={filters.jobCoachId}
        />
      ) : null}
      <Button variant="secondary">Search</Button>
    </form>
  );
}

interface CaseloadTableProps {
  people: YoungPerson[];
  todo: Map<string, string[]>;
  /** Given to a provider admin only, who sees each young person's job coach. */
  coachNames: Map<string, string> | undefined;
}

function CaseloadTable({ people, todo, coachNames }: CaseloadTableProps) {
  return (
    <TableRegion label="Young people">
      <Table
        caption="Young people, with their status and what needs doing"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[
          { text: 'Name' },
          { text: 'Status' },
          ...(coachNames ? [{ text: 'Job coach' }] : []),
          { text: 'Needs doing' },
        ]}
        rows={people.map((person) => [
          {
            text: (
              <a class="govuk-link" href={`/young-people/${person.id}`}>
                {person.preferredName}
              </a>
            ),
          },
          { text: <Tag colour={statusWords[person.status].colour}>{statusWords[person.status].text}</Tag> },
          ...(coachNames
            ? [{ text: (person.jobCoachId && coachNames.get(person.jobCoachId)) || 'No job coach yet' }]
            : []),
          { text: todo.get(person.id)?.join('; ') ?? 'Nothing today' },
        ])}
      />
    </TableRegion>
  );
}

/** The caseload: a job coach's own young people (a provider admin's: everyone at the provider), searchable, with what needs doing. */
async function caseloadPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The caseload is for job coaches and the people who run the provider.');
  const { youngPeople, inbox } = c.var.services;
  const isAdmin = actor.role === 'provider_admin';
  const coaches = isAdmin ? await c.var.services.accounts.list(actor, 'job_coach') : [];
  const coachNames = new Map(coaches.map((coach) => [coach.id, coach.name]));
  const filters = caseloadFilters(c, coachNames);
  const { q, status, jobCoachId, page } = filters;
  const [list, items] = await Promise.all([
    youngPeople.list(actor, {
      ...(actor.role === 'job_coach' ? { jobCoachId: actor.accountId } : {}),
      ...(jobCoachId ? { jobCoachId } : {}),
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    inbox.inbox(actor),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  const href = (target: number) =>
    `/caseload?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), ...(jobCoachId ? { jobCoachId } : {}), page: String(target) })}`;
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
      <CaseloadSearch filters={filters} coaches={isAdmin ? coaches : undefined} />
      <p class="govuk-body">
        {list.total} {list.total === 1 ? 'young person' : 'young people'}
      </p>
      <CaseloadTable people={list.items} todo={needsDoing(items)} coachNames={isAdmin ? coachNames : undefined} />
      <Pagination page={page} pages={pages} href={href} />
    </>,
  );
}

/** The profile as a job coach reads it, in words. */
function profileRows(person: YoungPerson): SummaryRow[] {
  return [
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
}

/** The ways into the young person's other pages; finding placements is the job coach's alone. */
function StaffLinks(props: { person: YoungPerson; isCoach: boolean }) {
  const base = `/young-people/${props.person.id}`;
  const name = props.person.preferredName;
  return (
    <>
      <ul class="govuk-list">
        {props.isCoach ? (
          <li>
            <a class="govuk-link" href={`${base}/matches`}>
              Find placements for {name}
            </a>
          </li>
        ) : null}
        <li>
          <a class="govuk-link" href={`${base}/access-to-work`}>
            Access to Work for {name}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/study`}>
            Study programme and attendance for {name}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/outcomes`}>
            EHC plan outcomes for {name}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/documents`}>
            Documents for {name}
          </a>
        </li>
      </ul>
      {props.isCoach ? null : <p class="govuk-body">Their job coach finds and proposes placements for them.</p>}
    </>
  );
}

function ChangeCoachForm(props: { person: YoungPerson; coaches: Account[]; csrfToken: string }) {
  return (
    <form method="post" action={`/young-people/${props.person.id}/job-coach`} class="govuk-!-margin-bottom-6">
      <CsrfField token={props.csrfToken} />
      <Select
        name="jobCoachId"
        label="Job coach"
        hint={`Move ${props.person.preferredName} to another job coach at your provider.`}
        items={props.coaches
          .filter((coach) => coach.status === 'active')
          .map((coach) => ({ value: coach.id, text: coach.name }))}
        value={props.person.jobCoachId ?? ''}
      />
      <Button variant="secondary">Change job coach</Button>
    </form>
  );
}

function JourneyList(props: { journeys: Journey[]; labels: MatchLabels }) {
  return (
    <>
      {props.journeys.length === 0 ? <p class="govuk-body">No placements proposed yet.</p> : null}
      <ul class="govuk-list">
        {props.journeys.map((match) => {
          const placement = props.labels.placement(match.placementId);
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
    </>
  );
}

/** The parts of the passport the young person lets their job coach see, each with a way to suggest a change. */
function PassportForStaff(props: {
  person: YoungPerson;
  view: { visibleSections: PassportSection[]; sections: PassportSections } | undefined;
}) {
  const { person, view } = props;
  if (!view) return <p class="govuk-body">There is no passport you can read yet.</p>;
  return (
    <>
      <p class="govuk-body">
        You see the parts {person.preferredName} lets their job coach see. Only they can change it; you can suggest
        changes.
      </p>
      {view.visibleSections.map((section: PassportSection) => {
        const rows = sectionRows(section, view.sections);
        return (
          <>
            <h3 class="govuk-heading-s">{sectionLabels[section]}</h3>
            {rows.length > 0 ? <SummaryList rows={rows} /> : <p class="govuk-body">Empty</p>}
            <p class="govuk-body">
              <a class="govuk-link" href={`/young-people/${person.id}/passport/suggest/${section}`}>
                Suggest a change to {sectionLabels[section]}
              </a>
            </p>
          </>
        );
      })}
    </>
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
  return renderPage(
    c,
    { title: `${person.preferredName} – young person`, backLink: '/caseload' },
    <>
      <span class="govuk-caption-l">Young person</span>
      <h1 class="govuk-heading-l">{person.preferredName}</h1>
      <StaffLinks person={person} isCoach={actor.role === 'job_coach'} />
      <h2 class="govuk-heading-m">Profile</h2>
      <SummaryList rows={profileRows(person)} />
      {actor.role === 'provider_admin' ? (
        <ChangeCoachForm person={person} coaches={coaches} csrfToken={csrfToken(c)} />
      ) : null}
      <h2 class="govuk-heading-m">Placement journeys</h2>
      <JourneyList journeys={journeys.items} labels={labels} />
      <h2 class="govuk-heading-m">Adjustments passport</h2>
      <PassportForStaff person={person} view={passport?.view} />
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
