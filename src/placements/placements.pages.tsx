import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { adjustmentCategoryLabels, environmentFactors, type Role, sectorLabels } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, readForm } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';
import { formFromPlacement, inputFromForm, PlacementForm, problemsFromService } from './placement-form.js';
import { templates } from './placement-templates.js';
import { environmentWords, statusWords } from './placement-words.js';
import type { Placement } from './placements.repository.js';
import { placementStatuses } from './placements.schemas.js';

function employerOnly(c: Context<WebEnv>): string {
  const actor = pageActor(c);
  if (actor.role !== 'employer' || !actor.employerId) throw pageForbidden('Placements are posted by employers.');
  return actor.employerId;
}

const groupSize = 50;

/**
 * The employer's placements by status, each status read on its own (an employer with years of
 * past placements would otherwise see only the oldest): up to 50 of each on the page, and
 * `?status=` for all of one status, 50 to a page.
 */
async function listPage(c: Context<WebEnv>) {
  const employerId = employerOnly(c);
  const actor = pageActor(c);
  const asked = c.req.query('status');
  const focus = placementStatuses.find((status) => status === asked);
  const page = focus ? pageNumber(c.req.query('page'), 200) : 1;
  const groups = await Promise.all(
    (focus ? [focus] : placementStatuses).map(async (status) => ({
      status,
      ...(await c.var.services.placements.listForEmployer(actor, employerId, {
        status,
        limit: groupSize,
        offset: (page - 1) * groupSize,
      })),
    })),
  );
  const none = groups.every((group) => group.total === 0);
  return renderPage(
    c,
    {
      title: focus ? `Your placements: ${statusWords[focus].text.toLowerCase()}` : 'Your placements',
      ...(focus ? { backLink: '/placements' } : {}),
    },
    <>
      <h1 class="govuk-heading-l">Your placements</h1>
      <Button href="/placements/new">Post a placement</Button>
      {groups.map(({ status, items, total }) => {
        if (items.length === 0) return null;
        return (
          <>
            <h2 class="govuk-heading-m">
              {statusWords[status].text} ({total.toLocaleString('en-GB')})
            </h2>
            <ul class="govuk-list">
              {items.map((placement) => (
                <li>
                  <a class="govuk-link" href={`/placements/${placement.id}`}>
                    {placement.title}
                  </a>
                  , from {longDate(placement.startDate)}, {placement.places - placement.placesFilled} of{' '}
                  {placement.places} places free
                  {placement.publishWhenVerified && placement.status === 'draft'
                    ? ' (published when your organisation is checked)'
                    : ''}
                </li>
              ))}
            </ul>
            {focus ? (
              <Pagination
                page={page}
                pages={Math.max(1, Math.ceil(total / groupSize))}
                href={(target) => `/placements?status=${status}&page=${target}`}
              />
            ) : total > items.length ? (
              <p class="govuk-body">
                <a class="govuk-link" href={`/placements?status=${status}`}>
                  See all {total.toLocaleString('en-GB')} <span class="govuk-visually-hidden">placements: </span>
                  {statusWords[status].text.toLowerCase()}
                </a>
              </p>
            ) : null}
          </>
        );
      })}
      {none ? <p class="govuk-body">You have not posted a placement yet.</p> : null}
    </>,
  );
}

async function newPage(c: Context<WebEnv>) {
  employerOnly(c);
  const chosen = c.req.query('template');
  const template = chosen ? templates[chosen] : undefined;
  if (!template) {
    return renderPage(
      c,
      { title: 'Post a placement', backLink: '/placements' },
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form method="get" action="/placements/new" novalidate>
            <Radios
              name="template"
              legend="Post a placement: where do you want to start?"
              legendIsHeading
              legendSize="l"
              hint="You can change everything on the next page."
              items={Object.entries(templates).map(([value, t]) => ({ value, text: t.name, hint: t.hint }))}
            />
            <Button>Continue</Button>
          </form>
        </div>
      </div>,
    );
  }
  return renderPage(
    c,
    { title: 'Post a placement', backLink: '/placements/new' },
    <PlacementForm c={c} form={formFromPlacement(template)} errors={{}} heading="Post a placement" button="Continue" />,
  );
}

