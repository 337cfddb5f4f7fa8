import { mentionsTable, statementKind, type StatementStat } from './database';

// How the gate recognises a technique in pg_stat_statements' text. Every stack words the same
// statement differently (quoting, schema prefixes, `$n` or `%s` placeholders normalised to `$n`,
// upper or lower case, a trailing semicolon), so each matcher looks only at the keywords that
// carry the technique.

/**
 * A row lock: `SELECT … FOR UPDATE` or `FOR NO KEY UPDATE` (optionally `OF …`, `NOWAIT`,
 * `SKIP LOCKED`), as node-postgres, Prisma's `$queryRaw`, SQLAlchemy's `with_for_update()`,
 * Django's `select_for_update()`, ActiveRecord's `lock` and pgx send it.
 */
export function locksRows(query: string): boolean {
  return statementKind(query) === 'SELECT' && /\bfor\s+(?:no\s+key\s+)?update\b/i.test(query);
}

/**
 * A SERIALIZABLE transaction: `BEGIN [TRANSACTION] ISOLATION LEVEL SERIALIZABLE` (node-postgres,
 * asyncpg, pgx), `START TRANSACTION ISOLATION LEVEL SERIALIZABLE`, `SET TRANSACTION ISOLATION
 * LEVEL SERIALIZABLE` after BEGIN (Prisma's pg adapter, ActiveRecord, Django),
 * `SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE`, or
 * `SET [LOCAL] default_transaction_isolation|transaction_isolation = 'serializable'`.
 */
export function setsSerializable(query: string): boolean {
  return /\bisolation\s+level\s+serializable\b/i.test(query) || /\b(?:default_)?transaction_isolation\s*(?:=|\bto\b)\s*'?serializable\b/i.test(query);
}

/**
 * A keyset predicate on `column`: `id > $1` in any quoting (`"users_pagination"."id" > $1`,
 * `users_pagination.id > $1::INTEGER`), also `>=`.
 */
export function hasKeysetPredicate(query: string, column = 'id'): boolean {
  return new RegExp(`\\b${column}"?\\s*>=?\\s*(?:\\$\\d+|\\d+|\\()`, 'i').test(query);
}

/** SELECT statements that mention one of `tables`. */
export function selectsOn(statements: readonly StatementStat[], tables: readonly string[]): StatementStat[] {
  return statements.filter((s) => statementKind(s.query) === 'SELECT' && mentionsTable(s.query, tables));
}

/** Total calls of the statements `match` accepts. */
export function callsOf(statements: readonly StatementStat[], match: (query: string) => boolean): number {
  return statements.filter((s) => match(s.query)).reduce((sum, s) => sum + s.calls, 0);
}
