import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    watch: false,
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // The integration specs start PostgreSQL, Redis and an implementation: one stack per file.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
