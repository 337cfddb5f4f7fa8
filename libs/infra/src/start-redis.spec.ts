import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlive } from './process-control';
import { redisCommand } from './redis-command';
import { startRedis } from './start-redis';

describe('startRedis', () => {
  it('starts, flushes and stops', async () => {
    const redis = await startRedis();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await redisCommand(redis.host, redis.port, ['SET', 'user:1', '{"id":1}'])).toBe('+OK');
      expect(await redisCommand(redis.host, redis.port, ['DBSIZE'])).toBe(':1');
      await redis.flush();
      expect(await redisCommand(redis.host, redis.port, ['DBSIZE'])).toBe(':0');
    } finally {
      await redis.stop();
    }
    expect(isAlive(redis.pid ?? -1)).toBe(false);
    expect(existsSync(redis.dir ?? '/')).toBe(false);
    await expect(redisCommand(redis.host, redis.port, ['PING'])).rejects.toThrow();
  });

  it('spawns redis-server through the wrap option', async () => {
    const wrapped: string[] = [];
    const redis = await startRedis({
      backend: 'native',
      wrap: (argv) => (wrapped.push(argv[0]!), ['/bin/sh', '-c', 'exec "$@"', 'wrapper', ...argv]),
    });
    try {
      expect(wrapped).toHaveLength(1);
      expect(wrapped[0]).toMatch(/redis-server$/);
      expect(await redisCommand(redis.host, redis.port, ['PING'])).toBe('+PONG');
    } finally {
      await redis.stop();
    }
    expect(isAlive(redis.pid ?? -1)).toBe(false);
  });
});
