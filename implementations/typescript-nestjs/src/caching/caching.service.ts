import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';
import { elapsedMs, nowMs } from '../common/elapsed';
import { User } from '../database/entities';
import { REDIS } from '../redis/redis.module';

/** Time to live of a cached user, in seconds. */
export const USER_CACHE_TTL_SECONDS = 300;

/** The Redis key of user `id`. */
export const userCacheKey = (id: number): string => `user:${id}`;

/** What is cached: `{"id","name","email"}`. */
interface CachedUser {
  id: number;
  name: string;
  email: string;
}

/** Cache-aside over `users` in Redis (scenarios 14–16), with ioredis directly (the contract fixes keys, values and TTL). */
@Injectable()
export class CachingService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  private async readUser(id: number): Promise<CachedUser> {
    const user = await this.users.findOne({ select: { id: true, name: true, email: true }, where: { id } });
    if (!user) throw new NotFoundException('User not found');
    return { id: user.id, name: user.name, email: user.email };
  }

  private static body(source: 'database' | 'cache', user: CachedUser, start: number) {
    return { source, user_id: user.id, name: user.name, email: user.email, elapsed_ms: elapsedMs(start) };
  }

  async noCache(id: number) {
    const start = nowMs();
    return CachingService.body('database', await this.readUser(id), start);
  }

  /** `GET user:{id}`; on a miss read the row and `SET … EX 300` (an unknown id is a 404, never cached). */
  async cached(id: number) {
    const start = nowMs();
    const hit = await this.redis.get(userCacheKey(id));
    if (hit !== null) return CachingService.body('cache', JSON.parse(hit) as CachedUser, start);
    const user = await this.readUser(id);
    await this.redis.set(userCacheKey(id), JSON.stringify(user), 'EX', USER_CACHE_TTL_SECONDS);
    return CachingService.body('database', user, start);
  }

  /** The first `count` users by id, every `SET … EX 300` in one pipeline (one round trip). */
  async warmup(count: number) {
    const start = nowMs();
    const users = await this.users.find({ select: { id: true, name: true, email: true }, order: { id: 'ASC' }, take: count });
    const pipeline = this.redis.pipeline();
    for (const { id, name, email } of users) pipeline.set(userCacheKey(id), JSON.stringify({ id, name, email }), 'EX', USER_CACHE_TTL_SECONDS);
    await pipeline.exec();
    return { warmed_count: users.length, elapsed_ms: elapsedMs(start) };
  }

  async flush(): Promise<void> {
    await this.redis.flushdb();
  }

  async evict(id: number) {
    const removed = await this.redis.del(userCacheKey(id));
    return { deleted: userCacheKey(id), success: removed > 0 };
  }
}
