import type { Redis } from 'ioredis';
import type { Dispatcher } from 'undici';
import type { PrismaClient } from './db/prisma.js';

/** What the routers share: one of each per process. */
export interface Deps {
  /** Prisma client on the pg adapter (pool sized by DB_POOL_SIZE). */
  prisma: PrismaClient;
  /** Redis client for the cache and session endpoints. */
  redis: Redis;
  /** Keep-alive HTTP client for GET {UPSTREAM_URL}/delay. */
  upstream: Dispatcher;
  /** Base URL of the upstream stub. */
  upstreamUrl: string;
  /** HS256 secret for /auth/*. */
  jwtSecret: string;
}
