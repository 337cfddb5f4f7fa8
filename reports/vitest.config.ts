import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `lab report` lives in apps/lab; this project publishes the workspace report, and its test runs the Nx targets.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    watch: false,
    dir: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
