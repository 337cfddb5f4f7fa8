import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000 },
});
