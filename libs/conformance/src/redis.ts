import { Redis } from 'ioredis';

/** The gate's view of the implementation's Redis: what it stored, never its own caching. */
export class RedisView {
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 });
  }

  get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  /** Seconds to live: -1 without an expiry, -2 when the key does not exist. */
  ttl(key: string): Promise<number> {
    return this.client.ttl(key);
  }

  /** Replaces the value and keeps the key's expiry. */
  async replaceKeepingTtl(key: string, value: string): Promise<void> {
    await this.client.set(key, value, 'KEEPTTL');
  }

  async del(key: string): Promise<number> {
    return this.client.del(key);
  }

  /** Keys matching `pattern` (SCAN, never KEYS). */
  async keys(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  }

  async close(): Promise<void> {
    // Never connected (no check needed Redis): nothing to say goodbye to.
    if (this.client.status === 'wait') return this.client.disconnect();
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
