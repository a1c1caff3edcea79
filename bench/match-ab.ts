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
 * each concurrency and the ratio after/before, and the CPU time each match costs the service, its
 * Meilisearch and its MongoDB (read from /proc: the embedded stores under each DATA_DIR; stores
 * brought with MONGODB_URI / MEILI_URL are not counted). CPU time is the steadiest of these on a
 * shared machine: the p99 at concurrency 32 is the same few young people's matches (those whose
 * pool needs the second, worded search) and moves by 20% from run to run. Ends with one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
  dataDir: string;
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
  return { name, dataDir: path.resolve(dataDir), child, ...JSON.parse(line) };
}

interface Tally {
  samples: number[];
  seconds: number;
  errors: number;
  /** CPU milliseconds of the service, its Meilisearch and its MongoDB over the batches. */
  cpu: Cpu;
}

interface Cpu {
  service: number;
  meilisearch: number;
  mongodb: number;
}

/** CPU milliseconds so far of the side's service process and of the embedded stores under its data directory (Linux). */
function cpuOf(side: Side): Cpu {
  const cpu: Cpu = { service: 0, meilisearch: 0, mongodb: 0 };
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return cpu;
  }
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // utime and stime, in clock ticks of 10 ms.
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (pid === String(side.child.pid)) cpu.service += ms;
      else if (command.includes(side.dataDir) && command.includes('meilisearch')) cpu.meilisearch += ms;
      else if (command.includes(side.dataDir) && command.includes('mongod')) cpu.mongodb += ms;
    } catch {
      // A process that ended while being read.
    }
  }
  return cpu;
}

async function batch(side: Side, concurrency: number, total: number, into: Tally) {
  let next = 0;
  const started = performance.now();
  const cpuBefore = cpuOf(side);
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
  const cpuAfter = cpuOf(side);
  for (const part of ['service', 'meilisearch', 'mongodb'] as const) into.cpu[part] += cpuAfter[part] - cpuBefore[part];
}

const noCpu = (): Cpu => ({ service: 0, meilisearch: 0, mongodb: 0 });

const sides = [
  await start('before', path.resolve(args.before), args['before-data']),
  await start('after', here, args['after-data']),
];
try {
  for (const side of sides) await batch(side, 4, 200, { samples: [], seconds: 0, errors: 0, cpu: noCpu() });
  const tallies = new Map<string, Tally>();
  const tally = (side: Side, concurrency: number) => {
    const key = `${side.name}${concurrency}`;
    if (!tallies.has(key)) tallies.set(key, { samples: [], seconds: 0, errors: 0, cpu: noCpu() });
    return tallies.get(key)!;
  };
  // Each round's c=32 p99 after/before, and whether the after side's batch came first: a batch
  // that follows the other side's (the first has an idle pause of seconds before it) has a longer tail.
  const roundRatios: { afterFirst: boolean; p99: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) await batch(side, 1, 100, tally(side, 1));
    const p99s = new Map<string, number>();
    for (const side of order) {
      const from = tally(side, 32).samples.length;
      await batch(side, 32, 400, tally(side, 32));
      p99s.set(side.name, percentile(tally(side, 32).samples.slice(from), 99));
    }
    roundRatios.push({ afterFirst: order[0]!.name === 'after', p99: p99s.get('after')! / p99s.get('before')! });
  }
  const figures = (side: Side, concurrency: number) => {
    const { samples, seconds, errors, cpu } = tally(side, concurrency);
    const round2 = (value: number) => Math.round(value * 100) / 100;
    const perMatch = (ms: number) => round2(ms / samples.length);
    return {
      p50Ms: round2(percentile(samples, 50)),
      p99Ms: round2(percentile(samples, 99)),
      rps: round2(samples.length / seconds),
      errors,
      cpuMsPerMatch: {
        service: perMatch(cpu.service),
        meilisearch: perMatch(cpu.meilisearch),
        mongodb: perMatch(cpu.mongodb),
        total: perMatch(cpu.service + cpu.meilisearch + cpu.mongodb),
      },
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
      cpuPerMatch: ratio(after.cpuMsPerMatch.total, before.cpuMsPerMatch.total),
    };
    const cpuWords = ({ cpuMsPerMatch: cpu }: typeof before) =>
      `CPU/match ${cpu.total} ms (service ${cpu.service}, Meilisearch ${cpu.meilisearch}, MongoDB ${cpu.mongodb})`;
    process.stdout.write(
      `c=${String(concurrency).padEnd(3)} before p50 ${before.p50Ms} ms  p99 ${before.p99Ms} ms  ${before.rps} req/s | ` +
        `after p50 ${after.p50Ms} ms  p99 ${after.p99Ms} ms  ${after.rps} req/s | after/before p50 ${ratios.p50}, p99 ${ratios.p99}, req/s ${ratios.rps}, CPU/match ${ratios.cpuPerMatch}\n` +
        `      before ${cpuWords(before)}; after ${cpuWords(after)}\n`,
    );
    return { concurrency, before, after, ratios };
  });
  const median = (values: number[]) => Math.round(percentile(values, 50) * 1000) / 1000;
  const byRound = {
    medianP99Ratio: median(roundRatios.map((round) => round.p99)),
    afterFirst: median(roundRatios.filter((round) => round.afterFirst).map((round) => round.p99)),
    beforeFirst: median(roundRatios.filter((round) => !round.afterFirst).map((round) => round.p99)),
  };
  process.stdout.write(
    `c=32 p99 after/before, each round's batches: median ${byRound.medianP99Ratio}; ` +
      `rounds the after side went first ${byRound.afterFirst}, went second ${byRound.beforeFirst}\n`,
  );
  process.stdout.write(`${JSON.stringify({ bench: 'match-ab', rounds, runs, c32P99ByRound: byRound })}\n`);
} finally {
  for (const side of sides) side.child.kill('SIGTERM');
}
