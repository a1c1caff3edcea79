import { ObjectId } from 'mongodb';
import type { Actor } from '../../src/auth/policy.js';
import { personFacts } from '../../src/matching/facts.js';
import { type HardLimit, hardLimitViolations } from '../../src/matching/hard-limits.js';
import { placementPoolSearches, searchPlacementPool } from '../../src/matching/placement-pool.js';
import { placementSearchDoc } from '../../src/search-sync/documents.js';
import type { System } from '../../src/services.js';
import type { DecoyKind, EvalCause, EvalSet } from './eval-set.js';
import { ndcgAt, pairsHeld, precisionAt, reciprocalRank } from './metrics.js';

export interface LoadedEvalSet {
  providerId: string;
  personIds: string[];
  /** In the order of `EvalSet.placements`. */
  placementIds: string[];
}

export interface Violation {
  town: string;
  placementId: string;
  decoy?: DecoyKind;
  limits: HardLimit[];
}

export interface PersonReport {
  town: string;
  cause?: EvalCause;
  precisionAt5: number;
  ndcgAt10: number;
  reciprocalRank: number;
  /** The share of expected pairwise orderings (higher gain before lower) that the ranking keeps. */
  pairsHeld: number;
  results: number;
}

export interface EvalReport {
  people: number;
  placements: number;
  /** Share of the first 5 that are first picks (the person's highest gain). */
  precisionAt5: number;
  /** Graded by each placement's gain. */
  ndcgAt10: number;
  /** Mean reciprocal rank of the first first pick. */
  mrr: number;
  /** Mean share of expected pairwise orderings held. */
  pairsHeld: number;
  /**
   * Every placement that breaks a hard limit, a decoy by construction or by the checker on the
   * stored records, found in the raw Meilisearch pool (before the service re-checks anything) or in
   * what the service returned.
   */
  violations: (Violation & { where: 'search_pool' | 'results' })[];
  perPerson: PersonReport[];
}

/** Stores the set as the service would hold it, and brings the search indexes up to date. */
export async function loadEvalSet(services: System, set: EvalSet): Promise<LoadedEvalSet> {
  const now = services.clock.now();
  const provider = await services.providers.create({
    name: 'Evaluation College',
    kind: 'college',
    localAuthority: 'Leeds',
  });
  const verifier = { providerId: provider.id, accountId: new ObjectId().toHexString() };
  const employers = new Map<string, { verified: string; unverified: string }>();
  for (const { town } of set.people) {
    const employer = (name: string) =>
      services.employersRepository.insert(
        {
          name,
          sector: 'facilities',
          address: { line1: '1 Market Place', town: town.name, postcode: town.postcode },
          coordinates: town.at,
          disabilityConfident: 'committed',
          contacts: [],
        },
        now,
      );
    const verified = await employer(`${town.name} Employers Ltd`);
    await services.employersRepository.setVerification(verified.id, true, verifier, now);
    const unverified = await employer(`${town.name} Newcomers Ltd`);
    employers.set(town.name, { verified: verified.id, unverified: unverified.id });
  }
  const personIds: string[] = [];
  for (const person of set.people)
    personIds.push(
      (await services.youngPeopleRepository.insert({ ...person.profile, providerId: provider.id }, now)).id,
    );
  const placementIds: string[] = [];
  for (const item of set.placements) {
    const { placesFilled, ...placement } = item.placement;
    const townEmployers = employers.get(set.people[item.person]!.town.name)!;
    const employerId = item.verifiedEmployer ? townEmployers.verified : townEmployers.unverified;
    const stored = await services.placementsRepository.insert({ ...placement, employerId }, now);
    if (placesFilled > 0)
      await services.placementsRepository.collection.updateOne(
        { _id: new ObjectId(stored.id) },
        { $set: { placesFilled } },
      );
    placementIds.push(stored.id);
  }
  await services.outbox.enqueue('placement', placementIds);
  await services.outbox.enqueue('young_person', personIds);
  await services.searchSync.drain();
  return { providerId: provider.id, personIds, placementIds };
}

