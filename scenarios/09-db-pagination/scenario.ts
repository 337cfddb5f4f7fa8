import { type HttpClient, type IterationContext, defineScenario, groupDuration } from '@lab/engine';

const PAGE_SIZE = 20;
const TOTAL_RECORDS = 100_000;
const TOTAL_PAGES = TOTAL_RECORDS / PAGE_SIZE;
/** Shallow: pages 1–50; deep: the last 51 pages. Cursors address the same rows: (page − 1) × 20. */
const SHALLOW = { first: 1, last: 50 };
const DEEP = { first: TOTAL_PAGES - 50, last: TOTAL_PAGES };

const G = {
  offset: 'OFFSET pagination',
  cursor: 'Cursor pagination',
  offsetShallow: 'OFFSET pagination - shallow (pages 1-50)',
  offsetDeep: 'OFFSET pagination - deep (pages 4950-5000)',
  cursorShallow: 'Cursor pagination - shallow (rows 1-1000)',
  cursorDeep: 'Cursor pagination - deep (rows 99001-100000)',
} as const;

type Ctx = Pick<IterationContext, 'check' | 'group'> & { http: HttpClient };

async function offsetPage({ http, check, group }: Ctx, name: string, page: number): Promise<void> {
  await group(name, async () => {
    const res = await http.get(`/users/offset?page=${page}&size=${PAGE_SIZE}`, { endpoint: 'users.offset' });
    const body = res.json();
    check('offset status 200', res.status === 200);
    check('offset has items', Array.isArray(body?.items) && body.items.length > 0);
    check('offset has total', body?.total === TOTAL_RECORDS);
  });
}

async function cursorPage({ http, check, group }: Ctx, name: string, cursor: number): Promise<void> {
  await group(name, async () => {
    const res = await http.get(`/users/cursor?cursor=${cursor}&size=${PAGE_SIZE}`, { endpoint: 'users.cursor' });
    const body = res.json();
    check('cursor status 200', res.status === 200);
    check('cursor has items', Array.isArray(body?.items) && body.items.length > 0);
  });
}

/** 09 — OFFSET vs keyset pagination on 100,000 rows: random, shallow and deep pages. */
export default defineScenario({
  id: '09-db-pagination',
  title: 'OFFSET vs cursor pagination',
  category: 'db-advanced',
  description:
    'OFFSET vs keyset pagination over users_pagination (100,000 rows): uniformly random pages as in the original, plus shallow and deep pages measured separately.',
  endpoints: ['users.offset', 'users.cursor'],
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration(ctx, { random }) {
    await offsetPage(ctx, G.offset, random.int(1, TOTAL_PAGES));
    await cursorPage(ctx, G.cursor, random.int(0, TOTAL_RECORDS - PAGE_SIZE));
    await offsetPage(ctx, G.offsetShallow, random.int(SHALLOW.first, SHALLOW.last));
    await offsetPage(ctx, G.offsetDeep, random.int(DEEP.first, DEEP.last));
    await cursorPage(ctx, G.cursorShallow, (random.int(SHALLOW.first, SHALLOW.last) - 1) * PAGE_SIZE);
    await cursorPage(ctx, G.cursorDeep, (random.int(DEEP.first, DEEP.last) - 1) * PAGE_SIZE);
  },
  thresholds: [
    { trend: groupDuration(G.offset), expr: 'p95 < 500ms' },
    { trend: groupDuration(G.cursor), expr: 'p95 < 200ms' },
  ],
  hypotheses: [
    {
      id: 'deep-offset-slower-than-deep-cursor',
      statement: 'On the last pages, OFFSET is at least 3× slower than a cursor (p50 latency)',
      metric: 'p50',
      compare: { a: G.offsetDeep, b: G.cursorDeep },
      expectRatioAtLeast: 3,
    },
    {
      id: 'offset-depth-penalty',
      statement: 'OFFSET on deep pages is at least 3× slower than on shallow pages (p50 latency)',
      metric: 'p50',
      compare: { a: G.offsetDeep, b: G.offsetShallow },
      expectRatioAtLeast: 3,
    },
  ],
});
