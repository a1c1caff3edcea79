import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withServices } from '../../src/cli/with-services.js';
import type { System } from '../../src/services.js';
import { buildCauseSet } from './cause-cases.js';
import { buildEvalSet, type EvalSet } from './eval-set.js';
import { type EvalReport, evaluate, loadEvalSet, type PersonReport, summarise, unloadEvalSet } from './evaluate.js';
import { optionalCases } from './optional-cases.js';
import { buildPolaritySet, type PolarityCase, polarityTuningCases } from './polarity-cases.js';
import { polarityHeldOutCases } from './polarity-held-out.js';

/**
 * `npm run eval`: loads the evaluation sets one after the other into a throwaway database and
 * index prefix, asks the matching service for every person's top 10 and prints precision@5,
 * nDCG@10, MRR and hard-limit violations (checked on the raw search pool and on the results):
 * first on the tuning set the weights were chosen on, then on the cases written for issue 16's
 * three causes, kept apart, then issue 28's: its tuning cases, its first held-out cases (looked at
 * since, and tuned on) and, when `polarity-held-out-2.ts` is there, the blind second held-out set. Uses MONGODB_URI / MEILI_URL when set; otherwise starts embedded
 * stores in a temporary directory. Ends with one JSON line of the figures.
 */
const name = `eval_${randomBytes(4).toString('hex')}`;
const scratch = process.env.MONGODB_URI ? undefined : mkdtempSync(path.join(tmpdir(), 'eval-'));
Object.assign(process.env, {
  MONGODB_DB: name,
  MEILI_INDEX_PREFIX: `${name}_`,
  ...(scratch ? { DATA_DIR: scratch } : {}),
});

const heldOutCases2 = await optionalCases<PolarityCase>(
  new URL('./polarity-held-out-2.ts', import.meta.url),
  'polarityHeldOutCases2',
);
const sets: { label: string; build: () => EvalSet }[] = [
  { label: 'tuning set', build: buildEvalSet },
  { label: 'issue 16 cause cases', build: buildCauseSet },
  { label: 'issue 28 tuning cases', build: () => buildPolaritySet(polarityTuningCases) },
  { label: 'issue 28 first held-out cases (seen, now tuned on)', build: () => buildPolaritySet(polarityHeldOutCases) },
  ...(heldOutCases2.length > 0
    ? [{ label: 'held-out (blind, second)', build: () => buildPolaritySet(heldOutCases2) }]
    : []),
];

async function evaluateSet(services: System, set: EvalSet): Promise<EvalReport> {
  const loaded = await loadEvalSet(services, set);
  try {
    return await evaluate(services, set, loaded);
  } finally {
    await unloadEvalSet(services, loaded);
  }
}

const summaryKeys: Record<string, string> = {
  'tuning set': 'tuning',
  'issue 16 cause cases': 'causes',
  'issue 28 tuning cases': 'polarityTuning',
  'issue 28 first held-out cases (seen, now tuned on)': 'polarityHeldOut',
  'held-out (blind, second)': 'polarityHeldOut2',
};

const figures = (report: Pick<EvalReport, 'precisionAt5' | 'ndcgAt10' | 'mrr' | 'pairsHeld'>) =>
  `precision@5 ${report.precisionAt5.toFixed(3)}, nDCG@10 ${report.ndcgAt10.toFixed(3)}, MRR ${report.mrr.toFixed(3)}, pairs held ${report.pairsHeld.toFixed(3)}`;

try {
  const reports = await withServices(async (services) => {
    try {
      const done: { label: string; report: EvalReport }[] = [];
      for (const { label, build } of sets) {
        const set = build();
        process.stderr.write(
          `Loading the ${label}: ${set.people.length} young people and ${set.placements.length} placements...\n`,
        );
        done.push({ label, report: await evaluateSet(services, set) });
      }
      return done;
    } finally {
      await services.db.dropDatabase();
      for (const index of ['placements', 'candidates'] as const)
        await services.search.client.deleteIndexIfExists(services.search.indexUid(index));
    }
  });
  const summary: Record<string, unknown> = { eval: 'match' };
  for (const { label, report } of reports) {
    process.stdout.write(`\n${label}\n`);
    for (const person of report.perPerson) {
      process.stdout.write(
        `${person.town.padEnd(20)} ${(person.cause ?? '').padEnd(13)} precision@5 ${person.precisionAt5.toFixed(2)}  nDCG@10 ${person.ndcgAt10.toFixed(2)}  ` +
          `RR ${person.reciprocalRank.toFixed(2)}  (${person.results} proposed)\n`,
      );
    }
    const byCause = new Map<string, PersonReport[]>();
    for (const person of report.perPerson)
      if (person.cause) byCause.set(person.cause, [...(byCause.get(person.cause) ?? []), person]);
    for (const [cause, people] of byCause) process.stdout.write(`  ${cause}: ${figures(summarise(people))}\n`);
    process.stdout.write(
      `${label}: ${report.people} young people, ${report.placements} placements: ${figures(report)}, ` +
        `hard-limit violations ${report.violations.length} (raw search pool and results).\n`,
    );
    for (const violation of report.violations)
      process.stdout.write(`  violation in ${violation.where}: ${JSON.stringify(violation)}\n`);
    summary[summaryKeys[label] ?? label] = {
      precisionAt5: round3(report.precisionAt5),
      ndcgAt10: round3(report.ndcgAt10),
      mrr: round3(report.mrr),
      pairsHeld: round3(report.pairsHeld),
      violations: report.violations.length,
      ...Object.fromEntries(
        [...byCause].map(([cause, people]) => [
          cause,
          Object.fromEntries(Object.entries(summarise(people)).map(([k, v]) => [k, round3(v)])),
        ]),
      ),
    };
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exitCode = reports.some(({ report }) => report.violations.length > 0) ? 1 : 0;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
