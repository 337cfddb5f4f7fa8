import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  // The CLI tests start `node --import tsx` subprocesses; give a loaded machine room.
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
