import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { implEnv, JWT_SECRET, launchEnv, readinessTimeoutMs, type RunningServer, startImpl } from './start-impl';
import { fixtureManifest } from './testing/fixtures';

const manifest = fixtureManifest('node server.js', { env: { WORKERS: '3', APP_ENV: 'production' }, workers: { env: 'WEB_CONCURRENCY', default: 2 } });
const urls = { DATABASE_URL: 'postgresql://db', REDIS_URL: 'redis://r', UPSTREAM_URL: 'http://u' };

describe('implEnv and launchEnv', () => {
  it('sets the pool and worker sizes under the lab names and the manifest names, over the manifest env', () => {
    expect(implEnv(manifest)).toEqual({ APP_ENV: 'production', DB_POOL_SIZE: '4', WORKERS: '2', WEB_CONCURRENCY: '2' });
  });

  it('lets the variant override the sizes and the manifest env', () => {
    expect(implEnv(manifest, { WEB_CONCURRENCY: '4', APP_ENV: 'staging' })).toMatchObject({ WEB_CONCURRENCY: '4', APP_ENV: 'staging' });
  });

  it('adds the service URLs, PORT, HOST and JWT_SECRET last, so neither manifest nor variant can move them', () => {
    const env = launchEnv(implEnv({ ...manifest, env: { PORT: '1', HOST: '0.0.0.0' } }, { JWT_SECRET: 'x', DATABASE_URL: 'y' }), urls, 8000);
    expect(env).toMatchObject({ ...urls, PORT: '8000', HOST: '127.0.0.1', JWT_SECRET });
  });
});

describe('readinessTimeoutMs', () => {
  it('keeps the manifest timeout without a quota or with a quota of one CPU or more', () => {
    expect(readinessTimeoutMs(30_000, undefined)).toBe(30_000);
    expect(readinessTimeoutMs(30_000, 1)).toBe(30_000);
    expect(readinessTimeoutMs(30_000, 2)).toBe(30_000);
  });

  it('grows by 1/q under a quota of q < 1 CPU', () => {
    expect(readinessTimeoutMs(30_000, 0.25)).toBe(120_000);
    expect(readinessTimeoutMs(30_000, 0.5)).toBe(60_000);
    expect(readinessTimeoutMs(1_000, 0.3)).toBe(3_334);
  });
});

describe('startImpl readiness deadline', () => {
  let dir: string | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A server that listens only after `delayMs`, with a manifest timeout of 200 ms. */
  async function slowStarter(delayMs: number) {
    dir = await mkdtemp(join(tmpdir(), 'lab-start-impl-'));
    await writeFile(
      join(dir, 'server.js'),
      `setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1'), ${delayMs});\n`,
    );
    const manifest = fixtureManifest('node server.js', { readiness: { path: '/health', timeoutMs: 200 } });
    return { impl: { id: 'slow-start', dir, manifest }, env: {}, urls };
  }

  it("fails with LAB_IMPL_NOT_READY once the manifest's timeout passes", async () => {
    await expect(startImpl(await slowStarter(1_500))).rejects.toMatchObject({ code: 'LAB_IMPL_NOT_READY', message: expect.stringContaining('within 200 ms') });
  });

  it('waits as long as readyTimeoutMs says instead', async () => {
    server = await startImpl({ ...(await slowStarter(1_500)), readyTimeoutMs: 30_000 });
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
