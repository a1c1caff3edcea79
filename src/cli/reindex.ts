import { parseArgs } from 'node:util';
import { type Progress, progressBar } from '../core/progress.js';
import { loadIndexConfigs } from '../core/search/meili.js';
import { type ReconcileReport, reconcileIndexes } from '../search-sync/reconcile.js';
import { type ReindexSummary, rebuildIndexes } from '../search-sync/reindex.js';
import { withServices } from './with-services.js';

const { values: options } = parseArgs({ options: { check: { type: 'boolean' } } });

/**
 * `npm run reindex`: rebuilds every search index from MongoDB and swaps it in while search keeps answering.
 * `npm run reindex -- --check`: compares every index with MongoDB, repairs the documents that disagree
 * (through the outbox, carried out before it ends) and reports what it found.
 */
const outcome = await withServices(async (services) => {
  if (options.check) {
    process.stderr.write('Comparing the search indexes with MongoDB...\n');
    const report = await reconcileIndexes(services.db, services.search, services.outbox, { repair: true });
    await services.searchSync.drain();
    return { kind: 'check' as const, report };
  }
  let bar: { index: string; progress: Progress; shown: number } | undefined;
  const summary = await rebuildIndexes(services.db, services.search, await loadIndexConfigs(), {
    onProgress: ({ index, done, total }) => {
      if (bar?.index !== index) {
        bar?.progress.done();
        bar = { index, progress: progressBar({ label: index.padEnd(10), total }), shown: 0 };
      }
      bar.progress.advance(done - bar.shown);
      bar.shown = done;
    },
  });
  bar?.progress.done();
  return { kind: 'rebuild' as const, summary };
}).catch((error: unknown) => {
  process.stderr.write(`\nReindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

process.stdout.write(outcome.kind === 'check' ? describeCheck(outcome.report) : describeRebuild(outcome.summary));

function describeRebuild(summary: ReindexSummary): string {
  const counts = summary.indexes.map((index) => `${index.documents.toLocaleString('en-GB')} ${index.name}`).join(', ');
  return (
    `Reindexed ${counts} in ${(summary.ms / 1000).toFixed(1)}s and swapped in; ` +
    `${summary.resynced} changed meanwhile re-synced, ${summary.removed} deleted meanwhile removed.\n`
  );
}

function describeCheck(report: ReconcileReport): string {
  const lines = report.indexes.map(
    ({ name, expected, indexed, missing, stale, extra, inFlight }) =>
      `  ${name}: ${expected} in MongoDB, ${indexed} in the index; ${missing.length} missing, ${stale.length} out of date, ` +
      `${extra.length} of records that are gone${inFlight > 0 ? `, ${inFlight} already on their way` : ''}` +
      (missing.length + stale.length + extra.length > 0
        ? ` (e.g. ${[...missing, ...stale, ...extra].slice(0, 5).join(', ')})`
        : ''),
  );
  return `${lines.join('\n')}\nChecked in ${(report.ms / 1000).toFixed(1)}s; repaired ${report.repaired} document${report.repaired === 1 ? '' : 's'}.\n`;
}
