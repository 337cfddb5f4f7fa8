import { defineScenario, groupDuration } from '@lab/engine';

const GROUP = 'With Cache (Hit/Miss)';

/** Users 1–100 are cached in setup and stay cached: every lookup of them is a hit. */
export const WARM_USERS = 100;
/** Users 101–1000 are cold: every lookup of one is a miss (its key is deleted again after the read). */
export const ALL_USERS = 1000;
/** The declared share of lookups that go to a warm user: the hit ratio, whatever the server's speed. */
export const HIT_RATIO = 0.1;
/** Cold users per VU: each VU owns a disjoint slice of 101–1000, so no VU can warm another's key. */
const MAX_VUS = 10;
const COLD_PER_VU = (ALL_USERS - WARM_USERS) / MAX_VUS;

/** 15 — cache-aside at a fixed 10 % hit ratio: hits on warm keys, misses that fill and are evicted again. */
export default defineScenario({
  id: '15-with-cache',
  title: 'Cache-aside, 10 % hits',
  category: 'caching',
  description:
    'Cache-aside lookups: 10 % of random warm users (1–100, cached in setup), 90 % of cold users (101–1000) whose key is deleted again after the read, so the hit ratio is 10 % at any speed.',
  endpoints: ['cache.flush', 'cache.warmup', 'cache.users.cached', 'cache.users.delete'],
  load: { kind: 'closed', vus: MAX_VUS, durationMs: 30_000 },
  needs: { postgres: true, redis: true },
  async setup({ http }) {
    const flush = await http.del('/cache/flush');
    if (!flush.ok) throw new Error(`DELETE /cache/flush answered ${flush.status}: is Redis running?`);
    const warm = await http.post(`/cache/warmup?count=${WARM_USERS}`);
    if (!warm.ok) throw new Error(`POST /cache/warmup answered ${warm.status}`);
  },
  async iteration({ http, check, group, count }, vu) {
    const hit = vu.random.next() < HIT_RATIO;
    // A VU's cold keys are its own: (id − 1) mod MAX_VUS picks the slice, so two VUs never share one.
    const slot = (vu.id - 1) % MAX_VUS;
    const id = hit ? vu.random.int(1, WARM_USERS) : WARM_USERS + 1 + slot * COLD_PER_VU + vu.random.int(0, COLD_PER_VU - 1);
    await group(GROUP, async () => {
      const res = await http.get(`/cache/users/${id}/cached`, { endpoint: 'cache.users.cached' });
      const source = res.json()?.source;
      check('status 200', res.status === 200);
      check('source as scheduled', source === (hit ? 'cache' : 'database'));
      if (source === 'cache' || source === 'database') count(`source.${source}`);
    });
    // Evict the key the miss just filled (unmeasured), so the next lookup of it is a miss again.
    if (!hit) await http.del(`/cache/users/${id}`, { endpoint: 'cache.users.delete', measure: false });
  },
  async teardown({ http, counters }) {
    await http.del('/cache/flush');
    const hits = counters['source.cache'] ?? 0;
    const misses = counters['source.database'] ?? 0;
    return {
      extras: {
        'cache.hits': hits,
        'cache.misses': misses,
        'cache.declaredHitRatio': HIT_RATIO,
        ...(hits + misses ? { 'cache.hitRatio': hits / (hits + misses) } : {}),
      },
    };
  },
  thresholds: [{ trend: groupDuration(GROUP), expr: 'p95 < 50ms' }],
});
