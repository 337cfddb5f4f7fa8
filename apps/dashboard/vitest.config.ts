import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  // The browser spec builds the site with vite and drives Chromium: give a loaded machine room.
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 180_000 },
});