async function create(c: Context<WebEnv>) {
  const employerId = employerOnly(c);
  const form = await readForm(c);
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: 'Post a placement', hasErrors: true, backLink: '/placements' },
      <PlacementForm c={c} form={form} errors={errors} heading="Post a placement" button="Continue" />,
    );
  };
  const { input, errors } = inputFromForm(form);
  if (!input) return again(errors);
  try {
    const { placement } = await c.var.services.placements.create(pageActor(c), employerId, input, c.get('requestId'));
    return c.redirect(`/placements/${placement.id}`, 303);
  } catch (error) {
    return again(problemsFromService(error));
  }
}

function GettingThere({ site }: { site: Placement['site'] }) {
  return (
    <ul class="govuk-list">
      <li>{site.stepFreeAccess ? 'Step-free access to the workplace' : 'No step-free access: there are steps'}</li>
      {site.busRoutes.length > 0 ? <li>Buses that stop nearby: {site.busRoutes.join(', ')}</li> : null}
      {site.travelNotes ? <li class="app-section-text">{site.travelNotes}</li> : null}
    </ul>
  );
}

/** Each question about the workplace with the employer's answer. */
function Workplace({ environment }: { environment: Placement['environment'] }) {
  return (
    <ul class="govuk-list">
      {environmentFactors.map((factor) => (
        <li>
          <span class="govuk-!-font-weight-bold">{environmentWords[factor].question}</span>{' '}
          {environmentWords[factor].levels[environment[factor] ?? 'none']}
        </li>
      ))}
    </ul>
  );
}

function HelpOffered({ categories }: { categories: Placement['adjustmentsOffered'] }) {
  if (categories.length === 0) return <>None chosen</>;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {categories.map((category) => (
        <li>{adjustmentCategoryLabels[category]}</li>
      ))}
    </ul>
  );
}

function placementRows(placement: Placement, editable: boolean) {
  // The row's own name finishes the hidden link text: "Change address", not "Change site-line1".
  const row = (key: string, value: Child, field: string) => ({
    key,
    value,
    ...(editable
      ? { action: { href: `/placements/${placement.id}/edit#${field}`, visuallyHiddenText: key.toLowerCase() } }
      : {}),
  });
  const { site } = placement;
  return [
    row('Job title', placement.title, 'title'),
    row('Tasks', placement.tasks.join(', '), 'tasks'),
    row('Kind of work', sectorLabels[placement.sector], 'sector'),
    row('Address', `${site.address.line1}, ${site.address.town}, ${site.address.postcode}`, 'site-line1'),
    row('Getting there', <GettingThere site={site} />, 'site-stepFreeAccess'),
    row(
      'Days and times',
      `${daysInWords(placement.schedule.days)}, ${placement.schedule.startTime} to ${placement.schedule.endTime}, ${placement.schedule.hoursPerWeek} hours a week`,
      'days',
    ),
    row('Starts', `${longDate(placement.startDate)}, for ${placement.durationWeeks} weeks`, 'startDate'),
    editable
      ? row('Interns', `${placement.places} (${placement.placesFilled} placed)`, 'places')
      : row(
          'Places',
          `${Math.max(0, placement.places - placement.placesFilled)} of ${placement.places} free`,
          'places',
        ),
    row(
      'Rotations',
      placement.rotations.length > 0
        ? placement.rotations.map((r) => `${r.department} (${r.weeks} weeks)`).join(', ')
        : 'None',
      'rotation-0-department',
    ),
    row('The workplace', <Workplace environment={placement.environment} />, 'environment-noise'),
    row(
      editable ? 'Help you can give' : 'Help they offer',
      <HelpOffered categories={placement.adjustmentsOffered} />,
      'adjustmentsOffered',
    ),
    ...(placement.adjustmentNotes || editable
      ? [
          row(
            editable ? 'More about the help you can give' : 'More about the help they offer',
            placement.adjustmentNotes ? (
              <span class="app-section-text">{placement.adjustmentNotes}</span>
            ) : (
              'Nothing written'
            ),
            'adjustmentNotes',
          ),
        ]
      : []),
  ];
}

