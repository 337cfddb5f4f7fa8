import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The report script lives in tools/report/; this project only runs its tests.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    watch: false,
    dir: fileURLToPath(new URL('../tools/report', import.meta.url)),
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
