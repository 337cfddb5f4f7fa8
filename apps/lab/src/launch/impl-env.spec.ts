import { describe, expect, it } from 'vitest';
import { parseManifest, type ImplManifest } from '@lab/manifest';
import { fixtureManifest } from '../testing/fixture-workspace';
import { implEnv, JWT_SECRET } from './impl-env';

const parsed = parseManifest(fixtureManifest('python', { env: { WORKERS: '3', APP_ENV: 'production' }, workers: { env: 'WEB_CONCURRENCY', default: 2 } }), 'f');
const manifest = (parsed.ok ? parsed.manifest : undefined) as ImplManifest;

describe('implEnv', () => {
  it('sets the lab variables, pool and worker defaults', () => {
    expect(implEnv(manifest, undefined, { DATABASE_URL: 'postgresql://db' }, 8000)).toEqual({
      APP_ENV: 'production',
      WORKERS: '3',
      DB_POOL_SIZE: '10',
      WEB_CONCURRENCY: '2',
      JWT_SECRET,
      DATABASE_URL: 'postgresql://db',
      PORT: '8000',
      HOST: '127.0.0.1',
    });
  });

  it('lets the variant override everything, and the lab override the manifest', () => {
    const env = implEnv({ ...manifest, env: { PORT: '1', HOST: '0.0.0.0' } }, { id: 'w4', description: '', env: { WEB_CONCURRENCY: '4' } }, {}, 8000);
    expect([env.PORT, env.HOST, env.WEB_CONCURRENCY]).toEqual(['8000', '127.0.0.1', '4']);
  });
});
