import type { PostgresServer } from './postgres-server';
import { freshDatabase } from './seeded-template';
import { startPostgres } from './start-postgres';
import { startRedis, type RedisServer } from './start-redis';
import { startUpstream, type UpstreamServer } from './start-upstream';

/** What {@link startStack} starts. */
export interface StackOptions {
  /** PostgreSQL with a fresh clone of the seeded template. */
  postgres?: boolean;
  redis?: boolean;
  /** The slow-upstream stub; `{ delayMs }` overrides its default 100 ms. */
  upstream?: boolean | { delayMs: number };
  log?: (line: string) => void;
}

/** The services an implementation needs, and the environment that points it at them. */
export interface Stack {
  postgres?: PostgresServer;
  redis?: RedisServer;
  upstream?: UpstreamServer;
  /** URL of a fresh database cloned from the seeded template. */
  databaseUrl?: string;
  /** `DATABASE_URL`, `REDIS_URL`, `UPSTREAM_URL` for the services started. */
  env(): Record<string, string>;
  /** Stops every service. Idempotent. */
  stop(): Promise<void>;
}

/** Starts the requested services in parallel; if one fails, the others are stopped and it throws. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ? { log: opts.log } : {};
  const upstreamOpts = typeof opts.upstream === 'object' ? opts.upstream : {};
  const pg = opts.postgres ? startPostgres(log) : undefined;
  const results = await Promise.allSettled([
    pg?.then(async (server) => ({ server, url: await freshDatabase(server) })),
    opts.redis ? startRedis(log) : undefined,
    opts.upstream ? startUpstream({ ...upstreamOpts, ...log }) : undefined,
  ] as const);
  const [pgResult, redisResult, upstreamResult] = results;
  const postgres = pgResult.status === 'fulfilled' ? pgResult.value?.server : await pg?.catch(() => undefined);
  const redis = redisResult.status === 'fulfilled' ? redisResult.value : undefined;
  const upstream = upstreamResult.status === 'fulfilled' ? upstreamResult.value : undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= Promise.allSettled([postgres?.stop(), redis?.stop(), upstream?.stop()]).then(() => undefined));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const databaseUrl = pgResult.status === 'fulfilled' ? pgResult.value?.url : undefined;
  return {
    ...(postgres ? { postgres } : {}),
    ...(redis ? { redis } : {}),
    ...(upstream ? { upstream } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    env: () => ({
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(redis ? { REDIS_URL: redis.url } : {}),
      ...(upstream ? { UPSTREAM_URL: upstream.url } : {}),
    }),
    stop,
  };
}
