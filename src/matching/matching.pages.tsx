import { type Context, Hono } from 'hono';
import { sectorLabels, sectors } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrors, maxLengthOf, readForm, text, tooLongAnswers } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';
import { EarlierProposalNote, FitScore, Reasons } from './fit-words.js';
import { matchesQuery, proposeInputSchema } from './matching.schemas.js';

const pageSize = 10;

function staffOnly(c: Context<WebEnv>) {
  const role = pageActor(c).role;
  if (role !== 'job_coach' && role !== 'provider_admin')
    throw pageForbidden('Only job coaches find placements for young people.');
}

type MatchesResult = Awaited<ReturnType<WebEnv['Variables']['services']['matching']['matchesFor']>>;
type Fit = Awaited<ReturnType<WebEnv['Variables']['services']['matching']['fitFor']>>;

/** The filters as typed (for the form and the page links), the page asked for, and the query they make. */
function readMatchFilters(c: Context<WebEnv>) {
  const raw = {
    radiusKm: c.req.query('radiusKm') || undefined,
    sector: c.req.query('sector') || undefined,
    q: c.req.query('q') || undefined,
  };
  const page = pageNumber(c.req.query('page'), 100);
  const parsed = matchesQuery.safeParse({ ...raw, limit: String(pageSize), offset: String((page - 1) * pageSize) });
  const errors: FieldErrors = parsed.success
    ? {}
    : fieldErrors(parsed.error, {
        radiusKm: { label: 'Distance', whenWrong: 'Distance must be a number of kilometres from 0.5 to 100' },
        q: { label: 'Words' },
      });
  return { raw, page, parsed, errors };
}

type MatchFilters = ReturnType<typeof readMatchFilters>['raw'];

/** Placements for one young person, best fit first, with the API's filters. */
async function matchesPage(c: Context<WebEnv>) {
  staffOnly(c);
  const actor = pageActor(c);
  const id = pageParam(c, 'id');
  const { raw, page, parsed, errors } = readMatchFilters(c);
  const person = await c.var.services.youngPeople.get(actor, id);
  const result = parsed.success
    ? await c.var.services.matching.matchesFor(actor, id, parsed.data)
    : { items: [], total: 0 };
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const href = (target: number) =>
    `/young-people/${id}/matches?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)), page: String(target) } as Record<string, string>)}`;
  if (!parsed.success) c.status(400);
  return renderPage(
    c,
    { title: `Placements for ${person.preferredName}`, hasErrors: !parsed.success, backLink: `/young-people/${id}` },
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{person.preferredName}</span>
      <h1 class="govuk-heading-l">Placements that fit</h1>
      <p class="govuk-body">
        Best fit first. Every placement here is within {person.preferredName}’s travel, days and hours, and their
        non-negotiables. Placements {person.preferredName} was proposed for before come last.
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <MatchFilterForm filters={raw} errors={errors} />
        </div>
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">
            {result.total} {result.total === 1 ? 'placement' : 'placements'}
          </p>
          {result.items.map((item) => (
            <MatchedPlacement item={item} youngPersonId={id} name={person.preferredName} />
          ))}
          <Pagination page={page} pages={pages} href={href} />
        </div>
      </div>
    </>,
  );
}

function MatchFilterForm(props: { filters: MatchFilters; errors: FieldErrors }) {
  const { filters, errors } = props;
  return (
    <form method="get" role="search" aria-label="Filter placements">
      <Input
        name="radiusKm"
        label="Distance from home (km)"
        hint="Leave empty to use their travel limit."
        inputmode="decimal"
        width="3"
        value={filters.radiusKm}
        error={errors.radiusKm}
      />
      <Select
        name="sector"
        label="Sector"
        items={[{ value: '', text: 'Any sector' }, ...sectors.map((value) => ({ value, text: sectorLabels[value] }))]}
        value={filters.sector ?? ''}
        error={errors.sector}
      />
      <Input name="q" label="Words" hint="For example, kitchen." type="search" value={filters.q} error={errors.q} />
      <Button variant="secondary">Filter</Button>
    </form>
  );
}

