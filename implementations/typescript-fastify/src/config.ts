/** The service's configuration, read once from the environment by `loadConfig`. */
export interface Config {
  /** TCP port to listen on (`PORT`, default 8000). */
  port: number;
  /** Address to bind (`HOST`, default 127.0.0.1). */
  host: string;
  /** PostgreSQL connection string (`DATABASE_URL`). */
  databaseUrl: string;
  /** Redis URL (`REDIS_URL`). */
  redisUrl: string;
  /** Base URL of the slow-upstream stub (`UPSTREAM_URL`), trailing slash removed. */
  upstreamUrl: string;
  /** Connections in each process's pg pool (`DB_POOL_SIZE`, default 10). */
  dbPoolSize: number;
  /** Processes serving requests (`WORKERS`, default 1; above 1 uses node:cluster). */
  workers: number;
  /** HS256 secret (`JWT_SECRET`, default `benchmark-secret-key-12345`). */
  jwtSecret: string;
}

/** Builds the `Config` from `env`, applying the defaults; throws on a malformed or too small number. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 8000, 0),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379/0',
    upstreamUrl: (env['UPSTREAM_URL'] || 'http://127.0.0.1:8001').replace(/\/+$/, ''),
    dbPoolSize: intFromEnv(env, 'DB_POOL_SIZE', 10, 1),
    workers: intFromEnv(env, 'WORKERS', 1, 1),
    jwtSecret: env['JWT_SECRET'] || 'benchmark-secret-key-12345',
  };
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  }
  return value;
}
