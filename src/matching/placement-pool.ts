// A young person's placement pool: the searches that gather it from the placements index, and
// what each hit holds. `MatchingService` ranks it; the benchmarks and the evaluation send the same.

import type { Meilisearch, MultiSearchQuery, SearchParams } from 'meilisearch';
import { BoundedCache } from '../core/bounded-cache.js';
import { searchIndex, searchIndexes } from '../core/search/meili.js';
import { type Coordinates, distanceKm } from '../geo/postcodes.js';
import type { PlacementSearchDoc } from '../search-sync/documents.js';
import type { PersonFacts, PlacementFacts } from './facts.js';
import { placementFilterFor, reachKm, relevanceQueryFor } from './filters.js';
import type { MatchesQuery } from './matching.schemas.js';

/**
 * How many placements the nearest-first pool search brings back. Every placement in the pool
 * passes every hard limit; the pool is scored and sorted here, and pages are cut from it, so
 * paging is stable. At 100,000 placements in England a median of about 30 placements keep a young
 * person's limits (the 90th percentile about 190), so for most people the pool is every placement
 * that fits, and the fit score alone decides the order.
 */
export const placementPoolSize = 200;

/**
 * How many hits a search ranked by relevance asks for: its filter is the box around the travel
 * limit (see `placementPoolSearches`), 4/pi times the circle's area, so about this many hits hold
 * `placementPoolSize` within reach.
 */
export const relevancePoolSize = Math.ceil((placementPoolSize * 4) / Math.PI);

/** What of a match's query its pool searches depend on. */
export type PoolQuery = Pick<MatchesQuery, 'q' | 'radiusKm' | 'sector'>;
export const samePoolQuery = (a: PoolQuery, b: PoolQuery) =>
  a.q === b.q && a.radiusKm === b.radiusKm && a.sector === b.sector;

/**
 * A pool hit: what scoring and the hard limits read, and what a match shows of the placement. The
 * page is answered from these, as the index holds them (see `matchesFor`).
 */
export type PoolHit = PlacementFacts &
  Pick<PlacementSearchDoc, 'employerName' | 'town' | 'startDate' | 'durationWeeks'>;
const placementPoolFields: (keyof PoolHit)[] = [
  'id',
  'employerId',
  'employerName',
  'employerVerified',
  'status',
  'disabilityConfident',
  'title',
  'tasks',
  'departments',
  'sector',
  'town',
  '_geo',
  'days',
  'dayStartMinutes',
  'dayEndMinutes',
  'hoursPerWeek',
  'startDate',
  'durationWeeks',
  'placesFree',
  'environment',
  'adjustmentsOffered',
  'stepFreeAccess',
];

/**
 * The searches that gather a young person's placement pool, each filtered by every hard limit, in
 * the order they are run: nearest first, then, only when more placements fit than the pool holds,
 * one ranked by relevance to what they want (first choice of sector, their own words, liked tasks),
 * so that in a crowded area a placement they would pick further away is still scored. A `q`
 * narrows instead: only placements matching all its words. Pure, so a benchmark and the
 * evaluation can send the same.
 *
 * Each filters by the box around their travel limit, not the circle: a box costs Meilisearch
 * almost nothing, a circle most of the search (10 of 12 ms nearest first, 11 of 15 ms with
 * words). `searchPlacementPool` drops the hits in the box's corners (`within`). Nearest first,
 * they come after every placement within reach, so none is lost; ranked by relevance, they are
 * about a fifth of the hits, so those searches ask for more (`relevancePoolSize`).
 */
export function placementPoolSearches(indexUid: string, person: PersonFacts, query: PoolQuery): SearchQuery[] {
  const limits = { radiusKm: query.radiusKm, sector: query.sector };
  const common = {
    indexUid,
    filter: placementFilterFor(person, { ...limits, reach: 'box' }),
    attributesToRetrieve: placementPoolFields,
    within: { centre: person.coordinates, radiusKm: reachKm(person, limits) },
  };
  const byRelevance = { ...common, limit: relevancePoolSize };
  if (query.q) return [{ ...byRelevance, q: query.q, matchingStrategy: 'all' }];
  return [
    {
      ...common,
      limit: placementPoolSize,
      q: '',
      sort: [`_geoPoint(${person.coordinates.lat}, ${person.coordinates.lng}):asc`],
      nearestFirst: true,
    },
    { ...byRelevance, q: relevanceQueryFor(person), matchingStrategy: 'last' },
  ];
}

export type SearchQuery = MultiSearchQuery & {
  indexUid: string;
  limit: number;
  /** Hits further than this from the centre (in the corners of the filter's box) are dropped here. */
  within?: { centre: Coordinates; radiusKm: number };
  /** Sorted nearest first, so a hit beyond `within` comes after every one inside it. */
  nearestFirst?: true;
};

/** A pool search's parameters as Meilisearch is sent them. */
const paramsOf = ({ indexUid: _indexUid, within: _within, nearestFirst: _nearestFirst, ...params }: SearchQuery) =>
  params as SearchParams;

/**
 * Pool filters whose first search lately found more placements than it brought back, so that the
 * next match with the same limits needs the worded search too. A young person in a crowded area
 * (about one in ten at 100,000 placements) is usually matched again within minutes, as the coach
 * pages, filters and proposes; those matches send both searches in one request and wait in
 * Meilisearch's queue once (`searchIndexes`). The answer is the same either way: a guess that is
 * wrong costs one unneeded search, or the second search after the first as without it.
 */
export class CrowdedPools {
  readonly #filters = new BoundedCache<string, true>({ limit: 10_000, maxAgeMs: 10 * 60_000 });

  static keyOf(searches: readonly SearchQuery[]): string {
    return JSON.stringify(searches[0]?.filter ?? null);
  }

  has(key: string): boolean {
    return this.#filters.get(key) === true;
  }

  note(key: string, crowded: boolean): void {
    if (crowded) this.#filters.set(key, true);
    else this.#filters.delete(key);
  }
}

/**
 * Runs the pool searches: the first always, each further one only while more placements fit than
 * the searches so far returned. Hits come back once each, in the order found. With `crowded`,
 * searches whose first one needed the next lately are sent together, and what each needed is noted.
 */
export async function searchPlacementPool(
  client: Meilisearch,
  searches: SearchQuery[],
  crowded?: CrowdedPools,
): Promise<PoolHit[]> {
  const key = crowded && searches.length > 1 ? CrowdedPools.keyOf(searches) : undefined;
  const together =
    key !== undefined && crowded?.has(key)
      ? searchIndexes<PoolHit>(
          client,
          searches.map((search) => ({ indexUid: search.indexUid, ...paramsOf(search) })),
        )
      : undefined;
  const seen = new Map<string, PoolHit>();
  for (const [index, search] of searches.entries()) {
    const { indexUid, within, nearestFirst } = search;
    const result = together ? (await together)[index]! : await searchIndex<PoolHit>(client, indexUid, paramsOf(search));
    let beyondReach = false;
    for (const hit of result.hits) {
      if (within && distanceKm(within.centre, hit._geo) > within.radiusKm) beyondReach = true;
      else if (!seen.has(hit.id)) seen.set(hit.id, hit);
    }
    const enough = (result.estimatedTotalHits ?? 0) <= result.hits.length || (nearestFirst && beyondReach);
    if (index === 0 && key !== undefined) crowded?.note(key, !enough);
    if (enough) break;
  }
  return [...seen.values()];
}
