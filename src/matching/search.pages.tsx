import { type Context, Hono } from 'hono';
import {
  adjustmentCategories,
  adjustmentCategoryLabels,
  disabilityConfidentLevels,
  sectorLabels,
  sectors,
} from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { Details } from '../web/components/Details.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { type FieldErrors, fieldErrors } from '../web/forms.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords, disabilityConfidentWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';
import { nearPostcode } from './filters.js';
import { browseQuery, hoursBands } from './matching.schemas.js';

const pageSize = 20;

const hoursBandWords: Record<(typeof hoursBands)[number], string> = {
  under_16: 'Under 16 hours a week',
  '16_to_20': '16 to 20 hours a week',
  '21_to_30': '21 to 30 hours a week',
  over_30: 'Over 30 hours a week',
};

const withCount = (text: string, count: number | undefined) => (count === undefined ? text : `${text} (${count})`);

/** The search as typed: words, postcode, distance, the facets chosen, the page, and what is wrong with them. */
function readSearch(c: Context<WebEnv>) {
  const url = new URL(c.req.url);
  const all = (name: string) => url.searchParams.getAll(name).filter(Boolean);
  const words = (c.req.query('q') ?? '').trim();
  const postcode = (c.req.query('postcode') ?? '').trim();
  const radius = (c.req.query('radiusKm') ?? '').trim();
  const page = pageNumber(c.req.query('page'), 100);
  const errors: FieldErrors = {};
  let near: string | undefined;
  if (postcode) {
    near = nearPostcode(postcode);
    if (!near) errors.postcode = 'Enter a full postcode in England, like LS1 4AP';
  }
  if (radius && !postcode) errors.postcode = 'Enter a postcode to search within a distance of it';
  const chosen = {
    sector: all('sector'),
    hoursBand: all('hoursBand'),
    adjustments: all('adjustments'),
    disabilityConfident: all('disabilityConfident'),
  };
  const parsed = browseQuery.safeParse({
    ...(words ? { q: words } : {}),
    ...(near ? { near } : {}),
    ...(radius && near ? { radiusKm: radius } : {}),
    ...Object.fromEntries(
      Object.entries(chosen)
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, values.join(',')]),
    ),
    limit: String(pageSize),
    offset: String((page - 1) * pageSize),
  });
  if (!parsed.success)
    Object.assign(
      errors,
      fieldErrors(parsed.error, {
        radiusKm: { label: 'Distance', whenWrong: 'Distance must be a number of kilometres from 0.5 to 100' },
        q: { label: 'Words' },
      }),
    );
  return { url, words, postcode, radius, chosen, page, errors, query: parsed.success ? parsed.data : undefined };
}

type Search = ReturnType<typeof readSearch>;
type BrowseResult = Awaited<ReturnType<WebEnv['Variables']['services']['matching']['browse']>>;

/**
 * Open placements of verified employers, for everyone signed in: words, a postcode and distance,
 * and the facets the API has. A plain GET form, so filtering works without JavaScript.
 */
async function searchPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const search = readSearch(c);
  const hasErrors = Object.keys(search.errors).length > 0;
  const result = search.query && !hasErrors ? await c.var.services.matching.browse(actor, search.query) : undefined;
  if (hasErrors) c.status(400);
  const youngPerson = actor.role === 'young_person' || actor.role === 'delegate';
  return renderPage(
    c,
    { title: youngPerson ? 'Find a placement' : 'Search placements', hasErrors },
    <>
      <ErrorSummary errors={search.errors} />
      <h1 class="govuk-heading-l">{youngPerson ? 'Find a placement' : 'Search placements'}</h1>
      {youngPerson ? (
        <p class="govuk-body">These are places to work and learn. Your job coach can help you choose one.</p>
      ) : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <SearchForm search={search} facets={result?.facets} youngPerson={youngPerson} />
        </div>
        <div class="govuk-grid-column-two-thirds">
          <SearchResults search={search} result={result} linkCandidates={actor.role === 'job_coach'} />
        </div>
      </div>
    </>,
  );
}

/** The search box, postcode and distance, then the facets. */
function SearchForm(props: { search: Search; facets: BrowseResult['facets'] | undefined; youngPerson: boolean }) {
  const { chosen, errors } = props.search;
  return (
    <form method="get" action="/search/placements" role="search" aria-label="Filter placements">
      <Input
        name="q"
        label={props.youngPerson ? 'What kind of work?' : 'Words'}
        hint="For example, kitchen or library."
        type="search"
        value={props.search.words}
        error={errors.q}
      />
      <Input
        name="postcode"
        label="Near this postcode"
        hint="For example, LS1 4AP."
        autocomplete="postal-code"
        width="10"
        value={props.search.postcode}
        error={errors.postcode}
      />
      <Input
        name="radiusKm"
        label="How far (km)"
        inputmode="decimal"
        width="3"
        value={props.search.radius}
        error={errors.radiusKm}
      />
      <Button variant="secondary">Search</Button>
      <SearchFacets chosen={chosen} facets={props.facets} />
    </form>
  );
}