/** The one next step the placement's status allows its employer: publish it, wait for the check, or close it. */
function EmployerNextStep(props: { placement: Placement; verified: boolean; csrfToken: string }) {
  return (
    <>
      {props.placement.status === 'draft' && props.verified ? (
        <form method="post" action={`/placements/${props.placement.id}/publish`} id="publish">
          <CsrfField token={props.csrfToken} />
          <h2 class="govuk-heading-m">Publish the placement</h2>
          <p class="govuk-body">Job coaches can then find it and propose young people. You decide about each one.</p>
          <Button>Publish the placement</Button>
        </form>
      ) : null}
      {props.placement.status === 'draft' && !props.verified && props.placement.publishWhenVerified ? (
        <>
          <h2 class="govuk-heading-m">Waiting for a provider to check your organisation</h2>
          <p class="govuk-body">
            We will publish this placement as soon as a provider has checked your organisation. You do not need to come
            back to do it. Until then, only people at your organisation can see it.
          </p>
          <p class="govuk-body">You can still change it.</p>
        </>
      ) : null}
      {props.placement.status === 'draft' && !props.verified && !props.placement.publishWhenVerified ? (
        <form method="post" action={`/placements/${props.placement.id}/publish`} id="publish">
          <CsrfField token={props.csrfToken} />
          <h2 class="govuk-heading-m">Publish the placement</h2>
          <p class="govuk-body">
            A provider has not checked your organisation yet. Until one has, only people at your organisation can see
            your placements.
          </p>
          <p class="govuk-body">
            If you press the button, we will publish this placement as soon as a provider has checked your organisation.
            Job coaches can then find it and propose young people. You decide about each one.
          </p>
          <Button>Publish when my organisation is checked</Button>
        </form>
      ) : null}
      {props.placement.status === 'open' ? (
        <form method="post" action={`/placements/${props.placement.id}/close`}>
          <CsrfField token={props.csrfToken} />
          <ButtonGroup>
            <Button variant="secondary">Stop taking proposals</Button>
          </ButtonGroup>
        </form>
      ) : null}
    </>
  );
}

