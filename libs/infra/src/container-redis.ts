import { InfraError } from './errors';
import type { StartedRedisContainer } from '@testcontainers/redis';
import type { RedisServer } from './redis-server';

/**
 * Redis 7 in a container through testcontainers 12.0.1, imported only when a Docker engine
 * answered. UNTESTED on the lab machines (no Docker engine): kept deliberately small.
 */
export async function startContainerRedis(log?: (line: string) => void): Promise<RedisServer> {
  const { RedisContainer } = await import('@testcontainers/redis');
  let container: StartedRedisContainer;
  try {
    container = await new RedisContainer('redis:7-alpine').withCommand(['redis-server', '--save', '', '--appendonly', 'no', '--maxmemory', '256mb']).start();
  } catch (error) {
    throw new InfraError('LAB_DOCKER_UNAVAILABLE', `the Redis container did not start: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const host = container.getHost();
  const port = container.getPort();
  log?.(`infra: Redis (container) on ${host}:${port}`);
  let stopping: Promise<void> | undefined;
  return {
    host,
    port,
    url: `redis://${host}:${port}`,
    flush: async () => void (await container.executeCliCmd('FLUSHALL')),
    stop: () => (stopping ??= container.stop().then(() => undefined)),
  };
}
