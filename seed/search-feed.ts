import type { EnqueuedTaskPromise } from 'meilisearch';
import { type Search, waitForSuccess } from '../src/core/search/meili.js';
import { type Employer, type EmployerDoc, toEmployer } from '../src/employers/employers.repository.js';
import { type PlacementDoc, toPlacement } from '../src/placements/placements.repository.js';
import {
  candidateSearchDoc,
  isCandidate,
  isSearchablePlacement,
  placementSearchDoc,
} from '../src/search-sync/documents.js';
import { toYoungPerson, type YoungPersonDoc } from '../src/young-people/young-people.repository.js';

/**
 * Makes a data set searchable while it is being written: each batch of records the loader
 * writes to MongoDB is mapped (from the very documents it inserted, so each is built once) to
 * search documents, which go to Meilisearch in large requests without waiting for indexing.
 * Meilisearch queues them and indexes consecutive ones together, in parallel with MongoDB's
 * writes; `finish` waits until everything is indexed. For loading into an empty database only:
 * the service's own writes go through the outbox.
 */
export class SearchFeed {
  readonly #employers = new Map<string, Employer>();
  readonly #pending: { placements: object[]; candidates: object[] } = { placements: [], candidates: [] };
  readonly #tasks: { task: EnqueuedTaskPromise; size: number; index: 'placements' | 'candidates' }[] = [];
  #sent: Promise<void> = Promise.resolve();
  readonly sent = { placements: 0, candidates: 0 };

  constructor(
    private readonly search: Search,
    private readonly today: Date,
    /** Documents per request: large requests index fastest, and 10,000 placements are about 7 MB of JSON. */
    private readonly requestSize = 10_000,
  ) {}

  employers(docs: EmployerDoc[]): void {
    for (const doc of docs) {
      const employer = toEmployer(doc);
      this.#employers.set(employer.id, employer);
    }
  }

  /** Placements whose employers were fed before; only those that can be matched or browsed are indexed. */
  placements(docs: PlacementDoc[]): void {
    for (const doc of docs) {
      const placement = toPlacement(doc);
      const employer = this.#employers.get(placement.employerId);
      if (employer && isSearchablePlacement(placement, employer, this.today))
        this.#add('placements', placementSearchDoc(placement, employer));
    }
  }

  /** Young people; only those who can be proposed (`isCandidate`) are indexed. */
  youngPeople(docs: YoungPersonDoc[]): void {
    for (const doc of docs) {
      const person = toYoungPerson(doc);
      if (isCandidate(person)) this.#add('candidates', candidateSearchDoc(person));
    }
  }

  #add(index: 'placements' | 'candidates', doc: object): void {
    const pending = this.#pending[index];
    pending.push(doc);
    if (pending.length >= this.requestSize) this.#send(index);
  }

  /** Requests go one after another, so that a failed one is seen before the next is sent. */
  #send(index: 'placements' | 'candidates'): void {
    const docs = this.#pending[index].splice(0);
    if (docs.length === 0) return;
    this.sent[index] += docs.length;
    this.#sent = this.#sent.then(async () => {
      const task = this.search.client.index(this.search.indexUid(index)).addDocuments(docs);
      await task;
      this.#tasks.push({ task, size: docs.length, index });
    });
    // Seen by `finish`; until then a failure must not count as unhandled.
    this.#sent.catch(() => undefined);
  }

  /** Sends what is left; `sent` then counts every document fed. */
  flush(): void {
    this.#send('placements');
    this.#send('candidates');
  }

  /** Sends what is left and waits until Meilisearch has indexed every document; `progress` hears of each request done. */
  async finish(progress: (index: 'placements' | 'candidates', documents: number) => void = () => {}): Promise<void> {
    this.flush();
    await this.#sent;
    for (const { task, size, index } of this.#tasks) {
      await waitForSuccess(task, `index ${size} ${index}`);
      progress(index, size);
    }
  }
}
