import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../seed/generate.js';
import { loadDataset } from '../seed/load.js';
import { benchEnvironment } from './support.js';

/**
 * Meilisearch's memory, split the way Linux counts it: RssAnon (its heap: indexing buffers,
 * caches) and RssFile (pages of its memory-mapped LMDB store, which the kernel can drop and read
 * again). Measured while the demo data is loaded and indexed, and under a mixed load of searches,
 * matches and writes (each write re-indexes a placement), once with Meilisearch's defaults
 * (baseline) and once with the small-deployment limits, in the same run.
 *
 *   npm run bench:meili-memory -- --placements 20000 --young-people 4000 --seconds 20
 */
const { values: options } = parseArgs({
  options: {
    placements: { type: 'string' },
    'young-people': { type: 'string' },
    seconds: { type: 'string' },
    'max-indexing-memory': { type: 'string' },
    'max-indexing-threads': { type: 'string' },
  },
});
const placements = Number(options.placements ?? 360);
const youngPeople = Number(options['young-people'] ?? 240);
const seconds = Number(options.seconds ?? 20);
const concurrency = 16;
const password = 'kettle-orchard-lantern';

interface Memory {
  rssMiB: number;
  anonMiB: number;
  fileMiB: number;
}

const zero: Memory = { rssMiB: 0, anonMiB: 0, fileMiB: 0 };

function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, anonMiB: kib('RssAnon') / 1024, fileMiB: kib('RssFile') / 1024 };
}

/** Samples every 100 ms and keeps each field's peak. */
function sampler(pid: number) {
  let peak = { ...zero };
  const take = () => {
    const now = memoryOf(pid);
    peak = {
      rssMiB: Math.max(peak.rssMiB, now.rssMiB),
      anonMiB: Math.max(peak.anonMiB, now.anonMiB),
      fileMiB: Math.max(peak.fileMiB, now.fileMiB),
    };
  };
  const timer = setInterval(take, 100);
  return {
    /** Peaks since the last call, then starts over. */
    phase(): Memory {
      take();
      const result = peak;
      peak = memoryOf(pid);
      return result;
    },
    stop: () => clearInterval(timer),
  };
}

async function measure(label: string, overrides: Record<string, string>) {
  const env = await benchEnvironment({ SEED_DEMO_DATA: 'never', NODE_ENV: 'development', ...overrides });
  const pid = Number(readFileSync(path.join(env.config.DATA_DIR, 'meili', 'meilisearch.pid'), 'utf8').trim());
  const samples = sampler(pid);
  try {
    const idle = samples.phase();
    process.stderr.write(`${label}: loading ${placements} placements and ${youngPeople} young people...\n`);
    const loadStarted = performance.now();
    await loadDataset(env.services, generate({ placements, youngPeople }));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const loading = samples.phase();

    const token = async (email: string) =>
      (
        (await (
          await fetch(`${env.baseUrl}/v1/auth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const coach = { authorization: `Bearer ${await token('coach@demo.example')}` };
    const employer = {
      authorization: `Bearer ${await token('employer@demo.example')}`,
      'content-type': 'application/json',
    };
    const me = (await (await fetch(`${env.baseUrl}/v1/me`, { headers: employer })).json()) as {
      account: { employerId: string };
    };
    const own = (await (
      await fetch(`${env.baseUrl}/v1/employers/${me.account.employerId}/placements?limit=20`, { headers: employer })
    ).json()) as { items: { id: string }[] };
    const people = (await (await fetch(`${env.baseUrl}/v1/young-people?limit=50`, { headers: coach })).json()) as {
      items: { id: string }[];
    };
    const words = ['kitchen', 'retail', 'warehouse', 'care', 'office', 'garden', 'hotel', 'library', 'animals', 'cafe'];
    process.stderr.write(`${label}: ${seconds}s of searches, matches and writes at concurrency ${concurrency}...\n`);
    env.services.searchSync.start();
    const until = performance.now() + seconds * 1000;
    let requests = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, lane) => {
        for (let i = 0; performance.now() < until; i++) {
          const kind = (lane + i) % 4;
          if (kind === 0)
            await fetch(`${env.baseUrl}/v1/placements?q=${words[i % words.length]}&limit=20`, { headers: coach });
          else if (kind === 1)
            await fetch(`${env.baseUrl}/v1/young-people/${people.items[i % people.items.length]!.id}/matches`, {
              headers: coach,
            });
          else if (kind === 2)
            await fetch(`${env.baseUrl}/v1/placements?sector=retail,hospitality_catering&limit=20`, { headers: coach });
          else
            await fetch(`${env.baseUrl}/v1/placements/${own.items[i % own.items.length]!.id}`, {
              method: 'PATCH',
              headers: employer,
              body: JSON.stringify({ description: `Updated ${lane}-${i}` }),
            });
          requests++;
        }
      }),
    );
    await env.services.searchSync.drain();
    const load = samples.phase();
    return { label, idle, loading, load, loadSeconds, requests };
  } finally {
    samples.stop();
    await env.services.searchSync.stop();
    await env.close();
  }
}

const round = (memory: Memory) =>
  Object.fromEntries(Object.entries(memory).map(([key, value]) => [key, Math.round(value)]));
const limits = {
  MEILI_MAX_INDEXING_MEMORY: options['max-indexing-memory'] ?? '256MiB',
  MEILI_MAX_INDEXING_THREADS: options['max-indexing-threads'] ?? '1',
};
const baseline = await measure('Meilisearch defaults', {
  MEILI_MAX_INDEXING_MEMORY: '',
  MEILI_MAX_INDEXING_THREADS: '',
});
const limited = await measure(
  `limits ${limits.MEILI_MAX_INDEXING_MEMORY}, ${limits.MEILI_MAX_INDEXING_THREADS} thread(s)`,
  limits,
);

for (const run of [baseline, limited]) {
  process.stdout.write(
    `${run.label.padEnd(36)} peak RSS while loading ${Math.round(run.loading.rssMiB)} MiB (anon ${Math.round(run.loading.anonMiB)}, file ${Math.round(run.loading.fileMiB)}), ` +
      `under load ${Math.round(run.load.rssMiB)} MiB (anon ${Math.round(run.load.anonMiB)}, file ${Math.round(run.load.fileMiB)}); load took ${run.loadSeconds.toFixed(1)} s, ${run.requests} requests\n`,
  );
}
const ratio =
  Math.max(limited.loading.rssMiB, limited.load.rssMiB) / Math.max(baseline.loading.rssMiB, baseline.load.rssMiB);
process.stdout.write(`peak RSS with the limits / with the defaults: ${ratio.toFixed(2)}\n`);
process.stdout.write(
  `${JSON.stringify({
    bench: 'meili-memory',
    placements,
    youngPeople,
    seconds,
    limits,
    baseline: {
      idle: round(baseline.idle),
      loading: round(baseline.loading),
      load: round(baseline.load),
      loadSeconds: baseline.loadSeconds,
      requests: baseline.requests,
    },
    limited: {
      idle: round(limited.idle),
      loading: round(limited.loading),
      load: round(limited.load),
      loadSeconds: limited.loadSeconds,
      requests: limited.requests,
    },
    ratio,
  })}\n`,
);
