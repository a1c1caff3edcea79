import { errorSummary, type Logger } from './logger.js';

/** What one round of a polled worker did; `claimed` is how many items it took (0: nothing was due). */
export interface RoundOutcome {
  claimed: number;
}

export interface PolledWorkerOptions<Outcome extends RoundOutcome> {
  /** One round: claim what is due and carry it out. */
  round: () => Promise<Outcome>;
  /** Pause after a round that found nothing to do. */
  idleMs: number;
  /** Pause after the n-th round in a row that threw (MongoDB unreachable, say). */
  retryDelayMs: (failuresInARow: number) => number;
  /** Wait this long before the first round (default: start at once). */
  firstRoundAfterMs?: number;
  logger: Logger;
  /** The log line when a round throws, e.g. 'search sync could not run'. */
  failureMessage: string;
}

/**
 * The one loop behind every background worker (the search and notification outboxes, the daily run,
 * the search reconciliation): a round straight away again after work, after `idleMs` when idle, and
 * after a growing delay when a round fails; what a failed round held is held by a lease or a claim
 * that expires on its own, so the loop only waits and tries again. Its timers do not keep the process
 * alive; `stop()` waits for the round in hand.
 */
export class PolledWorker<Outcome extends RoundOutcome> {
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(private readonly options: PolledWorkerOptions<Outcome>) {}

  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    this.#loop = undefined;
  }

  async #run(): Promise<void> {
    let failuresInARow = 0;
    if (this.options.firstRoundAfterMs) await this.#sleep(this.options.firstRoundAfterMs);
    while (!this.#stopping) {
      let delay = this.options.idleMs;
      try {
        const outcome = await this.options.round();
        failuresInARow = 0;
        if (outcome.claimed > 0) continue;
      } catch (error) {
        failuresInARow += 1;
        delay = this.options.retryDelayMs(failuresInARow);
        this.options.logger.warn({ err: errorSummary(error), retryInMs: delay }, this.options.failureMessage);
      }
      await this.#sleep(delay);
    }
  }

  #sleep(ms: number): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}

/** Runs rounds until one finds nothing due, adding up what they did: a worker's `drain()`. */
export async function drainRounds<Outcome extends RoundOutcome & Record<keyof Outcome, number>>(
  round: () => Promise<Outcome>,
  empty: Outcome,
): Promise<Outcome> {
  const total = { ...empty };
  for (;;) {
    const outcome = await round();
    if (outcome.claimed === 0) return total;
    for (const key of Object.keys(total) as (keyof Outcome)[])
      total[key] = (total[key] + outcome[key]) as Outcome[keyof Outcome];
  }
}
