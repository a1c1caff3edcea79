import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: ['default', './tests/setup/closing-line-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/cluster/**'],
          globalSetup: ['tests/setup/global-setup.ts'],
          // One mongod and one Meilisearch serve every file; each file has its own database and index prefix.
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          // Each file starts its own replica set and three service processes, and measures how quickly
          // they recover: so they run after the rest of the suite, one file at a time, on a quiet machine.
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
