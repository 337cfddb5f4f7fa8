import { isObject } from '../compare';
import type { CheckContext } from '../check';
import type { Exchange } from '../exchange';

/** The reply's body as an object, or null (the contract schema problem is already recorded). */
export function objectBody(reply: Exchange | null): Record<string, unknown> | null {
  return reply && isObject(reply.body) ? reply.body : null;
}

/** The reply's body as an array of objects, or null. */
export function arrayBody(reply: Exchange | null): Record<string, unknown>[] | null {
  return reply && Array.isArray(reply.body) ? (reply.body as Record<string, unknown>[]) : null;
}

/** The `id` of every element. */
export function ids(rows: ReadonlyArray<Record<string, unknown>>): unknown[] {
  return rows.map((r) => r.id);
}

/** True when `values` is strictly increasing. */
export function strictlyIncreasing(values: unknown[]): boolean {
  return values.every((v, i) => i === 0 || (v as number) > (values[i - 1] as number));
}

/** Runs `tasks` with at most `inFlight` at a time, returning results in order. */
export async function pooled<T>(count: number, inFlight: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(inFlight, count) }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** The `detail` of an error body when it is a string. */
export function detailOf(reply: Exchange | null): unknown {
  return objectBody(reply)?.detail;
}

/** A unique suffix for rows a check creates. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * True when pg_stat_statements can be read. Otherwise records an error `<check>.unavailable`:
 * a gate that cannot see the statements must not pass an implementation on their account.
 */
export async function statementsUsable(ctx: CheckContext, endpoint: string): Promise<boolean> {
  const unavailable = ctx.db ? await ctx.db.statementsUnavailable() : 'no databaseUrl';
  if (unavailable) ctx.fail('unavailable', endpoint, `pg_stat_statements is not usable, so statements cannot be checked: ${unavailable}`);
  return unavailable === null;
}

/** The statements of a problem's `actual`: text shortened, with their calls. */
export function statementList(statements: ReadonlyArray<{ query: string; calls: number }>): Array<{ query: string; calls: number }> {
  return statements.map((s) => ({ query: s.query.length > 160 ? `${s.query.slice(0, 160)}…` : s.query, calls: s.calls }));
}
