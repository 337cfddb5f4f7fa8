import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { REDIS } from '../redis/redis.module';
import { TOKEN_TTL_SECONDS } from './auth-context';

/** A new session token: 32 random bytes, base64url without padding (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Redis key of a session token. */
export const sessionKey = (token: string): string => `session:${token}`;

/** Sessions in Redis: `session:<token>` → `"<user id>"`, TTL 1800 s. */
@Injectable()
export class SessionService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async create(userId: number): Promise<string> {
    const token = newSessionToken();
    await this.redis.set(sessionKey(token), String(userId), 'EX', TOKEN_TTL_SECONDS);
    return token;
  }

  /** The user id of a live session, or null. */
  async userId(token: string): Promise<number | null> {
    const stored = await this.redis.get(sessionKey(token));
    if (stored === null) return null;
    const id = Number(stored);
    return Number.isInteger(id) ? id : null;
  }
}
