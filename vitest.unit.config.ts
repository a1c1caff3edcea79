import { defineConfig } from 'vitest/config';

/**
 * The suite's fast part: tests of pure logic that need no MongoDB, Meilisearch or browser, so no global
 * setup. CI also runs it on Node.js 24 (the Dockerfile's runtime). Name a new test of this kind
 * `*.unit.test.ts`; the others listed here were written before that convention.
 */
export default defineConfig({
  test: {
    include: [
      'tests/**/*.unit.test.ts',
      'tests/operations/config.test.ts',
      'tests/matching/matching-filters.test.ts',
      'tests/matching/matching-scoring.test.ts',
      'tests/journey/progress.test.ts',
      'tests/search/search-documents.test.ts',
      'tests/seed/seed-generate.test.ts',
    ],
    // Generous, as in the full suite: CI machines are shared.
    testTimeout: 30_000,
    reporters: ['default', './tests/setup/closing-line-reporter.ts'],
  },
});
