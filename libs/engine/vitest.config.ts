import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // scenarios/*/scenario.ts sit outside every tsconfig `include`, so path mapping does not
    // reach them; the catalogue spec imports them, and they import the engine by its name.
    alias: { '@lab/engine': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  // Timing tests share two vCPUs with other work; run files one at a time so they do not
  // measure each other.
  test: { watch: false, include: ['src/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 30_000 },
});
