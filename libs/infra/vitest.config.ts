import { defineConfig } from 'vitest/config';

// Real PostgreSQL and Redis processes on a shared 2-core machine: one test file at a time, and
// generous timeouts because the first run builds the seeded-cluster cache (~1M rows).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    watch: false,
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
