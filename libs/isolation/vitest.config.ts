import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  // Cgroup tests spawn real processes; give them room on a shared 2-core host.
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 20_000 },
});