/** Removes a loaded set from MongoDB and the indexes, so another set can be loaded into the same stores. */
export async function unloadEvalSet(services: System, loaded: LoadedEvalSet): Promise<void> {
  const placements = await services.placementsRepository.byIds(loaded.placementIds);
  const employerIds = [...new Set(placements.map((placement) => placement.employerId))];
  const objectIds = (ids: string[]) => ids.map((id) => new ObjectId(id));
  await services.placementsRepository.collection.deleteMany({ _id: { $in: objectIds(loaded.placementIds) } });
  await services.youngPeopleRepository.collection.deleteMany({ _id: { $in: objectIds(loaded.personIds) } });
  await services.employersRepository.collection.deleteMany({ _id: { $in: objectIds(employerIds) } });
  await services.outbox.enqueue('placement', loaded.placementIds);
  await services.outbox.enqueue('young_person', loaded.personIds);
  await services.searchSync.drain();
}

/**
 * The hard limits each placement breaks for this person, read fresh from MongoDB: the same
 * check the service makes, applied here to the raw search pool too.
 */
async function violationsAmong(services: System, personId: string, placementIds: string[]) {
  const facts = personFacts((await services.youngPeopleRepository.byId(personId))!);
  const placements = await services.placementsRepository.byIds(placementIds);
  const employers = new Map(
    (await services.employersRepository.byIds([...new Set(placements.map((p) => p.employerId))])).map((e) => [e.id, e]),
  );
  return placements.map((placement) => ({
    placementId: placement.id,
    limits: hardLimitViolations(facts, placementSearchDoc(placement, employers.get(placement.employerId)!)),
  }));
}

/**
 * Asks the matching service for each person's top 10, as their job coach would, and scores the
 * rankings. First it runs the very searches the service sends for that person (its pool, before
 * any re-check), so a Meilisearch filter that lets a placement through is caught even when the
 * service's own re-check of each hit would hide it.
 */
export async function evaluate(
  services: System,
  set: EvalSet,
  loaded: LoadedEvalSet,
  options: { poolSearches?: typeof placementPoolSearches } = {},
): Promise<EvalReport> {
  const poolSearches = options.poolSearches ?? placementPoolSearches;
  const coach: Actor = {
    accountId: new ObjectId().toHexString(),
    role: 'job_coach',
    providerId: loaded.providerId,
    actsFor: [],
  };
  const evalPlacementById = new Map(loaded.placementIds.map((id, index) => [id, set.placements[index]!]));
  const report: EvalReport = {
    people: set.people.length,
    placements: set.placements.length,
    precisionAt5: 0,
    ndcgAt10: 0,
    mrr: 0,
    pairsHeld: 0,
    violations: [],
    perPerson: [],
  };
  const indexUid = services.search.indexUid('placements');
  for (const [index, person] of set.people.entries()) {
    const personId = loaded.personIds[index]!;
    const facts = personFacts((await services.youngPeopleRepository.byId(personId))!);
    const pool = (await searchPlacementPool(services.search.client, poolSearches(indexUid, facts, {}))).map(
      (hit) => hit.id,
    );
    const page = await services.matching.matchesFor(coach, personId, { limit: 10, offset: 0 });
    const ranked = page.items.map((item) => item.placement.id);
    for (const [where, ids] of [
      ['search_pool', pool],
      ['results', ranked],
    ] as const) {
      for (const { placementId, limits } of await violationsAmong(services, personId, ids)) {
        const decoy = evalPlacementById.get(placementId)?.decoy;
        if (limits.length > 0 || decoy)
          report.violations.push({ where, town: person.town.name, placementId, limits, ...(decoy ? { decoy } : {}) });
      }
    }
    const own = loaded.placementIds.filter((id) => evalPlacementById.get(id)!.person === index);
    const gains = new Map(own.map((id) => [id, evalPlacementById.get(id)!.gain]));
    const topGain = Math.max(...gains.values());
    const firstPicks = new Set(own.filter((id) => gains.get(id) === topGain));
    report.perPerson.push({
      town: person.town.name,
      ...(person.cause ? { cause: person.cause } : {}),
      precisionAt5: precisionAt(5, ranked, firstPicks),
      ndcgAt10: ndcgAt(10, ranked, gains),
      reciprocalRank: reciprocalRank(ranked, firstPicks),
      pairsHeld: pairsHeld(ranked, gains),
      results: ranked.length,
    });
  }
  Object.assign(report, summarise(report.perPerson));
  return report;
}

export function summarise(people: PersonReport[]): Pick<EvalReport, 'precisionAt5' | 'ndcgAt10' | 'mrr' | 'pairsHeld'> {
  return {
    precisionAt5: mean(people.map((p) => p.precisionAt5)),
    ndcgAt10: mean(people.map((p) => p.ndcgAt10)),
    mrr: mean(people.map((p) => p.reciprocalRank)),
    pairsHeld: mean(people.map((p) => p.pairsHeld)),
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
