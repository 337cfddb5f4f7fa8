import { describe, expect, it } from 'vitest';
import { implEnv, JWT_SECRET, launchEnv } from './start-impl';
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
