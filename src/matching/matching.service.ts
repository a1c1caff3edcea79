import type { Meilisearch, MultiSearchQuery, SearchParams } from 'meilisearch';
import { type Actor, authorize, decide, youngPeopleScope } from '../auth/policy.js';
import { isoDateOfEpochDay } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import type { Search } from '../core/search/meili.js';
import type { Employer, EmployersRepository } from '../employers/employers.repository.js';
import { distanceKm } from '../geo/postcodes.js';
import type { Placement, PlacementsRepository } from '../placements/placements.repository.js';
import type { PlacementsService } from '../placements/placements.service.js';
import { type PlacementSearchDoc, placementSearchDoc } from '../search-sync/documents.js';
import { youngPersonResource } from '../young-people/young-people.access.js';
import type { YoungPeopleRepository, YoungPerson } from '../young-people/young-people.repository.js';
import { type PersonFacts, type PlacementFacts, personFacts, type ScoringFacts } from './facts.js';
import { browseFilter, candidateFilterFor, placementFilterFor, relevanceQueryFor } from './filters.js';
import { hardLimitViolations } from './hard-limits.js';
import type { BrowseQuery, MatchesQuery } from './matching.schemas.js';
import { type Fit, fitScorer } from './scoring.js';

/**
 * How many placements the nearest-first pool search brings back. Every placement in the pool
 * passes every hard limit; the pool is scored and sorted here, and pages are cut from it, so
 * paging is stable. At 100,000 placements in England a median of about 30 placements keep a young
 * person's limits (the 90th percentile about 190), so for most people the pool is every placement
 * that fits, and the fit score alone decides the order.
 */
export const placementPoolSize = 200;

/** How many young people of one provider are scored for a placement (a caseload is far smaller). */
export const candidatePoolSize = 500;

/** A pool hit: what scoring needs, and the employer to re-read the page's records. The hard-limit fields stay in the filter. */
export type PoolHit = ScoringFacts & Pick<PlacementFacts, 'id' | 'employerId'>;
const placementPoolFields: (keyof PoolHit)[] = [
  'id',
  'employerId',
  '_geo',
  'sector',
  'title',
  'tasks',
  'disabilityConfident',
  'hoursPerWeek',
  'environment',
  'adjustmentsOffered',
];

const browseFields: (keyof PlacementSearchDoc)[] = [
  'id',
  'title',
  'employerId',
  'employerName',
  'employerVerified',
  'disabilityConfident',
  'sector',
  'town',
  'status',
  '_geo',
  'hoursPerWeek',
  'hoursBand',
  'days',
  'startDate',
  'placesFree',
  'adjustmentsOffered',
  'stepFreeAccess',
];

export const browseFacets = ['sector', 'hoursBand', 'adjustmentsOffered', 'disabilityConfident'] as const;

/**
 * The searches that gather a young person's placement pool, each filtered by every hard limit, in
 * the order they are run: nearest first, then, only when more placements fit than the pool holds,
 * one ranked by relevance to what they want (first choice of sector, their own words, liked tasks),
 * so that in a crowded area a placement they would pick further away is still scored. A `q`
 * narrows instead: only placements matching all its words. Pure, so a benchmark and the
 * evaluation can send the same.
 */
export function placementPoolSearches(
  indexUid: string,
  person: PersonFacts,
  query: Pick<MatchesQuery, 'q' | 'radiusKm' | 'sector'>,
): SearchQuery[] {
  const filter = placementFilterFor(person, { radiusKm: query.radiusKm, sector: query.sector });
  const common = { indexUid, filter, limit: placementPoolSize, attributesToRetrieve: placementPoolFields };
  if (query.q) return [{ ...common, q: query.q, matchingStrategy: 'all' }];
  return [
    { ...common, q: '', sort: [`_geoPoint(${person.coordinates.lat}, ${person.coordinates.lng}):asc`] },
    { ...common, q: relevanceQueryFor(person), matchingStrategy: 'last' },
  ];
}

export type SearchQuery = MultiSearchQuery & { indexUid: string; limit: number };

/**
 * Runs the pool searches: the first always, each further one only while more placements fit than
 * the searches so far returned. Hits come back once each, in the order found.
 */
export async function searchPlacementPool(client: Meilisearch, searches: SearchQuery[]): Promise<PoolHit[]> {
  const seen = new Map<string, PoolHit>();
  for (const { indexUid, ...params } of searches) {
    const result = await client.index(indexUid).search<PoolHit>(params.q ?? '', params as SearchParams);
    for (const hit of result.hits) if (!seen.has(hit.id)) seen.set(hit.id, hit);
    if ((result.estimatedTotalHits ?? 0) <= result.hits.length) break;
  }
  return [...seen.values()];
}

