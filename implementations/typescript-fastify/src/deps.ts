import type { Agent } from 'node:http';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';

/** Everything the route plugins share, built once per process in `main.ts`. */
export interface AppDeps {
  /** The PostgreSQL connection pool (`DB_POOL_SIZE` connections per process). */
  pool: Pool;
  /** The shared Redis client (`REDIS_URL`). */
  redis: Redis;
  /** HS256 secret for `/auth/*` tokens (`JWT_SECRET`). */
  jwtSecret: string;
  /** Base URL of the slow-upstream stub (`UPSTREAM_URL`), without a trailing slash. */
  upstreamUrl: string;
  /** Keep-alive agent used for every upstream call. */
  upstreamAgent: Agent;
}
