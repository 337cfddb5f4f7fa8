import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** One spec, one stack and one server: files run one after another, scenarios in order. */
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // scenarios/*/scenario.ts sit outside every tsconfig `include`, so path mapping does not reach
    // them; the spec imports them and they import the engine by its name (as in libs/engine).
    alias: { '@lab/engine': fileURLToPath(new URL('../../libs/engine/src/index.ts', import.meta.url)) },
  },
  test: {
    watch: false,
    include: ['*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // beforeAll may build the implementation (npm ci + prisma generate + tsc) and seed PostgreSQL.
    hookTimeout: 600_000,
  },
});
