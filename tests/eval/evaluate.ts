import { ObjectId } from 'mongodb';
import type { Actor } from '../../src/auth/policy.js';
import { personFacts } from '../../src/matching/facts.js';
import { hardLimitViolations, type HardLimit } from '../../src/matching/hard-limits.js';
import { placementSearchDoc } from '../../src/search-sync/documents.js';
import type { System } from '../../src/services.js';
import type { DecoyKind, EvalSet } from './eval-set.js';
import { ndcgAt, precisionAt } from './metrics.js';

export interface LoadedEvalSet {
  providerId: string;
  personIds: string[];
  /** In the order of `EvalSet.placements`. */
  placementIds: string[];
}

export interface EvalReport {
  people: number;
  placements: number;
  precisionAt5: number;
  ndcgAt10: number;
  /** Every result that breaks a hard limit: a decoy by construction, or by the checker on the stored records. */
  violations: { town: string; placementId: string; decoy?: DecoyKind; limits: HardLimit[] }[];
  perPerson: { town: string; precisionAt5: number; ndcgAt10: number; results: number }[];
}

/** Stores the set as the service would hold it, and brings the search indexes up to date. */
export async function loadEvalSet(services: System, set: EvalSet): Promise<LoadedEvalSet> {
  const now = services.clock.now();
  const provider = await services.providers.create({ name: 'Evaluation College', kind: 'college', localAuthority: 'Leeds' });
  const verifier = { providerId: provider.id, accountId: new ObjectId().toHexString() };
  const employers = new Map<string, { verified: string; unverified: string }>();
  for (const { town } of set.people) {
    const employer = (name: string) =>
      services.employersRepository.insert(
        { name, sector: 'facilities', address: { line1: '1 Market Place', town: town.name, postcode: town.postcode }, coordinates: town.at, disabilityConfident: 'committed', contacts: [] },
        now,
      );
    const verified = await employer(`${town.name} Employers Ltd`);
    await services.employersRepository.setVerification(verified.id, true, verifier, now);
    const unverified = await employer(`${town.name} Newcomers Ltd`);
    employers.set(town.name, { verified: verified.id, unverified: unverified.id });
  }
  const personIds: string[] = [];
  for (const person of set.people) personIds.push((await services.youngPeopleRepository.insert({ ...person.profile, providerId: provider.id }, now)).id);
  const placementIds: string[] = [];
  for (const item of set.placements) {
    const { placesFilled, ...placement } = item.placement;
    const townEmployers = employers.get(set.people[item.person]!.town.name)!;
    const employerId = item.verifiedEmployer ? townEmployers.verified : townEmployers.unverified;
    const stored = await services.placementsRepository.insert({ ...placement, employerId }, now);
    if (placesFilled > 0) await services.placementsRepository.collection.updateOne({ _id: new ObjectId(stored.id) }, { $set: { placesFilled } });
    placementIds.push(stored.id);
  }
  await services.outbox.enqueue('placement', placementIds);
  await services.outbox.enqueue('young_person', personIds);
  await services.searchSync.drain();
  return { providerId: provider.id, personIds, placementIds };
}

/** Asks the matching service for each person's top 10, as their job coach would, and scores the rankings. */
export async function evaluate(services: System, set: EvalSet, loaded: LoadedEvalSet): Promise<EvalReport> {
  const coach: Actor = { accountId: new ObjectId().toHexString(), role: 'job_coach', providerId: loaded.providerId, actsFor: [] };
  const evalPlacementById = new Map(loaded.placementIds.map((id, index) => [id, set.placements[index]!]));
  const report: EvalReport = { people: set.people.length, placements: set.placements.length, precisionAt5: 0, ndcgAt10: 0, violations: [], perPerson: [] };
  for (const [index, person] of set.people.entries()) {
    const personId = loaded.personIds[index]!;
    const page = await services.matching.matchesFor(coach, personId, { limit: 10, offset: 0 });
    const ranked = page.items.map((item) => item.placement.id);
    const shortlist = new Set(loaded.placementIds.filter((id) => evalPlacementById.get(id)!.person === index && evalPlacementById.get(id)!.role === 'shortlist'));
    const facts = personFacts((await services.youngPeopleRepository.byId(personId))!);
    for (const placement of await services.placementsRepository.byIds(ranked)) {
      const employer = (await services.employersRepository.byId(placement.employerId))!;
      const limits = hardLimitViolations(facts, placementSearchDoc(placement, employer));
      const decoy = evalPlacementById.get(placement.id)?.decoy;
      if (limits.length > 0 || decoy) report.violations.push({ town: person.town.name, placementId: placement.id, limits, ...(decoy ? { decoy } : {}) });
    }
    report.perPerson.push({ town: person.town.name, precisionAt5: precisionAt(5, ranked, shortlist), ndcgAt10: ndcgAt(10, ranked, shortlist), results: ranked.length });
  }
  report.precisionAt5 = mean(report.perPerson.map((p) => p.precisionAt5));
  report.ndcgAt10 = mean(report.perPerson.map((p) => p.ndcgAt10));
  return report;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
