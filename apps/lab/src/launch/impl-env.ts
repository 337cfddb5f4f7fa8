import type { ImplManifest, Variant } from '@lab/manifest';

/** The JWT secret every implementation signs with (libs/contract/README.md, environment). */
export const JWT_SECRET = 'benchmark-secret-key-12345';

/**
 * The environment an implementation starts with, later entries winning: its manifest `env`,
 * the pool and worker defaults, the JWT secret, the services (`DATABASE_URL`, `REDIS_URL`,
 * `UPSTREAM_URL`), `PORT` and `HOST`, then the variant's `env`.
 */
export function implEnv(manifest: ImplManifest, variant: Variant | undefined, services: Record<string, string>, port: number): Record<string, string> {
  return {
    ...manifest.env,
    [manifest.pool.env]: String(manifest.pool.default),
    [manifest.workers.env]: String(manifest.workers.default),
    JWT_SECRET,
    ...services,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...variant?.env,
  };
}
