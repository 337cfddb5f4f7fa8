import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The injection token of the process's ioredis client. */
export const REDIS = Symbol('REDIS');

/**
 * One ioredis client per process (a custom provider, `@Inject(REDIS)`), for the cache and the
 * sessions. `lazyConnect`: `/health` answers before Redis is reachable. Closed on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis(config.redisUrl, { lazyConnect: true });
        redis.on('error', (error: Error) => console.error('redis:', error.message));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'wait') this.redis.disconnect();
    else await this.redis.quit().catch(() => undefined);
  }
}
