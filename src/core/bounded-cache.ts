/**
 * A map that keeps at most `limit` entries, dropping the one least recently used (to within half
 * the limit: an entry is moved to the back only when at least half the limit of other entries
 * has been used since, so a hit on a warm entry costs one lookup, not a delete and an insert), and, given a
 * `maxAgeMs`, treats an entry older than that as absent. For work that is pure in its key (the
 * reading of a young person's words, a placement's stems) any age is right; for a figure read from
 * the stores, the age is how stale a reader may see it.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, { value: V; at: number; used: number }>();
  /** Counts sets and moves; an entry's `used` is this count when it was last put at the back. */
  #uses = 0;
  readonly #limit: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(options: { limit: number; maxAgeMs?: number; now?: () => number }) {
    this.#limit = options.limit;
    this.#maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.at > this.#maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    if (entry.used <= this.#uses - this.#limit / 2) {
      this.#entries.delete(key);
      entry.used = ++this.#uses;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: this.#now(), used: ++this.#uses });
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** The value for `key`, made by `make` (and kept) when there is none. */
  getOrMake(key: K, make: () => V): V {
    const found = this.get(key);
    if (found !== undefined) return found;
    const made = make();
    this.set(key, made);
    return made;
  }

  get size(): number {
    return this.#entries.size;
  }
}
