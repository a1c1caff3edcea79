/**
 * The match endpoint's speed, against baselines measured in the same run:
 *   GET /v1/young-people/{id}/matches over HTTP  vs  the same Meilisearch searches it sends (searchPlacementPool)
 *                                                vs  the naive way: MongoDB $geoNear + filters + scoring in the app
 * each at concurrency 1 and 32; at concurrency 1 also the floor of any match over HTTP that checks its caller
 * (the same searches + one HTTP round trip + the token's check), with the API timed beside it, sample for sample, for
 * "API - floor"; then the peak RSS of this process (the service and the load generator),
 * and ends with one JSON line of the figures.
 *
 * It measures whatever data is loaded and generates none: load it first, for example
 *   npm run seed -- --placements 100000 --young-people 20000
 * then run against the same stores (MONGODB_URI / MEILI_URL, or the embedded ones on DATA_DIR, with the service stopped):
 *   npm run bench:match [-- --sample 200 --requests 1000]
 * On a shared machine, modest counts (--sample 100 --requests 400) give steady figures.
 */

import { parseArgs } from 'node:util';
import { ObjectId } from 'mongodb';
import { personFacts } from '../src/matching/facts.js';
import { CrowdedPools, placementPoolSearches, searchPlacementPool } from '../src/matching/placement-pool.js';
import { toYoungPerson, type YoungPerson } from '../src/young-people/young-people.repository.js';
import { naiveMatches } from './naive-match.js';
import { benchEnvironment, ms, percentile } from './support.js';

const { values: args } = parseArgs({ options: { sample: { type: 'string' }, requests: { type: 'string' } } });
const sampleSize = Number(args.sample ?? 200);
const requests = Number(args.requests ?? 1000);
const pageSize = 20;

interface Measured {
  samples: number[];
  seconds: number;
}

