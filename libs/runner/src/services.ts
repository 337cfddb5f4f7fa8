import {
  NativePostgresServer,
  prepareSeededTemplate,
  startPostgres,
  startRedis,
  startUpstream,
  type PostgresServer,
  type RedisServer,
  type UpstreamServer,
} from '@lab/infra';
import type { RoleGroups } from '@lab/isolation';

/** The services of one cell, each native process inside its role's group. */
export interface CellServices {
  postgres: PostgresServer;
  /** The seeded template every run's database is cloned from. */
  template: string;
  redis: RedisServer;
  upstream: UpstreamServer;
  /** Pids of the PostgreSQL postmaster and redis-server (native backends), for sampling. */
  pids: { database?: number; redis?: number };
  /** Versions learnt while starting (PostgreSQL). */
  versions: Record<string, string>;
  /** Stops every service and removes its temp dir. Idempotent; never throws. */
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (in the `database` role, from the seeded cache), Redis (in the `redis` role)
 * and the upstream stub (a process of its own in the unmeasured `helpers` role, so it never
 * shares the load generator's event loop or the server's CPU) in parallel. If one fails, the
 * others are stopped and the first failure is thrown.
 */
export async function startServices(groups: RoleGroups, log?: (line: string) => void): Promise<CellServices> {
  const logOpt = log ? { log } : {};
  const started = await Promise.allSettled([
    startPostgres({ backend: 'native', wrap: (argv) => groups.wrap('database', argv), ...logOpt }).then(async (pg) => {
      try {
        return { pg, template: await prepareSeededTemplate(pg, logOpt) };
      } catch (error) {
        await pg.stop();
        throw error;
      }
    }),
    startRedis({ backend: 'native', wrap: (argv) => groups.wrap('redis', argv), ...logOpt }),
    startUpstream({ wrap: (argv) => groups.wrap('helpers', argv), ...logOpt }),
  ] as const);
  const [pg, redis, upstream] = started;
  const stop = async (): Promise<void> => {
    await Promise.allSettled([
      pg.status === 'fulfilled' ? pg.value.pg.stop() : undefined,
      redis.status === 'fulfilled' ? redis.value.stop() : undefined,
      upstream.status === 'fulfilled' ? upstream.value.stop() : undefined,
    ]);
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed || pg.status !== 'fulfilled' || redis.status !== 'fulfilled' || upstream.status !== 'fulfilled') {
    await stop();
    throw failed?.reason;
  }
  const postgres = pg.value.pg;
  const native = postgres instanceof NativePostgresServer ? postgres : undefined;
  return {
    postgres,
    template: pg.value.template,
    redis: redis.value,
    upstream: upstream.value,
    pids: { ...(native ? { database: native.pid } : {}), ...(redis.value.pid ? { redis: redis.value.pid } : {}) },
    versions: native ? { postgres: native.bin.version } : {},
    stop,
  };
}