interface Ranked<T> {
  item: T;
  fit: Fit;
  /** Where the search put it; breaks ties in the fit score. */
  searchRank: number;
}

function byFit<T extends { id: string }>(a: Ranked<T>, b: Ranked<T>): number {
  return b.fit.fitScore - a.fit.fitScore || a.searchRank - b.searchRank || a.item.id.localeCompare(b.item.id);
}

function placementSummary(placement: Placement, employer: Employer) {
  return {
    id: placement.id,
    title: placement.title,
    employer: { id: employer.id, name: employer.name, disabilityConfident: employer.disabilityConfident },
    sector: placement.sector,
    town: placement.site.address.town,
    days: placement.schedule.days,
    startTime: placement.schedule.startTime,
    endTime: placement.schedule.endTime,
    hoursPerWeek: placement.schedule.hoursPerWeek,
    startDate: placement.startDate,
    durationWeeks: placement.durationWeeks,
    placesFree: Math.max(0, placement.places - placement.placesFilled),
    adjustmentsOffered: placement.adjustmentsOffered,
    stepFreeAccess: placement.site.stepFreeAccess,
  };
}

/**
 * Matching reads only: it proposes, people decide. Hard limits go into the Meilisearch filter,
 * relevance into its query; the fit score and its reasons are computed here from the hits, and
 * what is returned is re-read from MongoDB and re-checked, so a lagging index never shows a
 * placement or a young person that breaks a hard limit.
 */
export class MatchingService {
  private readonly search: Search;
  private readonly youngPeople: YoungPeopleRepository;
  private readonly placements: PlacementsRepository;
  private readonly employers: EmployersRepository;
  private readonly placementsService: PlacementsService;

  constructor(options: {
    search: Search;
    youngPeople: YoungPeopleRepository;
    placements: PlacementsRepository;
    employers: EmployersRepository;
    placementsService: PlacementsService;
  }) {
    this.search = options.search;
    this.youngPeople = options.youngPeople;
    this.placements = options.placements;
    this.employers = options.employers;
    this.placementsService = options.placementsService;
  }

  /** Placements for one young person, best fit first, with reasons. */
  async matchesFor(actor: Actor, youngPersonId: string, query: MatchesQuery) {
    const person = await this.youngPeople.byId(youngPersonId);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.matches', youngPersonResource(person));
    const facts = personFacts(person);
    const score = fitScorer(facts);
    const pool = await this.#placementPool(facts, query);
    const ranked = pool.map((doc, searchRank) => ({ item: doc, fit: score(doc), searchRank })).sort(byFit);
    const page = ranked.slice(query.offset, query.offset + query.limit);
    const fresh = await this.#freshPlacements(page.map((entry) => entry.item));
    const items = page.flatMap((entry) => {
      const record = fresh.get(entry.item.id);
      if (!record) return [];
      const doc = placementSearchDoc(record.placement, record.employer);
      if (hardLimitViolations(facts, doc).length > 0) return [];
      return [{ placement: placementSummary(record.placement, record.employer), ...score(doc) }];
    });
    return { items, total: ranked.length, limit: query.limit, offset: query.offset };
  }

