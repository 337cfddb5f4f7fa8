import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  // Timing tests share two vCPUs with other work; run files one at a time so they do not
  // measure each other.
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 30_000 },
});
