/**
 * A small progress bar for scripts (seed, reindex): one line per task on stderr, so stdout
 * stays free for results and logs. On a terminal the line is redrawn in place at most ten
 * times a second; anywhere else (CI logs, a pipe) it prints a plain line at every tenth.
 */
export interface Progress {
  /** Records that `count` more items are done. */
  advance(count?: number): void;
  /** Ends the line with the final count and rate. */
  done(): void;
}

/** Progress that shows nothing: for work done inside the service, where logs speak instead. */
export const silentProgress: Progress = { advance: () => undefined, done: () => undefined };

export interface ProgressOptions {
  label: string;
  total: number;
  stream?: NodeJS.WriteStream;
  /** Milliseconds since some fixed point; injectable so rendering can be tested. */
  now?: () => number;
}

const barWidth = 24;
const redrawEveryMs = 100;

const grouped = (n: number) => Math.round(n).toLocaleString('en-GB');

/** The text of one progress line, e.g. `placements [#####-----] 50% 50,000/100,000 9,800/s`. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * barWidth);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return (
    `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ` +
    `${String(Math.floor(fraction * 100)).padStart(3)}% ${grouped(done)}/${grouped(total)} ${grouped(rate)}/s`
  );
}

export function progressBar(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const interactive = stream.isTTY === true;
  let done = 0;
  let lastDrawn = -Infinity;
  let lastTenth = -1;
  let finished = false;

  const draw = (final: boolean) => {
    const line = progressLine(options.label, done, options.total, now() - started);
    if (interactive) stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };

  return {
    advance(count = 1) {
      done += count;
      if (interactive) {
        if (now() - lastDrawn < redrawEveryMs) return;
        lastDrawn = now();
        draw(false);
        return;
      }
      const tenth = options.total > 0 ? Math.floor((done / options.total) * 10) : 10;
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        draw(false);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      draw(true);
    },
  };
}