/** The facets, each choice with its count. */
function SearchFacets(props: { chosen: Search['chosen']; facets: BrowseResult['facets'] | undefined }) {
  const { chosen, facets } = props;
  const filtersChosen = Object.values(chosen).reduce((sum, values) => sum + values.length, 0);
  // Closed until a filter is chosen, so that on a phone the placements follow the search box, not four lists.
  return (
    <Details
      summary={filtersChosen > 0 ? `Filters (${filtersChosen} chosen)` : 'Filter by kind of work, hours and help'}
      open={filtersChosen > 0}
    >
      <Checkboxes
        small
        name="sector"
        legend="Kind of work"
        legendSize="s"
        items={sectors.map((value) => ({ value, text: withCount(sectorLabels[value], facets?.sector[value]) }))}
        values={chosen.sector}
      />
      <Checkboxes
        small
        name="hoursBand"
        legend="Hours"
        legendSize="s"
        items={hoursBands.map((value) => ({
          value,
          text: withCount(hoursBandWords[value], facets?.hoursBand[value]),
        }))}
        values={chosen.hoursBand}
      />
      <Checkboxes
        small
        name="adjustments"
        legend="Help they offer"
        legendSize="s"
        hint="Only places that offer every one you choose."
        items={adjustmentCategories.map((value) => ({
          value,
          text: withCount(adjustmentCategoryLabels[value], facets?.adjustmentsOffered[value]),
        }))}
        values={chosen.adjustments}
      />
      <Checkboxes
        small
        name="disabilityConfident"
        legend="Disability Confident"
        legendSize="s"
        items={disabilityConfidentLevels.map((value) => ({
          value,
          text: withCount(disabilityConfidentWords[value], facets?.disabilityConfident[value]),
        }))}
        values={chosen.disabilityConfident}
      />
      <Button variant="secondary">Show placements</Button>
    </Details>
  );
}

/** How many placements match, one page of them, and the links to the other pages. */
function SearchResults(props: { search: Search; result: BrowseResult | undefined; linkCandidates: boolean }) {
  const { search, result } = props;
  // Pages reach only the placements Meilisearch will page through (the first 1,000); the count says all.
  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / pageSize));
  const href = (target: number) => {
    const next = new URLSearchParams(search.url.searchParams);
    next.set('page', String(target));
    return `/search/placements?${next}`;
  };
  return (
    <>
      {result ? (
        <p class="govuk-body" role="status">
          {result.matching.toLocaleString('en-GB')} {result.matching === 1 ? 'placement' : 'placements'}
          {result.matching > result.total
            ? `. These pages show the first ${result.total.toLocaleString('en-GB')}: choose a place, a distance or a kind of work to see the others.`
            : ''}
        </p>
      ) : null}
      <ul class="govuk-list">
        {(result?.items ?? []).map((item) => (
          <SearchResult item={item} linkCandidates={props.linkCandidates} />
        ))}
      </ul>
      <Pagination page={search.page} pages={pages} href={href} />
    </>
  );
}

function SearchResult(props: { item: BrowseResult['items'][number]; linkCandidates: boolean }) {
  const { item } = props;
  return (
    <li class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-m govuk-!-margin-bottom-1">
        <a class="govuk-link" href={`/placements/${item.id}`}>
          {item.title} at {item.employer.name}
        </a>
      </h2>
      <p class="govuk-body govuk-!-margin-bottom-1">
        {sectorLabels[item.sector]} in {item.town}
        {item.distanceKm !== undefined ? `, about ${item.distanceKm} km away` : ''}.
      </p>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        {daysInWords(item.days)}, {item.hoursPerWeek} hours a week. Starts {longDate(item.startDate)}. {item.placesFree}{' '}
        {item.placesFree === 1 ? 'place' : 'places'} free.
      </p>
      {item.adjustmentsOffered.length > 0 ? (
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          Help offered: {item.adjustmentsOffered.map((category) => adjustmentCategoryLabels[category]).join('; ')}.
        </p>
      ) : null}
      {props.linkCandidates ? (
        <p class="govuk-body-s">
          <a class="govuk-link" href={`/placements/${item.id}/candidates`}>
            Young people who could fit {item.title}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export function searchPages() {
  const app = new Hono<WebEnv>();
  app.get('/search/placements', (c) => searchPage(c));
  return app;
}