/** One placement that fits: its facts, how well it fits and why, and the way to propose it (or its journey). */
function MatchedPlacement(props: { item: MatchesResult['items'][number]; youngPersonId: string; name: string }) {
  const { item, name } = props;
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby={`placement-${item.placement.id}`}>
      <h2 class="govuk-heading-m govuk-!-margin-bottom-1" id={`placement-${item.placement.id}`}>
        {item.placement.title} at {item.placement.employer.name}
      </h2>
      <p class="govuk-body-s">
        {item.placement.town}, {daysInWords(item.placement.days)}, {item.placement.hoursPerWeek} hours a week, from{' '}
        {longDate(item.placement.startDate)}. {item.placement.placesFree}{' '}
        {item.placement.placesFree === 1 ? 'place' : 'places'} free.
      </p>
      {item.earlierProposal ? <EarlierProposalNote earlier={item.earlierProposal} name={name} /> : null}
      <FitScore score={item.fitScore} />
      <Reasons reasons={item.reasons} name={name} />
      <p class="govuk-body">
        {item.earlierProposal?.underWay ? (
          <a class="govuk-link" href={`/journeys/${item.earlierProposal.matchId}`}>
            See {name}’s journey with {item.placement.title}
          </a>
        ) : (
          <a class="govuk-link" href={`/young-people/${props.youngPersonId}/matches/${item.placement.id}/propose`}>
            Propose {item.placement.title} to {name}
            {item.earlierProposal ? ' again' : ''}
          </a>
        )}
      </p>
    </section>
  );
}

interface ProposeForm {
  note: string;
  overrideReason: string;
  confirmRepeat: boolean;
}

