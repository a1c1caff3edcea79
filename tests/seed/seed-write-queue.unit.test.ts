import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../seed/write-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the seed write queue', () => {
  it('keeps at most its limit of writes in flight and waits for all of them', async () => {
    const queue = new WriteQueue(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    for (let n = 0; n < 6; n++) {
      await queue.run(async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        done.push(n);
      });
    }
    await queue.drain();
    expect(most).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('throws a failed write from the next run or from drain, so a load stops', async () => {
    const queue = new WriteQueue(2);
    await queue.run(async () => {
      await tick();
      throw new Error('duplicate key');
    });
    await expect(queue.drain()).rejects.toThrow('duplicate key');
    const next = new WriteQueue(1);
    await next.run(() => Promise.reject(new Error('refused')));
    await expect(next.run(async () => undefined)).rejects.toThrow('refused');
  });
});
