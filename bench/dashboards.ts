/**
 * The dashboards at scale. Loads the demo data set with its journey history (by default 20,000
 * young people and 30,000 placements) into throwaway stores, or uses the already seeded stores
 * named by MONGODB_URI / MEILI_URL, then times each dashboard over HTTP (p50 and p95 over N runs)
 * against a baseline measured in the same run: countDocuments over the same journeys.
 *   provider dashboard (provider admin, the largest provider)   vs  countDocuments({ providerId })
 *   provider dashboard (job coach, their caseload)               vs  countDocuments({ providerId, jobCoachId })
 *   employer dashboard (the employer with the most journeys)     vs  countDocuments({ employerId, visibleToEmployer })
 *   stress: the provider pipelines over every provider at once   vs  countDocuments over the same scope
 * Run: npm run bench:dashboards [-- --young-people 20000 --placements 30000 --runs 50 --data-dir DIR]
 * With --data-dir the embedded stores keep their data there, so a second run skips the loading.
 */
import type { ObjectId } from 'mongodb';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/core/progress.js';
import { outcomeFacetPipeline, supportTrendPipeline } from '../src/dashboards/dashboard-figures.js';
import { generate } from '../seed/generate.js';
import { hasAccounts, loadDataset } from '../seed/load.js';
import { benchEnvironment, ms, percentile, timeEach } from './support.js';

const { values: args } = parseArgs({ options: { 'young-people': { type: 'string' }, placements: { type: 'string' }, runs: { type: 'string' }, 'data-dir': { type: 'string' }, 'one-provider': { type: 'boolean' } } });
const youngPeople = Number(args['young-people'] ?? 20_000);
const placements = Number(args.placements ?? Math.round(youngPeople * 1.5));
const runs = Number(args.runs ?? 50);
/** Every young person, and so every journey, in one provider: the largest provider there could be. */
const oneProvider = args['one-provider'] === true;
const targetMs = 1000;

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
    const summary = await loadDataset(services, generate({ youngPeople, placements, ...(oneProvider ? { providers: 1 } : {}) }), {
      buildSearch: false,
      progress: (label, total) => progressBar({ label: label.padEnd(19), total }),
    });
    console.log(`loaded ${youngPeople.toLocaleString('en-GB')} young people and ${placements.toLocaleString('en-GB')} placements with their history in ${(summary.loadMs / 1000).toFixed(1)}s`);
  }
  const matches = services.placementMatchesRepository.collection;
  const [journeys, logs, reviews] = await Promise.all([matches.estimatedDocumentCount(), services.progressRepository.logs.estimatedDocumentCount(), services.progressRepository.reviews.estimatedDocumentCount()]);

  const largest = async (key: '$providerId' | '$employerId' | '$jobCoachId', match: Record<string, unknown>) =>
    (await matches.aggregate<{ _id: ObjectId; n: number }>([{ $match: match }, { $group: { _id: key, n: { $sum: 1 } } }, { $sort: { n: -1 } }, { $limit: 1 }]).toArray())[0]!;
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

  const get = (path: string, token: string) => async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const cases = [
    { name: `provider dashboard, admin (${provider.n} journeys)`, work: get('/v1/dashboards/provider', adminToken), baseline: () => matches.countDocuments({ providerId: provider._id }), baselineName: 'countDocuments(provider)' },
    { name: `provider dashboard, coach (${coach.n} journeys)`, work: get('/v1/dashboards/provider', coachToken), baseline: () => matches.countDocuments({ providerId: provider._id, jobCoachId: coach._id }), baselineName: 'countDocuments(caseload)' },
    { name: `employer dashboard (${employer.n} journeys)`, work: get('/v1/dashboards/employer', employerToken), baseline: () => matches.countDocuments({ employerId: employer._id, visibleToEmployer: true }), baselineName: 'countDocuments(employer)' },
  ];
  console.log(`${journeys.toLocaleString('en-GB')} journeys, ${logs.toLocaleString('en-GB')} weekly logs, ${reviews.toLocaleString('en-GB')} reviews; ${runs} runs each after 5 to warm up; ${new Date().toISOString()}`);
  let slowest = 0;
  for (const { name, work, baseline, baselineName } of cases) {
    await timeEach(5, work);
    const samples = await timeEach(runs, work);
    const base = await timeEach(runs, baseline);
    const [p50, p95] = [percentile(samples, 50), percentile(samples, 95)];
    slowest = Math.max(slowest, p95);
    console.log(
      `${name.padEnd(44)} p50 ${ms(p50).padStart(10)}  p95 ${ms(p95).padStart(10)}   baseline ${baselineName} p50 ${ms(percentile(base, 50))}  ratio ${(p50 / percentile(base, 50)).toFixed(1)}`,
    );
  }
  // Stress, beyond any real provider: the provider dashboard's own pipelines over every provider at once
  // (through the same indexes), as if one provider held all 20,000 young people and their history.
  const everyProvider = { providerId: { $in: await matches.distinct('providerId') } };
  const outcomes = () => matches.aggregate(outcomeFacetPipeline(everyProvider)).toArray();
  const trend = () => services.progressRepository.logs.aggregate(supportTrendPipeline(everyProvider)).toArray();
  await timeEach(2, () => Promise.all([outcomes(), trend()]));
  const stressRuns = Math.min(runs, 10);
  const everything = await timeEach(stressRuns, () => Promise.all([outcomes(), trend()]));
  const countAll = await timeEach(stressRuns, () => Promise.all([matches.countDocuments(everyProvider), services.progressRepository.logs.countDocuments(everyProvider)]));
  console.log(
    `${'stress: one provider holding everything'.padEnd(44)} p50 ${ms(percentile(everything, 50)).padStart(10)}  p95 ${ms(percentile(everything, 95)).padStart(10)}   ` +
      `baseline countDocuments(all providers) p50 ${ms(percentile(countAll, 50))}  ratio ${(percentile(everything, 50) / percentile(countAll, 50)).toFixed(1)}`,
  );
  console.log(`Slowest dashboard p95 ${ms(slowest)} over ${journeys.toLocaleString('en-GB')} journeys: ${slowest < targetMs ? 'within' : 'OVER'} the ${targetMs} ms target.`);
} finally {
  await env.close();
}
