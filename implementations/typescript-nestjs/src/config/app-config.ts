/** The HTTP platform under Nest: `@nestjs/platform-express` (default) or `@nestjs/platform-fastify`. */
export type HttpPlatform = 'express' | 'fastify';

/** Runtime settings, read once from the environment the lab passes (see README). */
export interface AppConfig {
  /** TCP port; default 8000. */
  port: number;
  /** Listen address; default 127.0.0.1. */
  host: string;
  /** PostgreSQL URL, `postgresql://user@host:port/db`. */
  databaseUrl: string;
  /** Redis URL; default redis://127.0.0.1:6379/0. */
  redisUrl: string;
  /** Base URL of the slow-upstream stub, without a trailing slash. */
  upstreamUrl: string;
  /** Maximum connections of TypeORM's pg pool, per process; default 10. */
  dbPoolSize: number;
  /** Serving processes (node:cluster when > 1); default 1. */
  workers: number;
  /** HS256 secret of the JWT endpoints; default benchmark-secret-key-12345. */
  jwtSecret: string;
  /** `NEST_ADAPTER`: the HTTP platform; default express. */
  platform: HttpPlatform;
}

/** The injection token of `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function platformOf(raw: string | undefined): HttpPlatform {
  if (raw === undefined || raw === '' || raw === 'express') return 'express';
  if (raw === 'fastify') return 'fastify';
  throw new Error(`NEST_ADAPTER must be "express" or "fastify", got "${raw}"`);
}

/** Normalises the environment into an `AppConfig`; the only place defaults live. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: positiveInt('PORT', env.PORT, 8000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/benchmark',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379/0',
    upstreamUrl: (env.UPSTREAM_URL || 'http://127.0.0.1:8001').replace(/\/+$/, ''),
    dbPoolSize: positiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10),
    workers: positiveInt('WORKERS', env.WORKERS, 1),
    jwtSecret: env.JWT_SECRET || 'benchmark-secret-key-12345',
    platform: platformOf(env.NEST_ADAPTER),
  };
}
