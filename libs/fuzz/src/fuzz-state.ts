import pg from 'pg';
import type { EndpointDef } from '@lab/contract';
import type { FuzzRequest } from './fuzz-request';
import type { FuzzReply } from './judge';

/** A request that puts back what the fuzz stage changed, and the statuses that mean it worked. */
export interface RestoreStep {
  method: string;
  path: string;
  ok: number[];
}

/**
 * What the fuzz stage changed on the server, learnt from the answers: users it created, and the
 * endpoint groups whose state it may have touched (stocks, bulk rows, Redis keys).
 */
export class FuzzState {
  /** Users the stage created and has not deleted. */
  readonly createdUserIds = new Set<number>();
  private readonly touched = new Set<string>();

  /** Records the effect of one answered request. */
  observe(request: FuzzRequest, def: EndpointDef | undefined, reply: FuzzReply): void {
    if (!def) return;
    this.touched.add(def.group);
    if (def.id === 'users.create' && reply.status >= 200 && reply.status < 300) {
      const id = idOf(reply.bodyText);
      if (id !== null) this.createdUserIds.add(id);
    }
    if (def.id === 'users.delete' && reply.status === 204) {
      const id = Number(/\/users\/(\d+)$/.exec(request.path)?.[1]);
      this.createdUserIds.delete(id);
    }
  }

  /**
   * The requests that restore the seeded state, as the gate's own checks do: delete the users the
   * stage created, reset the stocks, truncate the bulk rows, flush Redis, each only when needed.
   */
  restoreSteps(): RestoreStep[] {
    const steps: RestoreStep[] = [...this.createdUserIds].map((id) => ({ method: 'DELETE', path: `/users/${id}`, ok: [204, 404] }));
    if (this.touched.has('transactions')) steps.push({ method: 'POST', path: '/transactions/reset', ok: [200] });
    if (this.touched.has('bulk')) steps.push({ method: 'DELETE', path: '/bulk-operations/cleanup', ok: [200] });
    if (this.touched.has('caching') || this.touched.has('auth')) steps.push({ method: 'DELETE', path: '/cache/flush', ok: [200] });
    return steps;
  }
}

function idOf(bodyText: string): number | null {
  try {
    const id = (JSON.parse(bodyText) as { id?: unknown }).id;
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** Tables the API can change, with what identifies their content (timestamps the API rewrites left out). */
const MUTABLE_TABLES: Record<string, string> = {
  users: "concat_ws('|', id, name, email, created_at)",
  products: "concat_ws('|', id, name, stock, version)",
  bulk_items: "concat_ws('|', id, name, value)",
};

/** Row count and content hash of every table the API can change. */
export type Fingerprint = Record<string, string>;

/** Reads the fingerprint of the database at `databaseUrl`. */
export async function fingerprint(databaseUrl: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Fingerprint = {};
    for (const [table, row] of Object.entries(MUTABLE_TABLES)) {
      const res = await client.query(`SELECT count(*)::text AS n, coalesce(md5(string_agg(${row}, ',' ORDER BY id)), '-') AS h FROM ${table}`);
      out[table] = `${res.rows[0].n} rows, md5 ${res.rows[0].h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** The tables whose fingerprint differs, as `table: before → after`. */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t] ?? 'missing'}`);
}
