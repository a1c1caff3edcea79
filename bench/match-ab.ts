/**
 * The match endpoint of two checkouts, before and after a change, timed in one run with their
 * batches interleaved, so a shared machine's slow minutes fall on both alike (runs of `bench:match`
 * one after another differ by 20% or more on such a machine, for the same code). Each side is its
 * own service process on its own stores, loaded alike:
 *   DATA_DIR=.bench-before npm run seed -- --placements 100000 --young-people 20000   (in the before checkout)
 *   DATA_DIR=.bench-after  npm run seed -- --placements 100000 --young-people 20000   (in this one)
 *   npm run bench:match-ab -- --before ../before-checkout --before-data ../before-checkout/.bench-before --after-data .bench-after [--rounds 8]
 * Each round sends 100 requests one at a time, then 400 at 32 in flight, to each side, the side
 * that goes first alternating by round. Prints p50, p99 and requests per second for each side at
 * each concurrency and the ratio after/before, and ends with one JSON line of the figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { percentile } from './support.js';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    'before-data': { type: 'string' },
    'after-data': { type: 'string' },
    rounds: { type: 'string' },
  },
});
if (!args.before || !args['before-data'] || !args['after-data']) {
  process.stderr.write(
    'Give --before <checkout> --before-data <DATA_DIR> --after-data <DATA_DIR> (see the top of bench/match-ab.ts).\n',
  );
  process.exit(1);
}
const rounds = Number(args.rounds ?? 8);
const here = path.join(import.meta.dirname, '..');

interface Side {
  name: 'before' | 'after';
  child: ChildProcess;
  baseUrl: string;
  subjects: { id: string; token: string }[];
}

async function start(name: Side['name'], root: string, dataDir: string): Promise<Side> {
  const child = spawn('node', ['--import', 'tsx', path.join(here, 'bench/match-ab-serve.ts')], {
    cwd: root,
    env: { ...process.env, AB_ROOT: root, DATA_DIR: path.resolve(dataDir), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${name} service stopped (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { name, child, ...JSON.parse(line) };
}

interface Tally {
  samples: number[];
  seconds: number;
  errors: number;
}

async function batch(side: Side, concurrency: number, total: number, into: Tally) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const subject = side.subjects[i % side.subjects.length]!;
        const begun = performance.now();
        const response = await fetch(`${side.baseUrl}/v1/young-people/${subject.id}/matches?limit=20`, {
          headers: { authorization: `Bearer ${subject.token}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) into.errors += 1;
        into.samples.push(performance.now() - begun);
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

const sides = [
  await start('before', path.resolve(args.before), args['before-data']),
  await start('after', here, args['after-data']),
];
try {
  for (const side of sides) await batch(side, 4, 200, { samples: [], seconds: 0, errors: 0 });
  const tallies = new Map<string, Tally>();
  const tally = (side: Side, concurrency: number) => {
    const key = `${side.name}${concurrency}`;
    if (!tallies.has(key)) tallies.set(key, { samples: [], seconds: 0, errors: 0 });
    return tallies.get(key)!;
  };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) await batch(side, 1, 100, tally(side, 1));
    for (const side of order) await batch(side, 32, 400, tally(side, 32));
  }
  const figures = (side: Side, concurrency: number) => {
    const { samples, seconds, errors } = tally(side, concurrency);
    const round2 = (value: number) => Math.round(value * 100) / 100;
    return {
      p50Ms: round2(percentile(samples, 50)),
      p99Ms: round2(percentile(samples, 99)),
      rps: round2(samples.length / seconds),
      errors,
    };
  };
  const runs = [1, 32].map((concurrency) => {
    const [before, after] = sides.map((side) => figures(side, concurrency)) as [
      ReturnType<typeof figures>,
      ReturnType<typeof figures>,
    ];
    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    const ratios = {
      p50: ratio(after.p50Ms, before.p50Ms),
      p99: ratio(after.p99Ms, before.p99Ms),
      rps: ratio(after.rps, before.rps),
    };
    process.stdout.write(
      `c=${String(concurrency).padEnd(3)} before p50 ${before.p50Ms} ms  p99 ${before.p99Ms} ms  ${before.rps} req/s | ` +
        `after p50 ${after.p50Ms} ms  p99 ${after.p99Ms} ms  ${after.rps} req/s | after/before p50 ${ratios.p50}, p99 ${ratios.p99}, req/s ${ratios.rps}\n`,
    );
    return { concurrency, before, after, ratios };
  });
  process.stdout.write(`${JSON.stringify({ bench: 'match-ab', rounds, runs })}\n`);
} finally {
  for (const side of sides) side.child.kill('SIGTERM');
}