  #placementPool(person: PersonFacts, query: MatchesQuery): Promise<PoolHit[]> {
    return searchPlacementPool(
      this.search.client,
      placementPoolSearches(this.search.indexUid('placements'), person, query),
    );
  }

  /** The placements and their employers as MongoDB holds them now, read side by side. */
  async #freshPlacements(
    hits: Pick<PlacementFacts, 'id' | 'employerId'>[],
  ): Promise<Map<string, { placement: Placement; employer: Employer }>> {
    const [placements, employers] = await Promise.all([
      this.placements.byIds(hits.map((hit) => hit.id)),
      this.employers.byIds([...new Set(hits.map((hit) => hit.employerId))]),
    ]);
    const employerById = new Map(employers.map((employer) => [employer.id, employer]));
    const fresh = new Map<string, { placement: Placement; employer: Employer }>();
    for (const placement of placements) {
      const employer = employerById.get(placement.employerId);
      if (employer) fresh.set(placement.id, { placement, employer });
    }
    return fresh;
  }

  /** One placement's fit for one young person, scored as `/matches` scores it: the evidence a proposal carries. */
  async fitFor(actor: Actor, youngPersonId: string, placementId: string) {
    const person = await this.youngPeople.byId(youngPersonId);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.matches', youngPersonResource(person));
    const { placement, employer } = await this.placementsService.get(actor, placementId);
    return {
      placement: placementSummary(placement, employer),
      ...fitScorer(personFacts(person))(placementSearchDoc(placement, employer)),
    };
  }

  /** Young people on the caller's provider caseload who fit this placement, best fit first. */
  async candidatesFor(actor: Actor, placementId: string, query: { limit: number; offset: number }) {
    const { placement, employer } = await this.placementsService.get(actor, placementId, 'placement.candidates');
    const providerId = youngPeopleScope(actor)?.providerId;
    const facts = placementSearchDoc(placement, employer);
    const summary = {
      id: placement.id,
      title: placement.title,
      status: placement.status,
      placesFree: facts.placesFree,
    };
    if (!providerId) return { placement: summary, items: [], total: 0, limit: query.limit, offset: query.offset };
    const { hits } = await this.search.client.index(this.search.indexUid('candidates')).search<{ id: string }>('', {
      filter: candidateFilterFor(facts, { providerId }),
      sort: [`_geoPoint(${facts._geo.lat}, ${facts._geo.lng}):asc`],
      limit: candidatePoolSize,
      attributesToRetrieve: ['id'],
    });
    const searchRank = new Map(hits.map((hit, rank) => [hit.id, rank]));
    const people = await this.youngPeople.byIds(hits.map((hit) => hit.id));
    const ranked: Ranked<YoungPerson>[] = people
      // Re-checked on the record: the index may lag, and it holds only a coarse home location.
      .filter((person) => person.providerId === providerId && person.status === 'active')
      .flatMap((person) => {
        const personLimits = personFacts(person);
        const broken = hardLimitViolations(personLimits, facts).filter((limit) => limit !== 'placement_open');
        if (broken.length > 0) return [];
        const fit = fitScorer(personLimits)(facts);
        const hardLimitsChecked = fit.reasons.hardLimitsChecked.filter((limit) => limit !== 'placement_open');
        return [
          {
            item: person,
            fit: { ...fit, reasons: { ...fit.reasons, hardLimitsChecked } },
            searchRank: searchRank.get(person.id) ?? hits.length,
          },
        ];
      })
      .sort(byFit);
    const items = ranked.slice(query.offset, query.offset + query.limit).map(({ item, fit }) => ({
      youngPerson: {
        id: item.id,
        preferredName: item.preferredName,
        ...(item.jobCoachId ? { jobCoachId: item.jobCoachId } : {}),
      },
      ...fit,
    }));
    return { placement: summary, items, total: ranked.length, limit: query.limit, offset: query.offset };
  }

  /** Open placements of verified employers, searched and filtered, with counts for filter menus. */
  async browse(actor: Actor, query: BrowseQuery) {
    const result = await this.search.client
      .index(this.search.indexUid('placements'))
      .search<PlacementSearchDoc>(query.q ?? '', {
        filter: browseFilter({
          near: query.near,
          radiusKm: query.radiusKm,
          sectors: query.sector,
          hoursBands: query.hoursBand,
          adjustments: query.adjustments,
          disabilityConfident: query.disabilityConfident,
        }),
        // With words, relevance comes first and distance breaks ties (the ranking rules put sort after them).
        ...(query.near ? { sort: [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`] } : {}),
        facets: [...browseFacets],
        limit: query.limit,
        offset: query.offset,
        attributesToRetrieve: browseFields,
      });
    const items = result.hits
      // Lists go through the policy like single reads: only what this caller could open one by one.
      .filter(
        (hit) =>
          decide(actor, 'placement.read', {
            type: 'placement',
            id: hit.id,
            employerId: hit.employerId,
            published: hit.employerVerified && hit.status === 'open',
          }) === 'allow',
      )
      .map((hit) => ({
        id: hit.id,
        title: hit.title,
        employer: { id: hit.employerId, name: hit.employerName, disabilityConfident: hit.disabilityConfident },
        sector: hit.sector,
        town: hit.town,
        hoursPerWeek: hit.hoursPerWeek,
        hoursBand: hit.hoursBand,
        days: hit.days,
        startDate: isoDateOfEpochDay(hit.startDate),
        placesFree: hit.placesFree,
        adjustmentsOffered: hit.adjustmentsOffered,
        stepFreeAccess: hit.stepFreeAccess,
        ...(query.near ? { distanceKm: Math.round(distanceKm(query.near, hit._geo) * 10) / 10 } : {}),
      }));
    const distribution = result.facetDistribution ?? {};
    const facets = Object.fromEntries(browseFacets.map((facet) => [facet, distribution[facet] ?? {}])) as Record<
      (typeof browseFacets)[number],
      Record<string, number>
    >;
    return {
      items,
      total: result.estimatedTotalHits ?? items.length,
      limit: query.limit,
      offset: query.offset,
      facets,
    };
  }
}