/** Runs `total` calls of `work` with `concurrency` in flight and times each one. */
async function measure(concurrency: number, total: number, work: (i: number) => Promise<unknown>): Promise<Measured> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const begun = performance.now();
        await work(i);
        samples.push(performance.now() - begun);
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const env = await benchEnvironment({ DATA_DIR: process.env.DATA_DIR ?? '.data', SEED_DEMO_DATA: 'never' });
try {
  const { services, baseUrl } = env;
  const [placementCount, youngPeopleCount] = await Promise.all([
    services.placementsRepository.collection.estimatedDocumentCount(),
    services.youngPeopleRepository.collection.estimatedDocumentCount(),
  ]);
  const indexed = (await services.search.client.index(services.search.indexUid('placements')).getStats())
    .numberOfDocuments;

  // An even spread of active young people (by id, so runs on the same data pick the same ones) who have a job coach account to ask for them.
  const ids = await services.youngPeopleRepository.collection
    .find({ status: 'active' }, { projection: { _id: 1 }, sort: { _id: 1 } })
    .toArray();
  const stride = Math.max(1, Math.floor(ids.length / sampleSize));
  const picked = ids
    .filter((_, i) => i % stride === 0)
    .slice(0, sampleSize)
    .map((doc) => doc._id);
  const people: YoungPerson[] = (
    await services.youngPeopleRepository.collection.find({ _id: { $in: picked } }).toArray()
  ).map(toYoungPerson);
  const tokens = new Map<string, string>();
  for (const providerId of new Set(people.map((person) => person.providerId))) {
    const coach = await services.accounts.collection.findOne(
      { role: 'job_coach', status: 'active', providerId: new ObjectId(providerId) },
      { projection: { _id: 1 } },
    );
    const account = coach && (await services.accounts.byId(coach._id.toHexString()));
    if (account) tokens.set(providerId, (await services.auth.issueFor(account)).accessToken);
  }
  const subjects = people.filter((person) => tokens.has(person.providerId));
  if (subjects.length === 0 || indexed === 0) {
    process.stderr.write(
      'No young people with a job coach, or an empty placements index: load data first (npm run seed -- --placements 100000 --young-people 20000).\n',
    );
    process.exit(1);
  }

  const indexUid = services.search.indexUid('placements');
  const subject = (i: number) => subjects[i % subjects.length]!;
  let failures = 0;
  const viaApi = async (i: number) => {
    const person = subject(i);
    try {
      const response = await fetch(`${baseUrl}/v1/young-people/${person.id}/matches?limit=${pageSize}`, {
        headers: { authorization: `Bearer ${tokens.get(person.providerId)}` },
      });
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
    } catch {
      // A connection the overloaded server dropped counts as a failure, timed like the rest.
      failures += 1;
    }
  };
  // The floor sends what a match sends, crowded areas' two searches together as the service does.
  const crowded = new CrowdedPools();
  const rawSearch = (i: number) =>
    searchPlacementPool(services.search.client, placementPoolSearches(indexUid, personFacts(subject(i)), {}), crowded);
  const naive = (i: number) => naiveMatches(services.db, personFacts(subject(i)), pageSize);

  const paths = [
    { name: 'API GET .../matches (HTTP)', work: viaApi },
    { name: 'Meilisearch searches alone', work: rawSearch },
    { name: 'naive: $geoNear + app scoring', work: naive },
  ];
  for (const path of paths) await measure(4, Math.min(100, subjects.length * 2), path.work);

  process.stdout.write(
    `${placementCount.toLocaleString('en-GB')} placements (${indexed.toLocaleString('en-GB')} indexed), ${youngPeopleCount.toLocaleString('en-GB')} young people; ` +
      `${subjects.length} sampled; page size ${pageSize}; ${new Date().toISOString()}\n`,
  );
  const runs: Record<string, number>[] = [];
  for (const concurrency of [1, 32]) {
    const total = concurrency === 1 ? Math.max(50, Math.floor(requests / 5)) : requests;
    const results = [];
    for (const path of paths) results.push({ ...path, ...(await measure(concurrency, total, path.work)) });
    const [api, raw, slow] = results.map((result) => ({
      p50: percentile(result.samples, 50),
      p99: percentile(result.samples, 99),
      ...result,
    }));
    const ratio = (a: { p50: number; p99: number }, b: { p50: number; p99: number }) =>
      `p50 ${(a.p50 / b.p50).toFixed(2)}, p99 ${(a.p99 / b.p99).toFixed(2)}`;
    const notes = [`API / Meilisearch: ${ratio(api!, raw!)}`, 'baseline', `naive / API: ${ratio(slow!, api!)}`];
    runs.push({
      concurrency,
      apiP50Ms: round2(api!.p50),
      apiP99Ms: round2(api!.p99),
      rawP50Ms: round2(raw!.p50),
      rawP99Ms: round2(raw!.p99),
      naiveP50Ms: round2(slow!.p50),
      naiveP99Ms: round2(slow!.p99),
      apiRps: round2(api!.samples.length / api!.seconds),
    });
    [api!, raw!, slow!].forEach((result, i) => {
      process.stdout.write(
        `c=${String(concurrency).padEnd(3)} ${result.name.padEnd(34)} p50 ${ms(result.p50).padStart(10)}  p99 ${ms(result.p99).padStart(10)}  ` +
          `${Math.round(result.samples.length / result.seconds)
            .toString()
            .padStart(5)} req/s   ${notes[i]}\n`,
      );
    });
  }
  // The floor of any match over HTTP that checks its caller: the same searches, one HTTP round trip
  // (GET /health/live) and the token's check (signature, account, sign-in), each sample of the
  // three measured one after another for the same young person, at concurrency 1. Reading the
  // young person is left out (an ideal service would read it beside the token's check).
  const live = () => fetch(`${baseUrl}/health/live`).then((response) => response.arrayBuffer());
  // A match is timed beside each floor sample, so that both are measured over the same minutes (on a
  // shared machine, the API's run above and this one can differ by a millisecond at p50 just for
  // being minutes apart). It is another young person's (the same searches run twice find
  // Meilisearch warm the second time), and which goes first alternates.
  const floorSamples: number[] = [];
  const besideFloor: number[] = [];
  const floorSample = async (i: number) => {
    const started = performance.now();
    await rawSearch(i);
    await live();
    await services.auth.authenticate(tokens.get(subject(i).providerId)!);
    floorSamples.push(performance.now() - started);
  };
  const matchSample = async (i: number) => {
    const started = performance.now();
    await viaApi(i + Math.floor(subjects.length / 2));
    besideFloor.push(performance.now() - started);
  };
  for (let i = 0; i < Math.max(100, Math.floor(requests / 4)); i++) {
    if (i % 2 === 0) {
      await floorSample(i);
      await matchSample(i);
    } else {
      await matchSample(i);
      await floorSample(i);
    }
  }
  const [atOne] = runs;
  const floor = { p50: percentile(floorSamples, 50), p99: percentile(floorSamples, 99) };
  const apiBesideFloorP50 = percentile(besideFloor, 50);
  process.stdout.write(
    `c=1   ${'floor: searches + HTTP + token check'.padEnd(34)} p50 ${ms(floor.p50).padStart(10)}  p99 ${ms(floor.p99).padStart(10)}` +
      `          floor / Meilisearch: p50 ${(floor.p50 / atOne!.rawP50Ms!).toFixed(2)}, p99 ${(floor.p99 / atOne!.rawP99Ms!).toFixed(2)}\n` +
      `c=1   ${'API, beside the floor samples'.padEnd(34)} p50 ${ms(apiBesideFloorP50).padStart(10)}` +
      `                       API - floor: p50 ${ms(apiBesideFloorP50 - floor.p50)}\n`,
  );
  const floorFigures = {
    floorP50Ms: round2(floor.p50),
    floorP99Ms: round2(floor.p99),
    floorRatioP50: round2(floor.p50 / atOne!.rawP50Ms!),
    floorRatioP99: round2(floor.p99 / atOne!.rawP99Ms!),
    apiBesideFloorP50Ms: round2(apiBesideFloorP50),
    apiMinusFloorP50Ms: round2(apiBesideFloorP50 - floor.p50),
  };
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `API errors: ${failures}. Peak RSS of this process (service + load generator): ${peakRssMb} MB.\n`,
  );
  process.stdout.write(
    `${JSON.stringify({ bench: 'match', placements: placementCount, runs, ...floorFigures, peakRssMb })}\n`,
  );
} finally {
  await env.close();
}
