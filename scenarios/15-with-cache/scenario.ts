import { defineScenario, groupDuration } from '@lab/engine';

const GROUP = 'With Cache (Hit/Miss)';

/** 15 — cache-aside with 10 % of keys warm at the start; the hit ratio climbs as misses fill the cache. */
export default defineScenario({
  id: '15-with-cache',
  title: 'Cache-aside, 10 % pre-warmed',
  category: 'caching',
  description: 'Cache-aside lookups of random users (1–1000) with users 1–100 cached at the start; misses populate the cache (TTL 300 s).',
  endpoints: ['cache.flush', 'cache.warmup', 'cache.users.cached'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true, redis: true },
  async setup({ http }) {
    const flush = await http.del('/cache/flush');
    if (!flush.ok) throw new Error(`DELETE /cache/flush answered ${flush.status}: is Redis running?`);
    const warm = await http.post('/cache/warmup?count=100');
    if (!warm.ok) throw new Error(`POST /cache/warmup answered ${warm.status}`);
  },
  async iteration({ http, check, group, count }, vu) {
    const id = vu.random.int(1, 1000);
    await group(GROUP, async () => {
      const res = await http.get(`/cache/users/${id}/cached`, { endpoint: 'cache.users.cached' });
      const source = res.json()?.source;
      check('status 200', res.status === 200);
      check('has valid source', source === 'cache' || source === 'database');
      if (source === 'cache' || source === 'database') count(`source.${source}`);
    });
  },
  async teardown({ http, counters }) {
    await http.del('/cache/flush');
    const hits = counters['source.cache'] ?? 0;
    const misses = counters['source.database'] ?? 0;
    return { extras: { 'cache.hits': hits, 'cache.misses': misses, ...(hits + misses ? { 'cache.hitRatio': hits / (hits + misses) } : {}) } };
  },
  thresholds: [{ trend: groupDuration(GROUP), expr: 'p95 < 50ms' }],
});
