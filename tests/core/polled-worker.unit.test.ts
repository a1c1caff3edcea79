import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { drainRounds, PolledWorker } from '../../src/core/polled-worker.js';

const logger = createLogger('silent');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the polled worker loop', () => {
  it('goes straight on after a round that had work, and waits idleMs after one that had none', async () => {
    const rounds: number[] = [];
    let due = 3;
    const worker = new PolledWorker({
      round: async () => {
        rounds.push(Date.now());
        const claimed = due > 0 ? 1 : 0;
        due -= claimed;
        return { claimed };
      },
      idleMs: 10_000,
      retryDelayMs: () => 10_000,
      logger,
      failureMessage: 'test worker could not run',
    });
    worker.start();
    await pause(200);
    await worker.stop();
    // Three rounds with work and the idle one after them, then a long wait that stop() cut short.
    expect(rounds).toHaveLength(4);
  });

  it('waits longer after each failed round in a row, and starts again at once when one succeeds', async () => {
    const delaysAsked: number[] = [];
    let calls = 0;
    const worker = new PolledWorker({
      round: async () => {
        calls += 1;
        if (calls <= 3) throw new Error('MongoDB unreachable');
        return { claimed: 0 };
      },
      idleMs: 10_000,
      retryDelayMs: (failures) => {
        delaysAsked.push(failures);
        return 5;
      },
      logger,
      failureMessage: 'test worker could not run',
    });
    worker.start();
    await pause(200);
    await worker.stop();
    expect(delaysAsked).toEqual([1, 2, 3]);
    expect(calls).toBe(4);
  });

  it('waits for the round in hand when stopped, and waits firstRoundAfterMs before the first', async () => {
    let finished = false;
    const worker = new PolledWorker({
      round: async () => {
        await pause(100);
        finished = true;
        return { claimed: 0 };
      },
      idleMs: 10_000,
      retryDelayMs: () => 10_000,
      logger,
      failureMessage: 'test worker could not run',
    });
    worker.start();
    await pause(20);
    await worker.stop();
    expect(finished).toBe(true);

    let started = false;
    const later = new PolledWorker({
      round: async () => {
        started = true;
        return { claimed: 0 };
      },
      idleMs: 10_000,
      firstRoundAfterMs: 10_000,
      retryDelayMs: () => 10_000,
      logger,
      failureMessage: 'test worker could not run',
    });
    later.start();
    await pause(50);
    await later.stop();
    expect(started).toBe(false);
  });

  it('drains by adding up rounds until one finds nothing', async () => {
    const outcomes = [
      { claimed: 2, sent: 1, failed: 1 },
      { claimed: 1, sent: 1, failed: 0 },
      { claimed: 0, sent: 0, failed: 0 },
    ];
    expect(await drainRounds(async () => outcomes.shift()!, { claimed: 0, sent: 0, failed: 0 })).toEqual({
      claimed: 3,
      sent: 2,
      failed: 1,
    });
  });
});
