import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Nest's dependency injection, class-validator and TypeORM read the decorator metadata that tsc
// emits (`emitDecoratorMetadata`); vitest's esbuild transform does not emit it, so the tests are
// compiled by SWC with legacy decorators and metadata, as tsc does for the build.
// The lab's Nx workspace infers no test target for implementations: this config is only for
// `npm test` inside this folder.
export default defineConfig({
  plugins: [
    swc.vite({
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  test: { watch: false, include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 30_000 },
});