/** What a job coach, a young person or their delegate can do about a placement they look at. */
function ReaderNextStep(props: { role: Role; placementId: string }) {
  return (
    <>
      {props.role === 'job_coach' ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/placements/${props.placementId}/candidates`}>
            Young people who could fit
          </a>
        </p>
      ) : null}
      {props.role === 'young_person' || props.role === 'delegate' ? (
        <p class="govuk-body">
          Would {props.role === 'delegate' ? 'they' : 'you'} like to do this placement? Tell{' '}
          {props.role === 'delegate' ? 'their' : 'your'} job coach. They can check it fits and propose it.
        </p>
      ) : null}
    </>
  );
}

/** The placement, with "check your answers" and the one next step its status allows for the employer. */
async function placementPage(c: Context<WebEnv>, publishError?: string) {
  const actor = pageActor(c);
  const { placement, employer } = await c.var.services.placements.get(actor, pageParam(c, 'id'));
  const staff = actor.role === 'employer' && actor.employerId === employer.id;
  const status = statusWords[placement.status];
  if (publishError) c.status(400);
  return renderPage(
    c,
    {
      title: placement.status === 'draft' && staff ? `Check your answers: ${placement.title}` : placement.title,
      hasErrors: Boolean(publishError),
      backLink: staff ? '/placements' : '/search/placements',
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={publishError ? { publish: publishError } : {}} />
        <span class="govuk-caption-l">{employer.name}</span>
        <h1 class="govuk-heading-l">
          {placement.status === 'draft' && staff ? 'Check your answers' : placement.title}
        </h1>
        <p class="govuk-body">
          {placement.publishWhenVerified && placement.status === 'draft' ? (
            <Tag colour="blue">Published when your organisation is checked</Tag>
          ) : (
            <Tag colour={status.colour}>{status.text}</Tag>
          )}
        </p>
        <p class="govuk-body app-section-text">{placement.description}</p>
        <SummaryList rows={placementRows(placement, staff)} />
        {staff ? (
          <EmployerNextStep placement={placement} verified={employer.verified} csrfToken={csrfToken(c)} />
        ) : null}
        <ReaderNextStep role={actor.role} placementId={placement.id} />
      </div>
    </div>,
  );
}

async function publish(c: Context<WebEnv>) {
  employerOnly(c);
  const id = pageParam(c, 'id');
  let published: boolean;
  try {
    ({ published } = await c.var.services.placements.publish(pageActor(c), id, c.get('requestId')));
  } catch (error) {
    const problems = problemsFromService(error);
    return placementPage(c, Object.values(problems)[0]);
  }
  return redirectWithFlash(
    c,
    `/placements/${id}`,
    published ? 'The placement is published' : 'The placement will be published when your organisation is checked',
  );
}

async function close(c: Context<WebEnv>) {
  employerOnly(c);
  const id = pageParam(c, 'id');
  try {
    await c.var.services.placements.update(pageActor(c), id, { status: 'closed' }, c.get('requestId'));
  } catch (error) {
    const problems = problemsFromService(error);
    return placementPage(c, Object.values(problems)[0]);
  }
  return redirectWithFlash(c, `/placements/${id}`, 'The placement no longer takes proposals');
}

async function editPage(c: Context<WebEnv>, submitted?: { form: FormBody; errors: FieldErrors }) {
  employerOnly(c);
  const { placement } = await c.var.services.placements.get(pageActor(c), pageParam(c, 'id'), 'placement.update');
  const hasErrors = submitted !== undefined;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `Change ${placement.title}`, hasErrors, backLink: `/placements/${placement.id}` },
    <PlacementForm
      c={c}
      form={submitted?.form ?? formFromPlacement(placement)}
      errors={submitted?.errors ?? {}}
      heading={`Change ${placement.title}`}
      button="Save and check"
    />,
  );
}

async function saveEdit(c: Context<WebEnv>) {
  employerOnly(c);
  const form = await readForm(c);
  const { input, errors } = inputFromForm(form);
  if (!input) return editPage(c, { form, errors });
  const { status: _draft, ...patch } = input;
  try {
    await c.var.services.placements.update(pageActor(c), pageParam(c, 'id'), patch, c.get('requestId'));
  } catch (error) {
    return editPage(c, { form, errors: problemsFromService(error) });
  }
  return redirectWithFlash(c, `/placements/${c.req.param('id')}`, 'Your changes are saved');
}

export function placementPages() {
  const app = new Hono<WebEnv>();
  app.get('/placements', (c) => listPage(c));
  app.get('/placements/new', (c) => newPage(c));
  app.post('/placements/new', (c) => create(c));
  app.get('/placements/:id{[0-9a-f]{24}}', (c) => placementPage(c));
  app.get('/placements/:id{[0-9a-f]{24}}/edit', (c) => editPage(c));
  app.post('/placements/:id{[0-9a-f]{24}}/edit', (c) => saveEdit(c));
  app.post('/placements/:id{[0-9a-f]{24}}/publish', (c) => publish(c));
  app.post('/placements/:id{[0-9a-f]{24}}/close', (c) => close(c));
  return app;
}
