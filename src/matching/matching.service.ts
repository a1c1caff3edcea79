import { type Actor, authorize, decide, youngPeopleScope } from '../auth/policy.js';
import { BoundedCache } from '../core/bounded-cache.js';
import { isoDateOfEpochDay } from '../core/dates.js';
import { notFound } from '../core/errors.js';
import { type Search, searchIndex } from '../core/search/meili.js';
import type { EmployerAdjustmentRecord } from '../dashboards/adjustment-figures.js';
import { clockTimeOf } from '../domain/schemas.js';
import { type Coordinates, distanceKm } from '../geo/postcodes.js';
import type { EarlierProposal } from '../journey/earlier-proposals.js';
import type { PlacementsService } from '../placements/placements.service.js';
import type { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import type { EarlierProposalsReadModel } from '../read-models/earlier-proposals.js';
import type { MatchingProfilesReadModel } from '../read-models/matching-profiles.js';
import { type PlacementSearchDoc, placementSearchDoc } from '../search-sync/documents.js';
import { youngPersonResource } from '../young-people/young-people.access.js';
import type { MatchingYoungPerson } from '../young-people/young-people.repository.js';
import { type PersonFacts, personFacts } from './facts.js';
import { browseFilter, candidateFilterFor, widestTravelKm } from './filters.js';
import { hardLimitViolations, keepsHardLimits } from './hard-limits.js';
import type { BrowseQuery, MatchesQuery } from './matching.schemas.js';
import {
  CrowdedPools,
  type PoolHit,
  type PoolQuery,
  placementPoolSearches,
  samePoolQuery,
  searchPlacementPool,
} from './placement-pool.js';
import { type Fit, fitScorer } from './scoring.js';

/** What every match of one young person reads (`MatchingService.startReads`). */
export interface MatchReads {
  profile: Promise<MatchingYoungPerson | undefined>;
  earlier: Promise<Map<string, EarlierProposal>>;
  /** Their placement pool for `query`, searched as soon as the profile is read (none when it is not found). */
  pool?: { query: PoolQuery; hits: Promise<PoolHit[] | undefined> };
}

/** How many young people of one provider are scored for a placement (a caseload is far smaller). */
export const candidatePoolSize = 500;

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

interface Ranked<T> {
  item: T;
  fit: Fit;
  /** Where the search put it; breaks ties in the fit score. */
  searchRank: number;
}

/** Best fit first; the search's order, then the id, break ties (the same order every time). */
function byFit(
  a: { item: { id: string }; fit: Pick<Fit, 'fitScore'>; searchRank: number },
  b: { item: { id: string }; fit: Pick<Fit, 'fitScore'>; searchRank: number },
): number {
  return b.fit.fitScore - a.fit.fitScore || a.searchRank - b.searchRank || a.item.id.localeCompare(b.item.id);
}

/**
 * The pool hits that keep every hard limit, best fit first, and the page asked for with its
 * reasons. The whole pool is ordered by the fit score alone (`scoreOnly`); only the page's
 * placements get their reasons built, which are most of the scoring's work and garbage.
 * Placements the young person was proposed for before (`proposedBefore`) come after all the
 * others: the coach has already been there with them.
 */
export function rankPlacementPool(
  person: PersonFacts,
  pool: PoolHit[],
  page: { offset: number; limit: number },
  proposedBefore: ReadonlySet<string> = new Set(),
): { page: { placement: PoolHit; fit: Fit }[]; total: number } {
  const scorer = fitScorer(person);
  const ranked: { item: PoolHit; fit: Pick<Fit, 'fitScore'>; searchRank: number }[] = [];
  for (const hit of pool) {
    if (keepsHardLimits(person, hit)) {
      ranked.push({ item: hit, fit: { fitScore: scorer.scoreOnly(hit) }, searchRank: ranked.length });
    }
  }
  ranked.sort((a, b) => Number(proposedBefore.has(a.item.id)) - Number(proposedBefore.has(b.item.id)) || byFit(a, b));
  return {
    page: ranked
      .slice(page.offset, page.offset + page.limit)
      .map(({ item }) => ({ placement: item, fit: scorer(item) })),
    total: ranked.length,
  };
}

function placementSummary(doc: PoolHit) {
  return {
    id: doc.id,
    title: doc.title,
    employer: { id: doc.employerId, name: doc.employerName, disabilityConfident: doc.disabilityConfident },
    sector: doc.sector,
    town: doc.town,
    days: doc.days,
    startTime: clockTimeOf(doc.dayStartMinutes),
    endTime: clockTimeOf(doc.dayEndMinutes),
    hoursPerWeek: doc.hoursPerWeek,
    startDate: isoDateOfEpochDay(doc.startDate),
    durationWeeks: doc.durationWeeks,
    placesFree: doc.placesFree,
    adjustmentsOffered: doc.adjustmentsOffered,
    stepFreeAccess: doc.stepFreeAccess,
  };
}

const earlierProposalField = (earlier: EarlierProposal | undefined) => (earlier ? { earlierProposal: earlier } : {});

/**
 * Matching reads only: it proposes, people decide. Hard limits go into the Meilisearch filter,
 * relevance into its query; the fit score and its reasons are computed here from the hits.
 *
 * A match is answered from the placements index, without reading the placements again from
 * MongoDB: each hit is re-checked against the young person's limits as the index holds it. The
 * index follows MongoDB through the transactional outbox (an event in the same transaction as
 * every placement or employer change; the sync worker polls every 250 ms), so it lags by a second
 * or so, by up to 5 s while Meilisearch is unreachable (the worker's back-off) and 10 s more if a
 * worker dies holding events (their lease); the reconciliation repairs anything else. A match
 * that went stale in that window cannot become a journey unnoticed: a proposal re-checks the hard
 * limits on the records (`JourneyService.propose`). The young person is read from MongoDB on every
 * match, so their own limits are never stale.
 */
export class MatchingService {
  private readonly search: Search;
  private readonly profiles: MatchingProfilesReadModel;
  private readonly placements: PlacementsService;
  private readonly earlierProposals: EarlierProposalsReadModel;
  private readonly employerRecords: Pick<AdjustmentFiguresReadModel, 'employerRecords'>;
  readonly #crowdedPools = new CrowdedPools();
  readonly #recordsRead = new BoundedCache<string, EmployerAdjustmentRecord | 'none'>({
    limit: 20_000,
    maxAgeMs: 60_000,
  });

  constructor(options: {
    search: Search;
    profiles: MatchingProfilesReadModel;
    placements: PlacementsService;
    earlierProposals: EarlierProposalsReadModel;
    /** Employers' records with adjustments, read once for a page of placements. */
    employerRecords: Pick<AdjustmentFiguresReadModel, 'employerRecords'>;
  }) {
    this.search = options.search;
    this.profiles = options.profiles;
    this.placements = options.placements;
    this.earlierProposals = options.earlierProposals;
    this.employerRecords = options.employerRecords;
  }

  /**
   * The fits with each employer's record with adjustments among their reasons, when the employer has
   * one. A record is counted from every adjustment the employer ever agreed to and changes a few
   * times a month, so each instance keeps it for a minute: most pages of matches read none.
   */
  async #withEmployerRecords<T extends { fit: Fit; employerId: string }>(items: T[]): Promise<T[]> {
    const unknown = [...new Set(items.map((item) => item.employerId))].filter(
      (id) => this.#recordsRead.get(id) === undefined,
    );
    if (unknown.length > 0) {
      const read = await this.employerRecords.employerRecords(unknown);
      for (const id of unknown) this.#recordsRead.set(id, read.get(id) ?? 'none');
    }
    return items.map((item) => {
      const record = this.#recordsRead.get(item.employerId);
      return record && record !== 'none'
        ? { ...item, fit: { ...item.fit, reasons: { ...item.fit.reasons, employerAdjustments: record } } }
        : item;
    });
  }

  /**
   * Placements for one young person, best fit first, with reasons. A placement they were proposed
   * for before carries what happened (`earlierProposal`) and comes after the others.
   */
  async matchesFor(
    actor: Actor,
    youngPersonId: string,
    query: MatchesQuery,
    /** `startReads(youngPersonId)`, when the route started them early (beside the token's check). */
    reads: MatchReads = this.startReads(youngPersonId),
  ) {
    const person = await this.#youngPerson(actor, youngPersonId, reads.profile);
    const facts = personFacts(person);
    // The pool searched early, when it was for this query; otherwise searched now.
    const early = reads.pool && samePoolQuery(reads.pool.query, query) ? reads.pool.hits : Promise.resolve(undefined);
    const [pool, earlier] = await Promise.all([
      early.then((hits) => hits ?? this.#placementPool(facts, query)),
      reads.earlier,
    ]);
    const ranked = rankPlacementPool(facts, pool, query, new Set(earlier.keys()));
    const page = await this.#withEmployerRecords(
      ranked.page.map((item) => ({ ...item, employerId: item.placement.employerId })),
    );
    const total = ranked.total;
    const items = page.map(({ placement, fit }) => ({
      placement: placementSummary(placement),
      ...fit,
      ...earlierProposalField(earlier.get(placement.id)),
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * The reads every match of this young person needs, started together: their profile as
   * matching reads it and what they were proposed for before, and, given the query, their
   * placement pool as soon as the profile is read. None is anyone's to see until `matchesFor` has
   * checked the policy on the profile (the pool is placements as published, searched with the
   * young person's limits). A read that fails is seen by whoever awaits it; one nobody awaits (the
   * request was refused) is not an unhandled rejection.
   */
  startReads(youngPersonId: string, query?: PoolQuery): MatchReads {
    const profile = this.profiles.byId(youngPersonId);
    const reads: MatchReads = { profile, earlier: this.earlierProposals.ofYoungPerson(youngPersonId) };
    if (query) {
      const hits = profile.then((person) => (person ? this.#placementPool(personFacts(person), query) : undefined));
      reads.pool = { query, hits };
      hits.catch(() => undefined);
    }
    profile.catch(() => undefined);
    reads.earlier.catch(() => undefined);
    return reads;
  }

  async #youngPerson(
    actor: Actor,
    id: string,
    read: Promise<MatchingYoungPerson | undefined> = this.profiles.byId(id),
  ): Promise<MatchingYoungPerson> {
    const person = await read;
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.matches', youngPersonResource(person));
    return person;
  }

  #placementPool(person: PersonFacts, query: PoolQuery): Promise<PoolHit[]> {
    return searchPlacementPool(
      this.search.client,
      placementPoolSearches(this.search.indexUid('placements'), person, query),
      this.#crowdedPools,
    );
  }

  /** One placement's fit for one young person, scored as `/matches` scores it: the evidence a proposal carries. */
  async fitFor(actor: Actor, youngPersonId: string, placementId: string) {
    const person = await this.#youngPerson(actor, youngPersonId);
    const { placement, employer } = await this.placements.get(actor, placementId);
    const doc = placementSearchDoc(placement, employer);
    const [earlier, [scored]] = await Promise.all([
      this.earlierProposals.ofYoungPerson(person.id),
      this.#withEmployerRecords([{ fit: fitScorer(personFacts(person))(doc), employerId: doc.employerId }]),
    ]);
    return {
      placement: placementSummary(doc),
      ...scored!.fit,
      ...earlierProposalField(earlier.get(placement.id)),
    };
  }

  /** Young people on the caller's provider caseload who fit this placement, best fit first. */
  async candidatesFor(actor: Actor, placementId: string, query: { limit: number; offset: number }) {
    const { placement, employer } = await this.placements.get(actor, placementId, 'placement.candidates');
    const providerId = youngPeopleScope(actor)?.providerId;
    const facts = placementSearchDoc(placement, employer);
    const summary = {
      id: placement.id,
      title: placement.title,
      status: placement.status,
      placesFree: facts.placesFree,
    };
    if (!providerId) return { placement: summary, items: [], total: 0, limit: query.limit, offset: query.offset };
    const found = await searchIndex<{ id: string; _geo: Coordinates }>(
      this.search.client,
      this.search.indexUid('candidates'),
      {
        q: '',
        filter: candidateFilterFor(facts, { providerId }),
        sort: [`_geoPoint(${facts._geo.lat}, ${facts._geo.lng}):asc`],
        limit: candidatePoolSize,
        attributesToRetrieve: ['id', '_geo'],
      },
    );
    // The filter is a box; its corners are beyond anyone's reach, so those are not even read.
    const hits = found.hits.filter((hit) => distanceKm(facts._geo, hit._geo) <= widestTravelKm);
    const searchRank = new Map(hits.map((hit, rank) => [hit.id, rank]));
    const people = await this.profiles.byIds(hits.map((hit) => hit.id));
    const ranked: Ranked<MatchingYoungPerson>[] = people
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
    const pageOfPeople = await this.#withEmployerRecords(
      ranked.slice(query.offset, query.offset + query.limit).map((one) => ({ ...one, employerId: facts.employerId })),
    );
    const items = pageOfPeople.map(({ item, fit }) => ({
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
    // Meilisearch counts hits only up to the index's maxTotalHits (1,000), but counts facet values
    // over every match; each placement has exactly one sector, so their sum is the exact count.
    const pageable = result.estimatedTotalHits ?? items.length;
    const matching = Math.max(
      pageable,
      Object.values(facets.sector).reduce((sum, count) => sum + count, 0),
    );
    return { items, total: pageable, matching, limit: query.limit, offset: query.offset, facets };
  }
}