async function proposePage(c: Context<WebEnv>, form: ProposeForm, errors: FieldErrors, brokenLimits: string[] = []) {
  staffOnly(c);
  const actor = pageActor(c);
  const id = pageParam(c, 'id');
  const person = await c.var.services.youngPeople.get(actor, id);
  const fit = await c.var.services.matching.fitFor(actor, id, pageParam(c, 'placementId'));
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    {
      title: `Propose ${fit.placement.title} to ${person.preferredName}`,
      hasErrors,
      backLink: `/young-people/${id}/matches`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">Propose a placement to {person.preferredName}</span>
        <h1 class="govuk-heading-l">
          {fit.placement.title} at {fit.placement.employer.name}
        </h1>
        <PlacementFacts placement={fit.placement} />
        {fit.earlierProposal ? <EarlierProposalNote earlier={fit.earlierProposal} name={person.preferredName} /> : null}
        <FitScore score={fit.fitScore} />
        <Reasons reasons={fit.reasons} name={person.preferredName} />
        {fit.earlierProposal?.underWay ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/journeys/${fit.earlierProposal.matchId}`}>
              See {person.preferredName}’s journey with this placement
            </a>
          </p>
        ) : (
          <ProposalForm
            name={person.preferredName}
            form={form}
            errors={errors}
            brokenLimits={brokenLimits}
            proposedBefore={fit.earlierProposal !== undefined}
            csrf={csrfToken(c)}
          />
        )}
      </div>
    </div>,
  );
}

function PlacementFacts(props: { placement: Fit['placement'] }) {
  const { placement } = props;
  return (
    <SummaryList
      rows={[
        { key: 'Where', value: placement.town },
        { key: 'Days', value: daysInWords(placement.days) },
        {
          key: 'Times',
          value: `${placement.startTime} to ${placement.endTime}, ${placement.hoursPerWeek} hours a week`,
        },
        { key: 'Starts', value: longDate(placement.startDate) },
      ]}
    />
  );
}

/**
 * The note to the young person; the reason it is right anyway when it is outside their limits;
 * and, when they were proposed it before, the coach's word that they know what happened.
 */
function ProposalForm(props: {
  name: string;
  form: ProposeForm;
  errors: FieldErrors;
  brokenLimits: string[];
  proposedBefore: boolean;
  csrf: string;
}) {
  const { name, form, errors, brokenLimits } = props;
  return (
    <form method="post" novalidate>
      <CsrfField token={props.csrf} />
      <CharacterCount
        name="note"
        label={`A note for ${name}`}
        hint="Why this placement, in plain words. They read it first, and the employer reads it once they say yes."
        value={form.note}
        rows={4}
        maxLength={2000}
        error={errors.note}
      />
      {brokenLimits.length > 0 || form.overrideReason ? (
        <CharacterCount
          name="overrideReason"
          label="Why is it right for them anyway?"
          hint={`It is outside these limits: ${brokenLimits.join('; ')}. ${name} will see your reason.`}
          value={form.overrideReason}
          rows={3}
          maxLength={1000}
          error={errors.overrideReason}
        />
      ) : null}
      {props.proposedBefore ? (
        <Checkboxes
          name="confirmRepeat"
          legend="Proposing it again"
          items={[{ value: 'yes', text: `I know what happened before and want to propose it to ${name} again` }]}
          values={form.confirmRepeat ? ['yes'] : []}
          error={errors.confirmRepeat}
        />
      ) : null}
      <p class="govuk-body">{name} (and a parent or carer who answers for them) will be asked to say yes or no.</p>
      <Button>Propose this placement</Button>
    </form>
  );
}

async function propose(c: Context<WebEnv>) {
  staffOnly(c);
  const actor = pageActor(c);
  const id = pageParam(c, 'id');
  const placementId = pageParam(c, 'placementId');
  const body = await readForm(c);
  const form = {
    note: text(body, 'note'),
    overrideReason: text(body, 'overrideReason'),
    confirmRepeat: text(body, 'confirmRepeat') === 'yes',
  };
  const tooLong = tooLongAnswers(body, {
    note: { label: 'Your note', max: maxLengthOf(proposeInputSchema.shape.note) },
    overrideReason: { label: 'Your reason', max: maxLengthOf(proposeInputSchema.shape.overrideReason) },
  });
  if (Object.keys(tooLong).length > 0) return proposePage(c, form, tooLong);
  const fit = await c.var.services.matching.fitFor(actor, id, placementId);
  const errors: FieldErrors = {};
  if (!form.note) errors.note = 'Write a note saying why this placement could suit them';
  if (fit.earlierProposal && !form.confirmRepeat)
    errors.confirmRepeat = 'Tick the box to say you know what happened before, or choose another placement';
  if (Object.keys(errors).length > 0) return proposePage(c, form, errors);
  try {
    const match = await c.var.services.journey.propose(
      actor,
      {
        youngPersonId: id,
        placementId,
        note: form.note,
        match: { score: fit.fitScore, reasons: fit.reasons as unknown as Record<string, unknown>, placementId },
        ...(form.overrideReason ? { overrideReason: form.overrideReason } : {}),
        ...(form.confirmRepeat ? { confirmRepeat: true } : {}),
      },
      c.get('requestId'),
    );
    return redirectWithFlash(
      c,
      `/journeys/${match.id}`,
      'The placement is proposed',
      'The young person can now say yes or no.',
    );
  } catch (error) {
    if (!isRefusal(error, 'unprocessable', 'conflict')) throw error;
    const problems = Array.isArray(error.details) ? error.details : [];
    const broken = problems
      .filter((problem) => problem.path.startsWith('hardLimits.'))
      .map((problem) => problem.message);
    if (broken.length > 0)
      return proposePage(
        c,
        form,
        {
          overrideReason:
            'This placement is outside their limits. Say why it is right for them anyway, or choose another placement.',
        },
        broken,
      );
    return proposePage(c, form, { note: error.message });
  }
}

/** Young people on the caller's caseload who fit one placement, best fit first. */
async function candidatesPage(c: Context<WebEnv>) {
  staffOnly(c);
  const actor = pageActor(c);
  const page = pageNumber(c.req.query('page'), 100);
  const result = await c.var.services.matching.candidatesFor(actor, pageParam(c, 'id'), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return renderPage(
    c,
    { title: `Young people for ${result.placement.title}`, backLink: '/search/placements' },
    <>
      <span class="govuk-caption-l">{result.placement.title}</span>
      <h1 class="govuk-heading-l">Young people who could fit</h1>
      <p class="govuk-body">
        Best fit first, from your provider’s young people who are looking for a placement. {result.placement.placesFree}{' '}
        {result.placement.placesFree === 1 ? 'place is' : 'places are'} free.
      </p>
      {result.items.length === 0 ? (
        <p class="govuk-body">No young person on your caseload fits this placement’s limits now.</p>
      ) : null}
      {result.items.map((item) => (
        <section class="govuk-!-margin-bottom-8" aria-labelledby={`person-${item.youngPerson.id}`}>
          <h2 class="govuk-heading-m govuk-!-margin-bottom-1" id={`person-${item.youngPerson.id}`}>
            {item.youngPerson.preferredName}
          </h2>
          <FitScore score={item.fitScore} />
          <Reasons reasons={item.reasons} name={item.youngPerson.preferredName} />
          <p class="govuk-body">
            <a class="govuk-link" href={`/young-people/${item.youngPerson.id}/matches/${result.placement.id}/propose`}>
              Propose this placement to {item.youngPerson.preferredName}
            </a>
          </p>
        </section>
      ))}
      <Pagination
        page={page}
        pages={pages}
        href={(target) => `/placements/${result.placement.id}/candidates?page=${target}`}
      />
    </>,
  );
}

/** Matching for job coaches: placements for a young person, young people for a placement, and proposing. */
export function matchingPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id{[0-9a-f]{24}}/matches', (c) => matchesPage(c));
  app.get('/young-people/:id{[0-9a-f]{24}}/matches/:placementId{[0-9a-f]{24}}/propose', (c) =>
    proposePage(c, { note: '', overrideReason: '', confirmRepeat: false }, {}),
  );
  app.post('/young-people/:id{[0-9a-f]{24}}/matches/:placementId{[0-9a-f]{24}}/propose', (c) => propose(c));
  app.get('/placements/:id{[0-9a-f]{24}}/candidates', (c) => candidatesPage(c));
  return app;
}
