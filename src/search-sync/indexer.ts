import { ObjectId } from 'mongodb';
import { type Search, waitForSuccess } from '../core/search/meili.js';
import type { EmployersRepository } from '../employers/employers.repository.js';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import {
  candidateSearchDoc,
  isCandidate,
  isSearchablePlacement,
  type PlacementSearchDoc,
  placementSearchDoc,
} from './documents.js';

/**
 * Which version of its records a search document was built from: the records' `updatedAt`s,
 * or absent when the record is gone. Comparing it after a write tells whether a record changed
 * while its document was on the way, so the change can be synced again.
 */
export type Versions = Map<string, string>;

/**
 * Brings search documents in line with MongoDB for given record ids: re-reads each record, then
 * upserts its document or deletes it when the record is gone, and waits until Meilisearch has
 * applied both. Safe to repeat: the outcome depends only on what MongoDB holds.
 */
export class SearchIndexer {
  constructor(
    private readonly search: Search,
    private readonly placements: PlacementsRepository,
    private readonly employers: EmployersRepository,
    private readonly youngPeople: YoungPeopleRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async placementIdsOfEmployers(employerIds: string[]): Promise<string[]> {
    const ids = await Promise.all(employerIds.map((employerId) => this.placements.idsOfEmployer(employerId)));
    return ids.flat();
  }

  async syncPlacements(ids: string[], indexUid = this.search.indexUid('placements')): Promise<Versions> {
    const placements = await this.placements.byIds(ids);
    const employers = new Map(
      (await this.employers.byIds([...new Set(placements.map((p) => p.employerId))])).map((e) => [e.id, e]),
    );
    const versions: Versions = new Map();
    const today = this.now();
    const docs: PlacementSearchDoc[] = [];
    for (const placement of placements) {
      const employer = employers.get(placement.employerId);
      if (!employer) continue;
      versions.set(placement.id, `${placement.updatedAt.getTime()}/${employer.updatedAt.getTime()}`);
      if (isSearchablePlacement(placement, employer, today)) docs.push(placementSearchDoc(placement, employer));
    }
    const indexed = new Set(docs.map((doc) => doc.id));
    // Gone from MongoDB, or no longer one that can be matched or browsed: out of the index.
    await this.#apply(
      indexUid,
      docs,
      ids.filter((id) => !indexed.has(id)),
    );
    return versions;
  }

  async syncCandidates(ids: string[], indexUid = this.search.indexUid('candidates')): Promise<Versions> {
    const people = await this.youngPeople.byIds(ids);
    const versions: Versions = new Map(people.map((person) => [person.id, String(person.updatedAt.getTime())]));
    const docs = people.filter(isCandidate).map(candidateSearchDoc);
    const indexed = new Set(docs.map((doc) => doc.id));
    // Gone from MongoDB, or no longer one who can be proposed: out of the index.
    await this.#apply(
      indexUid,
      docs,
      ids.filter((id) => !indexed.has(id)),
    );
    return versions;
  }

  async placementVersions(ids: string[]): Promise<Versions> {
    const placements = await this.placements.collection
      .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }, { projection: { updatedAt: 1, employerId: 1 } })
      .toArray();
    const employerIds = [...new Set(placements.map((p) => p.employerId.toHexString()))].map((id) => new ObjectId(id));
    const employers = await this.employers.collection
      .find({ _id: { $in: employerIds } }, { projection: { updatedAt: 1 } })
      .toArray();
    const employerVersion = new Map(employers.map((e) => [e._id.toHexString(), e.updatedAt.getTime()]));
    const versions: Versions = new Map();
    for (const placement of placements) {
      const employer = employerVersion.get(placement.employerId.toHexString());
      if (employer !== undefined)
        versions.set(placement._id.toHexString(), `${placement.updatedAt.getTime()}/${employer}`);
    }
    return versions;
  }

  async candidateVersions(ids: string[]): Promise<Versions> {
    const people = await this.youngPeople.collection
      .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }, { projection: { updatedAt: 1 } })
      .toArray();
    return new Map(people.map((person) => [person._id.toHexString(), String(person.updatedAt.getTime())]));
  }

  async #apply(indexUid: string, docs: object[], deletedIds: string[]): Promise<void> {
    const index = this.search.client.index(indexUid);
    // One after the other: a second request sent before the first failed would fail unobserved.
    if (docs.length > 0) await waitForSuccess(index.addDocuments(docs), `upsert ${docs.length} into ${indexUid}`);
    if (deletedIds.length > 0)
      await waitForSuccess(index.deleteDocuments(deletedIds), `delete ${deletedIds.length} from ${indexUid}`);
  }
}

/** Ids whose records changed (or went) between two readings. */
export function changedSince(before: Versions, after: Versions, ids: string[]): string[] {
  return ids.filter((id) => before.get(id) !== after.get(id));
}
