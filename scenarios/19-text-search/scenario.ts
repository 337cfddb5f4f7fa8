import { defineScenario, groupDuration } from '@lab/engine';

/**
 * The seed's vocabulary (libs/contract/sql/seed.sql): every post names one of 8 topics (~12.5 %
 * of posts each); 'zeppelin' (~0.75 %) and 'quasar' (~0.5 %) are rare.
 */
const COMMON = ['database', 'performance', 'framework', 'latency', 'throughput', 'caching', 'concurrency', 'scalability'] as const;
const RARE = ['zeppelin', 'quasar'] as const;
const LIMIT = 20;

const SEARCHES = [
  { group: 'A. LIKE - common term', kind: 'like', terms: COMMON },
  { group: 'B. LIKE - rare term', kind: 'like', terms: RARE },
  { group: 'C. Full-text - common term', kind: 'fulltext', terms: COMMON },
  { group: 'D. Full-text - rare term', kind: 'fulltext', terms: RARE },
] as const;

/** 19 — substring search (ILIKE) vs full-text search (tsvector + GIN) for common and rare terms. */
export default defineScenario({
  id: '19-text-search',
  title: 'Text search: LIKE vs full-text',
  category: 'real-world',
  description: 'Search posts (~10,000) for a common topic word or a rare word, with ILIKE substring matching or a GIN-indexed tsvector; 20 results.',
  endpoints: ['search.like', 'search.fulltext'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check, group }, vu) {
    for (const s of SEARCHES) {
      const term = vu.random.pick(s.terms);
      await group(s.group, async () => {
        const res = await http.get(`/search/${s.kind}?q=${term}&limit=${LIMIT}`, { endpoint: `search.${s.kind}` });
        const body = res.json();
        check(`${s.kind} status 200`, res.status === 200);
        check(`${s.kind} has results`, Array.isArray(body) && body.length > 0);
      });
    }
  },
  thresholds: ['errors < 1%', 'checks > 99%', ...SEARCHES.map((s) => ({ trend: groupDuration(s.group), expr: 'p95 < 500ms' }))],
  hypotheses: [
    {
      id: 'fulltext-wins-on-rare-terms',
      statement: 'For a rare term, ILIKE (which scans until 20 matches) is at least 2× slower than the GIN index (p50 latency)',
      metric: 'p50',
      compare: { a: 'B. LIKE - rare term', b: 'D. Full-text - rare term' },
      expectRatioAtLeast: 2,
    },
    {
      id: 'like-rare-vs-common',
      statement: 'ILIKE slows down when matches are rare (p50 of rare ÷ common)',
      metric: 'p50',
      compare: { a: 'B. LIKE - rare term', b: 'A. LIKE - common term' },
    },
  ],
});
