import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './tools/vitest/aliases.ts';

// One run, three tiers: pure unit tests, integration tests on real PostgreSQL and Redis, and
// end-to-end tests in headless Chromium. `npm test` runs all three.
export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    reporters: ['default'],
    // Integration tests spend most of their time waiting on PostgreSQL, Redis and child processes.
    // Vitest's default (one worker less than the cores) runs them one at a time on a 2-core machine;
    // three at a time keep both cores busy. Browser tests still run one file at a time (below).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{apps,libs,tools}/**/*.spec.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.int.spec.ts', '**/*.e2e.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{apps,libs,tools}/**/*.int.spec.ts'],
          globalSetup: ['./tools/vitest/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/portal-e2e/**/*.e2e.spec.ts'],
          globalSetup: ['./tools/vitest/global-setup.ts', './apps/portal-e2e/src/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
