/**
 * The dashboards at scale. Loads the demo data set with its journey history (by default 20,000
 * young people and 30,000 placements) into throwaway stores, or uses the already seeded stores
 * named by MONGODB_URI / MEILI_URL, then times each dashboard over HTTP (p50 and p95 over N runs)
 * against baselines measured in the same run:
 *   provider dashboard (provider admin, the largest provider)   vs  countDocuments({ providerId })
 *   the same as CSV (?format=csv)                                vs  the same
 *   the full aggregation the dashboard ran before its summaries  vs  the same
 *   provider dashboard (job coach, their caseload)               vs  countDocuments({ providerId, jobCoachId })
 *   employer dashboard (the employer with the most journeys)     vs  countDocuments({ employerId, visibleToEmployer })
 * Run: npm run bench:dashboards [-- --young-people 20000 --placements 30000 --runs 50 --data-dir DIR --one-provider]
 * With --data-dir the embedded stores keep their data there, so a second run skips the loading.
 * --one-provider puts every young person (and so every journey) in one provider.
 * The last line is one JSON object of the figures.
 */

import { parseArgs } from 'node:util';
import type { ObjectId } from 'mongodb';
import { generate } from '../seed/generate.js';
import { hasAccounts, loadDataset } from '../seed/load.js';
import { progressBar } from '../src/core/progress.js';
import { outcomeFacetPipeline, supportTrendPipeline } from '../src/dashboards/dashboard-figures.js';
import { benchEnvironment, ms, percentile, timeEach } from './support.js';

const { values: args } = parseArgs({
  options: {
    'young-people': { type: 'string' },
    placements: { type: 'string' },
    runs: { type: 'string' },
    'data-dir': { type: 'string' },
    'one-provider': { type: 'boolean' },
  },
});
const youngPeople = Number(args['young-people'] ?? 20_000);
const placements = Number(args.placements ?? Math.round(youngPeople * 1.5));
const runs = Number(args.runs ?? 50);
/** Every young person, and so every journey, in one provider: the largest provider there could be. */
const oneProvider = args['one-provider'] === true;
const targetMs = 100;

