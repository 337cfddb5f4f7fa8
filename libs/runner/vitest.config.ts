import { defineConfig } from 'vitest/config';

// The end-to-end tests start real PostgreSQL, Redis and implementation processes on a shared
// 2-core machine: one test file at a time, generous timeouts, never a timing assertion.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    watch: false,
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
