/**
 * The service at the shape a national deployment runs: a three-member replica set, one Meilisearch and
 * N instances of the service (separate Node.js processes, as `npm start` runs them) behind a round-robin
 * proxy (tests/cluster/cluster.ts). Loads the demo data set at scale (by default 100,000 placements and
 * 20,000 young people) once, then times through the proxy at 1 and then 3 instances, at concurrency 32:
 *   the match API (GET /v1/young-people/{id}/matches) and the busiest pages: coach home, caseload,
 *   matches, journey, employer proposals, provider report
 * p50 / p99 and requests per second each, the ratio of 3 instances to 1, and every failure (any answer
 * but 200). On two cores three instances cannot be faster than one; the figure is that they are not much slower.
 * Run: npm run bench:instances [-- --placements 100000 --young-people 20000 --requests 640]
 * The last line is one JSON object of the figures.
 */

import { parseArgs } from 'node:util';
import { ObjectId } from 'mongodb';
import { demoAccounts, demoPassword } from '../seed/demo-accounts.js';
import { generate } from '../seed/generate.js';
import { loadDataset } from '../seed/load.js';
import { progressBar } from '../src/core/progress.js';
import { clusterHarness } from '../tests/cluster/clients.js';
import { Cluster } from '../tests/cluster/cluster.js';
import { ms, percentile } from './support.js';

const { values: args } = parseArgs({
  options: { placements: { type: 'string' }, 'young-people': { type: 'string' }, requests: { type: 'string' } },
});
const placements = Number(args.placements ?? 100_000);
const youngPeople = Number(args['young-people'] ?? 20_000);
const requests = Number(args.requests ?? 640);
const concurrency = 32;

interface Figures {
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  failures: number;
}

/** `total` requests with `concurrency` in flight; each one's time, and how many answered other than 200. */
async function measure(total: number, request: () => Promise<number>): Promise<Figures> {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const begun = performance.now();
        if ((await request()) !== 200) failures += 1;
        samples.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    perSecond: round(total / seconds),
    failures,
  };
}

const cluster = new Cluster({
  env: { LOG_LEVEL: 'warn', SEARCH_RECONCILE_INTERVAL_SECONDS: '0' },
});
try {
  await cluster.start();
  await cluster.startInstances(1);
  const harness = await clusterHarness(cluster);
  const services = harness.services;
  const started = performance.now();
  await loadDataset(services, generate({ placements, youngPeople }), {
    progress: (label, total) => progressBar({ label: label.padEnd(19), total }),
  });
  console.log(
    `loaded ${placements.toLocaleString('en-GB')} placements and ${youngPeople.toLocaleString('en-GB')} young people in ${((performance.now() - started) / 1000).toFixed(0)}s`,
  );
  const sessionFor = async (email: string) => {
    const account = await services.accounts.byEmail(email);
    if (!account) throw new Error(`no demo account ${email}`);
    return `__Host-session=${(await services.webSessions.start(account.id)).token}`;
  };
  const coach = await sessionFor(demoAccounts.jobCoach.email);
  const employer = await sessionFor(demoAccounts.employer.email);
  const admin = await sessionFor(demoAccounts.providerAdmin.email);
  const sam = (await services.accounts.byEmail(demoAccounts.youngPerson.email))!;
  const samId = sam.youngPersonId!;
  const journey = await services.journeysRepository.collection.findOne({ youngPersonId: new ObjectId(samId) });
  const signedIn = await fetch(`${cluster.proxyUrl}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.jobCoach.email, password: demoPassword }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  await harness.close();

  const get = (path: string, headers: Record<string, string>) => async () => {
    const response = await fetch(`${cluster.proxyUrl}${path}`, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status;
  };
  const targets: { name: string; request: () => Promise<number> }[] = [
    {
      name: 'match API',
      request: get(`/v1/young-people/${samId}/matches`, { authorization: `Bearer ${accessToken}` }),
    },
    { name: 'coach home', request: get('/', { cookie: coach }) },
    { name: 'caseload', request: get('/caseload', { cookie: coach }) },
    { name: 'matches page', request: get(`/young-people/${samId}/matches`, { cookie: coach }) },
    ...(journey
      ? [{ name: 'journey', request: get(`/journeys/${journey._id.toHexString()}`, { cookie: coach }) }]
      : []),
    { name: 'employer proposals', request: get('/proposals', { cookie: employer }) },
    { name: 'provider report', request: get('/reports', { cookie: admin }) },
  ];

  const results: Record<string, Record<string, Figures>> = {};
  for (const instances of [1, 3]) {
    if (cluster.live().length < instances) await cluster.startInstances(instances - cluster.live().length);
    for (const target of targets) {
      await measure(concurrency * 2, target.request);
      const figures = await measure(requests, target.request);
      results[target.name] = { ...results[target.name], [`x${instances}`]: figures };
      console.log(
        `${instances} instance${instances > 1 ? 's' : ' '}  ${target.name.padEnd(20)} p50 ${ms(figures.p50Ms).padStart(10)}  p99 ${ms(figures.p99Ms).padStart(10)}  ${figures.perSecond.toFixed(0).padStart(5)} req/s  failures ${figures.failures}`,
      );
    }
  }
  const ratios = Object.fromEntries(
    Object.entries(results).map(([name, byCount]) => [
      name,
      Math.round((byCount.x3!.perSecond / byCount.x1!.perSecond) * 100) / 100,
    ]),
  );
  console.log(`requests per second, 3 instances / 1: ${JSON.stringify(ratios)}`);
  console.log(
    JSON.stringify({
      bench: 'instances',
      placements,
      youngPeople,
      concurrency,
      requests,
      results,
      throughputRatio3to1: ratios,
    }),
  );
} finally {
  await cluster.stop();
}