const env = await benchEnvironment({
  NODE_ENV: 'test',
  SEED_DEMO_DATA: 'never',
  ...(args['data-dir'] ? { DATA_DIR: args['data-dir'] } : {}),
});
try {
  const { services, baseUrl } = env;
  if (await hasAccounts(services)) {
    console.log(`using the data already in "${services.config.MONGODB_DB}"`);
  } else {
    const summary = await loadDataset(
      services,
      generate({ youngPeople, placements, ...(oneProvider ? { providers: 1 } : {}) }),
      {
        buildSearch: false,
        progress: (label, total) => progressBar({ label: label.padEnd(19), total }),
      },
    );
    console.log(
      `loaded ${youngPeople.toLocaleString('en-GB')} young people and ${placements.toLocaleString('en-GB')} placements with their history in ${(summary.loadMs / 1000).toFixed(1)}s`,
    );
  }
  const matches = services.journeysRepository.collection;
  const [journeys, logs, reviews] = await Promise.all([
    matches.estimatedDocumentCount(),
    services.progressRepository.logs.estimatedDocumentCount(),
    services.progressRepository.reviews.estimatedDocumentCount(),
  ]);

  const largest = async (key: '$providerId' | '$employerId' | '$jobCoachId', match: Record<string, unknown>) =>
    (
      await matches
        .aggregate<{ _id: ObjectId; n: number }>([
          { $match: match },
          { $group: { _id: key, n: { $sum: 1 } } },
          { $sort: { n: -1 } },
          { $limit: 1 },
        ])
        .toArray()
    )[0]!;
  const provider = await largest('$providerId', {});
  const coach = await largest('$jobCoachId', { providerId: provider._id });
  const employer = await largest('$employerId', { visibleToEmployer: true });
  const tokenFor = async (filter: Record<string, unknown>) => {
    const doc = await services.accounts.collection.findOne(filter, { projection: { _id: 1 } });
    const account = doc && (await services.accounts.byId(doc._id.toHexString()));
    if (!account) throw new Error(`no account matches ${JSON.stringify(filter)}`);
    return (await services.auth.issueFor(account)).accessToken;
  };
  const adminToken = await tokenFor({ providerId: provider._id, role: 'provider_admin' });
  const coachToken = await tokenFor({ _id: coach._id });
  const employerToken = await tokenFor({ employerId: employer._id, role: 'employer', status: 'active' });
  const latestYear = (await matches
    .find({ providerId: provider._id, startedOn: { $exists: true } })
    .sort({ cohortYear: -1 })
    .limit(1)
    .next())!.cohortYear;

  const get = (path: string, token: string) => async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.arrayBuffer();
  };
  const byProvider = { providerId: provider._id };
  const fullAggregation = () =>
    Promise.all([
      matches.aggregate(outcomeFacetPipeline(byProvider)).toArray(),
      services.progressRepository.logs.aggregate(supportTrendPipeline(byProvider)).toArray(),
    ]);
  const countProvider = () => matches.countDocuments(byProvider);
  const cases = [
    {
      id: 'provider',
      name: `provider dashboard, admin (${provider.n} journeys)`,
      work: get('/v1/dashboards/provider', adminToken),
      baseline: countProvider,
      baselineName: 'countDocuments(provider)',
    },
    {
      id: 'csv',
      name: 'the same as CSV',
      work: get('/v1/dashboards/provider?format=csv', adminToken),
      baseline: countProvider,
      baselineName: 'countDocuments(provider)',
    },
    {
      id: 'year',
      name: 'the same, one academic year',
      work: get(`/v1/dashboards/provider?academicYear=${latestYear}`, adminToken),
      baseline: countProvider,
      baselineName: 'countDocuments(provider)',
    },
    {
      id: 'full',
      name: 'full aggregation (before the summaries)',
      work: fullAggregation,
      baseline: countProvider,
      baselineName: 'countDocuments(provider)',
      runs: Math.min(runs, 10),
    },
    {
      id: 'coach',
      name: `provider dashboard, coach (${coach.n} journeys)`,
      work: get('/v1/dashboards/provider', coachToken),
      baseline: () => matches.countDocuments({ providerId: provider._id, jobCoachId: coach._id }),
      baselineName: 'countDocuments(caseload)',
    },
    {
      id: 'employer',
      name: `employer dashboard (${employer.n} journeys)`,
      work: get('/v1/dashboards/employer', employerToken),
      baseline: () => matches.countDocuments({ employerId: employer._id, visibleToEmployer: true }),
      baselineName: 'countDocuments(employer)',
    },
  ];
  console.log(
    `${journeys.toLocaleString('en-GB')} journeys, ${logs.toLocaleString('en-GB')} weekly logs, ${reviews.toLocaleString('en-GB')} reviews; ${runs} runs each after 3 to warm up; ${new Date().toISOString()}`,
  );
  const results = new Map<string, { p50: number; p95: number; baselineP95: number }>();
  for (const { id, name, work, baseline, baselineName, runs: caseRuns = runs } of cases) {
    await timeEach(3, work);
    const samples = await timeEach(caseRuns, work);
    const base = await timeEach(caseRuns, baseline);
    const [p50, p95] = [percentile(samples, 50), percentile(samples, 95)];
    results.set(id, { p50, p95, baselineP95: percentile(base, 95) });
    console.log(
      `${name.padEnd(44)} p50 ${ms(p50).padStart(10)}  p95 ${ms(p95).padStart(10)}   baseline ${baselineName} p50 ${ms(percentile(base, 50))}  ratio ${(p50 / percentile(base, 50)).toFixed(1)}`,
    );
  }
  const providerResult = results.get('provider')!;
  console.log(
    `Provider dashboard p95 ${ms(providerResult.p95)} over ${provider.n.toLocaleString('en-GB')} journeys in one provider: ${providerResult.p95 < targetMs ? 'within' : 'OVER'} the ${targetMs} ms target.`,
  );
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'dashboards',
      journeysInProvider: provider.n,
      providerP95Ms: round(providerResult.p95),
      baselineP95Ms: round(providerResult.baselineP95),
      providerP50Ms: round(providerResult.p50),
      csvP50Ms: round(results.get('csv')!.p50),
      csvP95Ms: round(results.get('csv')!.p95),
      oneYearP95Ms: round(results.get('year')!.p95),
      fullAggregationP50Ms: round(results.get('full')!.p50),
      fullAggregationP95Ms: round(results.get('full')!.p95),
      coachP95Ms: round(results.get('coach')!.p95),
      employerP95Ms: round(results.get('employer')!.p95),
    }),
  );
} finally {
  await env.close();
}
