import { defineConfig } from 'vitest/config';

// The lab's own Nx workspace does not infer targets for implementations: this config is only
// for `npm test` inside this folder.
export default defineConfig({
  test: { watch: false, include: ['src/**/*.test.ts'], environment: 'node' },
});
