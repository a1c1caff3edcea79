import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withServices } from '../../src/cli/with-services.js';
import { buildEvalSet } from './eval-set.js';
import { evaluate, loadEvalSet } from './evaluate.js';

/**
 * `npm run eval`: loads the evaluation set into a throwaway database and index prefix, asks the
 * matching service for every person's top 10 and prints precision@5 and nDCG@10. Uses
 * MONGODB_URI / MEILI_URL when set; otherwise starts embedded stores in a temporary directory.
 */
const name = `eval_${randomBytes(4).toString('hex')}`;
const scratch = process.env.MONGODB_URI ? undefined : mkdtempSync(path.join(tmpdir(), 'eval-'));
Object.assign(process.env, { MONGODB_DB: name, MEILI_INDEX_PREFIX: `${name}_`, ...(scratch ? { DATA_DIR: scratch } : {}) });

try {
  const report = await withServices(async (services) => {
    try {
      const set = buildEvalSet();
      process.stderr.write(`Loading ${set.people.length} young people and ${set.placements.length} placements...\n`);
      return await evaluate(services, set, await loadEvalSet(services, set));
    } finally {
      await services.db.dropDatabase();
      for (const index of ['placements', 'candidates'] as const) await services.search.client.deleteIndexIfExists(services.search.indexUid(index));
    }
  });
  for (const person of report.perPerson) {
    process.stdout.write(`${person.town.padEnd(20)} precision@5 ${person.precisionAt5.toFixed(2)}  nDCG@10 ${person.ndcgAt10.toFixed(2)}  (${person.results} proposed)\n`);
  }
  process.stdout.write(
    `\n${report.people} young people, ${report.placements} placements: precision@5 ${report.precisionAt5.toFixed(3)}, ` +
      `nDCG@10 ${report.ndcgAt10.toFixed(3)}, hard-limit violations ${report.violations.length}.\n`,
  );
  process.exitCode = report.violations.length > 0 ? 1 : 0;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
