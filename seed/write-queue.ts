/**
 * Bulk writes with a few in flight at once, so that making the next batch of documents (on
 * Node.js's one thread) overlaps with MongoDB writing the previous ones (on its own threads).
 * A failed write is thrown by a later `run` or by `drain`, so a load stops at the first failure.
 */
export class WriteQueue {
  readonly #inFlight = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(private readonly limit = 2) {}

  /** Starts `write`, first waiting while `limit` writes are in flight. */
  async run(write: () => Promise<unknown>): Promise<void> {
    while (this.#inFlight.size >= this.limit) await Promise.race(this.#inFlight);
    this.#throwIfFailed();
    const running: Promise<void> = write().then(
      () => undefined,
      (error: unknown) => {
        this.#failure ??= { error };
      },
    );
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
  }

  /** Waits for every write started; throws the first failure. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }
}

/** Documents for one collection, written a batch at a time through a shared queue. */
export class Batch<T> {
  #pending: T[] = [];
  constructor(
    private readonly size: number,
    private readonly queue: WriteQueue,
    private readonly write: (docs: T[]) => Promise<unknown>,
  ) {}

  async add(docs: T[]): Promise<void> {
    this.#pending.push(...docs);
    if (this.#pending.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const docs = this.#pending;
    this.#pending = [];
    await this.queue.run(() => this.write(docs));
  }
}
