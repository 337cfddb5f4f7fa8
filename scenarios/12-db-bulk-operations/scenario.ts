import { type HttpClient, defineScenario, groupDuration } from '@lab/engine';

const COUNT = 1000;

/** One strategy: the group, its endpoint, its check prefix, whether it needs seeded rows first. */
interface Strategy {
  group: string;
  op: string;
  prefix: string;
  /** Updates need COUNT rows to update: inserted (unmeasured) before the group. */
  seeded: boolean;
  /** The original checked `count === 1000` on inserts only. */
  checksCount: boolean;
  p95Ms: number;
}

const STRATEGIES: readonly Strategy[] = [
  { group: 'A. Individual INSERT', op: 'insert-individual', prefix: 'individual insert', seeded: false, checksCount: true, p95Ms: 30_000 },
  { group: 'B. Batch INSERT', op: 'insert-batch', prefix: 'batch insert', seeded: false, checksCount: true, p95Ms: 1000 },
  { group: 'C. Raw INSERT', op: 'insert-raw', prefix: 'raw insert', seeded: false, checksCount: true, p95Ms: 500 },
  { group: 'D. Individual UPDATE', op: 'update-individual', prefix: 'individual update', seeded: true, checksCount: false, p95Ms: 30_000 },
  { group: 'E. Bulk UPDATE', op: 'update-bulk', prefix: 'bulk update', seeded: true, checksCount: false, p95Ms: 1000 },
];

/** Unmeasured preparation: an empty table, plus COUNT rows when the strategy updates. A failure throws (the iteration is counted as failed). */
async function prepare(http: HttpClient, seeded: boolean): Promise<void> {
  const clean = await http.del('/bulk-operations/cleanup', { endpoint: 'bulk.cleanup', measure: false });
  if (!clean.ok) throw new Error(`cleanup answered ${clean.status}`);
  if (!seeded) return;
  const seed = await http.post(`/bulk-operations/insert-raw?count=${COUNT}`, undefined, { endpoint: 'bulk.insert-raw', measure: false });
  if (!seed.ok) throw new Error(`seeding insert-raw answered ${seed.status}`);
}

/** 12 — 1,000 rows inserted/updated row by row vs batched vs one statement, one strategy at a time. */
export default defineScenario({
  id: '12-db-bulk-operations',
  title: 'Bulk insert and update strategies',
  category: 'db-advanced',
  description:
    '1,000 rows inserted row by row (1,000 commits), batched, or in one statement; updated row by row or in one statement. One VU, so each strategy runs alone on a freshly truncated table.',
  endpoints: ['bulk.cleanup', ...STRATEGIES.map((s) => `bulk.${s.op}`)],
  load: { kind: 'closed', vus: 1, durationMs: 30_000 },
  needs: { postgres: true },
  async setup({ http }) {
    await http.del('/bulk-operations/cleanup');
  },
  async teardown({ http }) {
    await http.del('/bulk-operations/cleanup');
  },
  async iteration({ http, check, group, record }) {
    for (const s of STRATEGIES) {
      await prepare(http, s.seeded);
      await group(s.group, async () => {
        const res = await http.post(`/bulk-operations/${s.op}?count=${COUNT}`, undefined, { endpoint: `bulk.${s.op}` });
        const body = res.json();
        check(`${s.prefix} status 200`, res.status === 200);
        if (s.checksCount) check(`${s.prefix} count match`, body?.count === COUNT);
        if (typeof body?.elapsed_ms === 'number') record('server_elapsed_ms', body.elapsed_ms);
      });
    }
  },
  thresholds: STRATEGIES.map((s) => ({ trend: groupDuration(s.group), expr: `p95 < ${s.p95Ms}ms` })),
  hypotheses: [
    {
      id: 'batch-beats-individual-insert',
      statement: 'A batched insert is at least 10× faster than 1,000 single-row commits (p50 latency of A ÷ B)',
      metric: 'p50',
      compare: { a: 'A. Individual INSERT', b: 'B. Batch INSERT' },
      expectRatioAtLeast: 10,
    },
  ],
});
