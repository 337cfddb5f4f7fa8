import { isObject } from '../compare';
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
