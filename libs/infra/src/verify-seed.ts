import { seedRowCounts, type TableName } from '@lab/contract';
import { withClient } from './pg-admin';

/** One table whose row count differs from the seed's (`actual` is null when the table is missing). */
export interface SeedMismatch {
  table: TableName;
  expected: number;
  actual: number | null;
}

/**
 * Compares the row count of every table in the database at `databaseUrl` with `seedRowCounts`
 * (`libs/contract/src/seed-counts.ts`). Returns the mismatches: `[]` means a freshly seeded database.
 */
export async function verifySeed(databaseUrl: string): Promise<SeedMismatch[]> {
  return withClient(databaseUrl, async (client) => {
    const mismatches: SeedMismatch[] = [];
    for (const [table, expected] of Object.entries(seedRowCounts) as [TableName, number][]) {
      const exists = await client.query('SELECT to_regclass($1) AS oid', [`public.${table}`]);
      const actual = exists.rows[0]?.oid ? Number((await client.query(`SELECT count(*) AS n FROM public.${table}`)).rows[0]?.n) : null;
      if (actual !== expected) mismatches.push({ table, expected, actual });
    }
    return mismatches;
  });
}
