import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../src/core/progress.js';

/** A stand-in for stderr that records what is written. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
}

describe('progress bars for scripts', () => {
  it('shows the bar, the percentage, the counts and the rate', () => {
    expect(progressLine('placements', 50_000, 100_000, 5_000)).toBe(
      'placements [############------------]  50% 50,000/100,000 10,000/s',
    );
    expect(progressLine('empty', 0, 0, 0)).toBe('empty [########################] 100% 0/0 0/s');
  });

  it('prints a plain line at each tenth when the output is not a terminal', () => {
    let now = 0;
    const { writes, stream } = fakeStream(false);
    const bar = progressBar({ label: 'load', total: 100, stream, now: () => now });
    for (let i = 0; i < 100; i++) {
      now += 10;
      bar.advance();
    }
    bar.done();
    expect(writes).toHaveLength(11);
    expect(writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(writes.at(-1)).toContain('100% 100/100 100/s');
  });

  it('redraws one line in place on a terminal, at most ten times a second', () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const bar = progressBar({ label: 'load', total: 1000, stream, now: () => now });
    for (let i = 0; i < 1000; i++) {
      now += 1;
      bar.advance();
    }
    bar.done();
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(writes.every((line) => line.startsWith('\r'))).toBe(true);
    expect(writes.at(-1)).toMatch(/100% 1,000\/1,000 .*\n$/);
  });
});
