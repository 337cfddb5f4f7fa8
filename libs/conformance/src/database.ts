import pg from 'pg';

// Values arrive as the API should render them: timestamps and dates as text (compared as
// instants), bigint counts and numeric averages as numbers.
const RAW_TEXT = new Set([1082, 1114, 1184]);
const AS_NUMBER = new Set([20, 1700]);

function getTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (RAW_TEXT.has(oid)) return (v) => v;
  if (AS_NUMBER.has(oid)) return (v) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text');
}

/** One pg_stat_statements entry seen while an action ran. */
export interface StatementStat {
  /** The normalised text (constants as `$n`), as pg_stat_statements stores it. */
  query: string;
  calls: number;
  /** Rows returned or affected, summed over the calls. */
  rows: number;
  /** Shared buffers hit or read by the calls' execution: how much of the tables they visited. */
  blocks: number;
}

/** Statement counts from pg_stat_statements for one database, by statement kind. */
export interface QueryCounts {
  /** Sum of `calls` over statements mentioning any of the given tables, by leading keyword. */
  byKind: Record<string, number>;
  /** Every counted statement with its calls (for messages). */
  statements: StatementStat[];
  /** Every statement the database saw during the action, whatever it mentions (SET, BEGIN …). */
  all: StatementStat[];
}

/** The leading keyword of a statement (`SELECT`, `BEGIN`, `SET` …), skipping a leading WITH clause. */
export function statementKind(query: string): string {
  return (/^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(query)?.[1] ?? '?').toUpperCase();
}

/** True when `query` mentions one of `tables` as a whole word (quoted or schema-qualified too). */
export function mentionsTable(query: string, tables: readonly string[]): boolean {
  return new RegExp(`\\b(${tables.map((t) => t.replace(/[^\w]/g, '')).join('|')})\\b`, 'i').test(query);
}

/** The gate's view of the implementation's database. */
export class Database {
  private readonly pool: pg.Pool;
  private statsReady: Promise<string | null> | null = null;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, types: { getTypeParser } as pg.CustomTypesConfig });
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params);
    return res.rows as T[];
  }

  /** Makes pg_stat_statements usable; resolves to a reason when it is not. */
  statementsUnavailable(): Promise<string | null> {
    this.statsReady ??= (async () => {
      try {
        await this.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
        await this.pool.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
        // Counting resets this database's entries first: that must be allowed too.
        await this.pool.query('SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    return this.statsReady;
  }

  /**
   * Resets this database's pg_stat_statements, runs `action`, then returns every statement it
   * saw meanwhile (except pg_stat_statements' own). Throws when pg_stat_statements is not usable.
   */
  async captureStatements(action: () => Promise<unknown>): Promise<StatementStat[]> {
    await this.pool.query('SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
    await action();
    const res = await this.pool.query<StatementStat>(
      `SELECT query, calls::int AS calls, rows::float8 AS rows, (shared_blks_hit + shared_blks_read)::float8 AS blocks
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return res.rows.filter((row) => !/pg_stat_statements/i.test(row.query));
  }

  /**
   * Resets this database's pg_stat_statements, runs `action`, then counts the statements that
   * mention one of `tables` (or COMMIT/BEGIN when `tables` includes them), by leading keyword.
   */
  async countStatements(tables: string[], action: () => Promise<unknown>): Promise<QueryCounts> {
    const all = await this.captureStatements(action);
    const byKind: Record<string, number> = {};
    const statements: StatementStat[] = [];
    for (const row of all) {
      const kind = statementKind(row.query);
      const isTxControl = ['BEGIN', 'COMMIT', 'START', 'ROLLBACK', 'END'].includes(kind);
      if (!isTxControl && !mentionsTable(row.query, tables)) continue;
      byKind[kind] = (byKind[kind] ?? 0) + row.calls;
      statements.push(row);
    }
    return { byKind, statements, all };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
