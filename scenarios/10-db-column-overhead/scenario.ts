import { defineScenario, groupDuration } from '@lab/engine';

/** One group of the original, in the original order (INT last on purpose). */
interface Column {
  group: string;
  path: string;
  endpoint: string;
  prefix: string;
  /** The original checked that the row-width tables returned items. */
  hasItems: boolean;
  p95Ms: number;
}

const LIMIT = 100;
const COLUMNS: readonly Column[] = [
  { group: 'A. Column Count - Narrow (5)', path: '/column-overhead/narrow', endpoint: 'column-overhead.narrow', prefix: 'narrow', hasItems: true, p95Ms: 100 },
  { group: 'A. Column Count - Wide (20)', path: '/column-overhead/wide', endpoint: 'column-overhead.wide', prefix: 'wide', hasItems: true, p95Ms: 200 },
  {
    group: 'A. Column Count - Extra Wide (50)',
    path: '/column-overhead/extra-wide',
    endpoint: 'column-overhead.extra-wide',
    prefix: 'extra-wide',
    hasItems: true,
    p95Ms: 300,
  },
  {
    group: 'B. Data Type - VARCHAR',
    path: '/column-overhead/type/varchar',
    endpoint: 'column-overhead.type.varchar',
    prefix: 'varchar',
    hasItems: false,
    p95Ms: 100,
  },
  { group: 'B. Data Type - TEXT', path: '/column-overhead/type/text', endpoint: 'column-overhead.type.text', prefix: 'text', hasItems: false, p95Ms: 150 },
  { group: 'B. Data Type - JSONB', path: '/column-overhead/type/jsonb', endpoint: 'column-overhead.type.jsonb', prefix: 'jsonb', hasItems: false, p95Ms: 150 },
  {
    group: 'B. Data Type - TIMESTAMP',
    path: '/column-overhead/type/timestamp',
    endpoint: 'column-overhead.type.timestamp',
    prefix: 'timestamp',
    hasItems: false,
    p95Ms: 100,
  },
  { group: 'B. Data Type - UUID', path: '/column-overhead/type/uuid', endpoint: 'column-overhead.type.uuid', prefix: 'uuid', hasItems: false, p95Ms: 100 },
  { group: 'B. Data Type - INT', path: '/column-overhead/type/int', endpoint: 'column-overhead.type.int', prefix: 'int', hasItems: false, p95Ms: 100 },
];

/** 10 — the cost of row width and of column type, 100 rows per request. */
export default defineScenario({
  id: '10-db-column-overhead',
  title: 'Column count and data type overhead',
  category: 'db-advanced',
  description: 'First 100 rows of tables 5/20/49 columns wide, and of tables with five columns of one type (VARCHAR, TEXT, JSONB, TIMESTAMP, UUID, INT).',
  endpoints: COLUMNS.map((c) => c.endpoint),
  load: { kind: 'closed', vus: 10, durationMs: 30_000 },
  needs: { postgres: true },
  async iteration({ http, check, group }) {
    for (const c of COLUMNS) {
      await group(c.group, async () => {
        const res = await http.get(`${c.path}?limit=${LIMIT}`, { endpoint: c.endpoint });
        check(`${c.prefix} status 200`, res.status === 200);
        if (c.hasItems) {
          const body = res.json();
          check(`${c.prefix} has items`, Array.isArray(body) && body.length > 0);
        }
      });
    }
  },
  thresholds: COLUMNS.map((c) => ({ trend: groupDuration(c.group), expr: `p95 < ${c.p95Ms}ms` })),
});
