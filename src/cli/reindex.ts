import { progressBar, type Progress } from '../core/progress.js';
import { loadIndexConfigs } from '../core/search/meili.js';
import { rebuildIndexes } from '../search-sync/reindex.js';
import { withServices } from './with-services.js';

/** `npm run reindex`: rebuilds every search index from MongoDB and swaps it in while search keeps answering. */
const summary = await withServices(async (services) => {
  let bar: { index: string; progress: Progress; shown: number } | undefined;
  const result = await rebuildIndexes(services.db, services.search, await loadIndexConfigs(), {
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
  return result;
}).catch((error: unknown) => {
  process.stderr.write(`\nReindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

const counts = summary.indexes.map((index) => `${index.documents.toLocaleString('en-GB')} ${index.name}`).join(', ');
process.stdout.write(
  `Reindexed ${counts} in ${(summary.ms / 1000).toFixed(1)}s and swapped in; ` +
    `${summary.resynced} changed meanwhile re-synced, ${summary.removed} deleted meanwhile removed.\n`,
);
