import { InfraError } from './errors';
import { quoteIdent, withClient } from './pg-admin';
import { POSTGRES_SETTINGS, POSTGRES_USER } from './postgres-process';
import type { PostgresServer } from './postgres-server';
import type { StartedPostgreSqlContainer } from '@testcontainers/postgresql';

/**
 * PostgreSQL 16 in a container through testcontainers 12.0.1, imported only here, only when a
 * Docker engine answered. UNTESTED on the lab machines (no Docker engine): kept deliberately small.
 */
export async function startContainerPostgres(log?: (line: string) => void): Promise<PostgresServer> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const settings = Object.entries(POSTGRES_SETTINGS).filter(([key]) => key !== 'listen_addresses');
  let container: StartedPostgreSqlContainer;
  try {
    container = await new PostgreSqlContainer('postgres:16-alpine')
      .withUsername(POSTGRES_USER)
      .withPassword(POSTGRES_USER)
      .withDatabase('postgres')
      .withCommand(['postgres', ...settings.flatMap(([key, value]) => ['-c', `${key}=${value}`])])
      .start();
  } catch (error) {
    throw new InfraError('LAB_DOCKER_UNAVAILABLE', `the PostgreSQL container did not start: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const host = container.getHost();
  const port = container.getPort();
  const url = (database = 'postgres'): string => `postgresql://${POSTGRES_USER}:${POSTGRES_USER}@${host}:${port}/${encodeURIComponent(database)}`;
  log?.(`infra: PostgreSQL (container) on ${host}:${port}`);
  let stopping: Promise<void> | undefined;
  return {
    backend: 'container',
    host,
    port,
    user: POSTGRES_USER,
    url,
    async createDatabase(name, opts) {
      const from = opts?.template ? ` TEMPLATE ${quoteIdent(opts.template)} STRATEGY FILE_COPY` : '';
      await withClient(url(), (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`));
      return url(name);
    },
    async dropDatabase(name) {
      await withClient(url(), (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
    stop: () => (stopping ??= container.stop().then(() => undefined)),
  };
}
