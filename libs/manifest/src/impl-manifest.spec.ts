import { describe, expect, it } from 'vitest';
import { parseManifest, type ImplManifestInput } from './impl-manifest';

const valid: ImplManifestInput = {
  language: 'typescript',
  languageVersion: 'node 20',
  framework: 'node:http',
  frameworkVersion: 'node 20',
  server: 'node:http',
  orm: 'pg (raw SQL)',
  serializer: 'JSON.stringify',
  description: 'The baseline: no framework.',
  build: { command: 'npm ci && npm run build' },
  start: { command: 'node dist/main.js' },
  test: { command: 'npm test' },
  env: { NODE_ENV: 'production' },
  pool: { env: 'DB_POOL_SIZE', default: 10 },
  workers: { env: 'WORKERS', default: 1 },
  concurrency: { model: 'event-loop' },
  toolchain: { versionCommand: 'node --version' },
  variants: [{ id: 'cluster-2', description: 'two workers', env: { WORKERS: '2' } }],
};

const pathsOf = (json: unknown) => {
  const result = parseManifest(json, 'implementations/x/lab.json');
  return result.ok ? [] : result.problems.map((p) => p.path);
};

describe('parseManifest', () => {
  it('accepts the baseline manifest and applies the defaults', () => {
    const result = parseManifest(JSON.stringify(valid), 'lab.json');
    expect(result.ok && result.manifest).toMatchObject({
      readiness: { path: '/health', timeoutMs: 30000 },
      build: { command: 'npm ci && npm run build', outputs: ['dist', 'node_modules'] },
      variants: [{ id: 'cluster-2' }],
    });
  });

  it('keeps explicit readiness and build outputs', () => {
    const result = parseManifest({ ...valid, readiness: { timeoutMs: 5000 }, build: { command: 'make', outputs: ['out'] } }, 'f');
    expect(result.ok && result.manifest.readiness).toEqual({ path: '/health', timeoutMs: 5000 });
    expect(result.ok && result.manifest.build.outputs).toEqual(['out']);
  });

  it.each([
    ['typescript', undefined, true],
    ['python', undefined, false],
    ['python', true, true],
  ] as const)('caches a %s build unless it says otherwise (cache: %s → %s)', (language, cache, expected) => {
    const result = parseManifest({ ...valid, language, build: { command: 'make', ...(cache === undefined ? {} : { cache }) } }, 'f');
    expect(result.ok && result.manifest.build.cache).toBe(expected);
  });

  it('keeps a threads model with its thread count', () => {
    const concurrency = { model: 'threads', threads: { env: 'THREADS', default: 10 } } as const;
    const result = parseManifest({ ...valid, concurrency }, 'f');
    expect(result.ok && result.manifest.concurrency).toEqual(concurrency);
  });

  it('defaults env and variants to empty', () => {
    const { env: _env, variants: _variants, ...bare } = valid;
    const result = parseManifest(bare, 'f');
    expect(result.ok && [result.manifest.env, result.manifest.variants]).toEqual([{}, []]);
  });

  it.each([
    ['an unknown language', { language: 'cobol' }, ['language']],
    ['an empty command', { build: { command: '  ' } }, ['build.command']],
    ['an unknown key, nested', { start: { command: 'x', cmd: 'y' } }, ['start.cmd']],
    ['an unknown key, top level', { port: 8000 }, ['port']],
    ['a lower-case env name', { env: { node_env: 'production' } }, ['env.node_env']],
    ['a number as env value', { env: { WORKERS: 2 } }, ['env.WORKERS']],
    ['a zero pool', { pool: { env: 'DB_POOL_SIZE', default: 0 } }, ['pool.default']],
    ['a relative readiness path', { readiness: { path: 'health' } }, ['readiness.path']],
    ['a build output outside the folder', { build: { command: 'x', outputs: ['../dist'] } }, ['build.outputs.0']],
    [
      'bad and duplicate variant ids',
      {
        variants: [
          { id: 'Two Workers', description: 'x', env: {} },
          { id: 'a', description: 'x', env: {} },
          { id: 'a', description: 'x', env: {} },
        ],
      },
      ['variants.0.id', 'variants.2.id'],
    ],
    ['the reserved variant id', { variants: [{ id: 'default', description: 'x', env: {} }] }, ['variants.0.id']],
    ['an unknown concurrency model', { concurrency: { model: 'fibers' } }, ['concurrency.model']],
    ['a threads model without its thread count', { concurrency: { model: 'threads' } }, ['concurrency.threads']],
    ['a thread count on an event loop', { concurrency: { model: 'event-loop', threads: { env: 'THREADS', default: 4 } } }, ['concurrency.threads']],
    ['an empty serializer', { serializer: ' ' }, ['serializer']],
  ])('reports %s with its path', (_name, patch, paths) => {
    expect(pathsOf({ ...valid, ...patch })).toEqual(paths);
  });

  it('reports every problem at once', () => {
    const { orm: _orm, ...noOrm } = valid;
    const broken = { ...noOrm, language: 'cobol', build: { command: '' }, variants: [{ id: 'X', description: '', env: {} }] };
    expect(pathsOf(broken)).toEqual(['language', 'orm', 'build.command', 'variants.0.id', 'variants.0.description']);
  });

  it('says when a key is missing rather than mistyped', () => {
    const { toolchain: _t, ...rest } = valid;
    const result = parseManifest(rest, 'f');
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'f', path: 'toolchain', message: 'required section is missing', hint: expect.stringContaining('add "toolchain"') },
    ]);
  });

  it('reports invalid JSON text as one problem at the root', () => {
    expect(pathsOf('{"language": ')).toEqual(['(root)']);
  });

  it('gives every problem a hint', () => {
    const result = parseManifest({ port: 1 }, 'f');
    expect(result.ok).toBe(false);
    if (!result.ok) for (const p of result.problems) expect(p.hint).not.toBe('');
  });
});
