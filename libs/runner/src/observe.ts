import { assessMemoryTrend, type DriverResult, type MemorySample, type ObserveSpec } from '@lab/engine';
import { sampleProcessTree } from '@lab/isolation';
import pg from 'pg';

/** Scalars a run observed beside the load (the result's `extras` take only scalars). */
export type Observed = Record<string, number | string | boolean>;

/** A running observation of one measured run; `finish` stops it and returns its figures. */
export interface Observation {
  finish(result: DriverResult): Promise<Observed>;
}

/**
 * Starts what the scenario's `observe` asks for, just before the measured load:
 * `serverMemory` samples the server tree's RSS every `intervalMs` (default 1000) and judges it
 * with `assessMemoryTrend` → `serverMemory.*`; `queriesPerRequest` resets pg_stat_statements on
 * the run's database and afterwards reports its statements and the requests of the listed
 * endpoints → `queriesPerRequest.statements` / `.requests` (pooled across runs by the runner).
 */
export async function startObservation(spec: ObserveSpec | undefined, target: { serverPid: number; databaseUrl: string }): Promise<Observation> {
  const memory = spec?.serverMemory ? watchMemory(target.serverPid, typeof spec.serverMemory === 'object' ? spec.serverMemory : {}) : undefined;
  const queries = spec?.queriesPerRequest;
  if (queries) await statements(target.databaseUrl, 'SELECT pg_stat_statements_reset()');
  return {
    async finish(result) {
      const observed: Observed = { ...(await memory?.stop()) };
      if (queries) {
        const rows = await statements(
          target.databaseUrl,
          `SELECT coalesce(sum(calls), 0)::bigint AS calls FROM pg_stat_statements
           WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
        );
        observed['queriesPerRequest.statements'] = Number(rows[0]?.calls ?? 0);
        observed['queriesPerRequest.requests'] = queries.endpoints.reduce((sum, id) => sum + (result.endpoints[id]?.requests ?? 0), 0);
      }
      return observed;
    },
  };
}

function watchMemory(pid: number, opts: { intervalMs?: number; leak?: Parameters<typeof assessMemoryTrend>[1] }) {
  const samples: MemorySample[] = [];
  const started = performance.now();
  const sample = async () => {
    const tree = await sampleProcessTree(pid);
    if (tree.pids.length > 0) samples.push({ atMs: performance.now() - started, rssBytes: tree.rssBytes });
  };
  void sample();
  const timer = setInterval(() => void sample(), opts.intervalMs ?? 1000);
  return {
    async stop(): Promise<Observed> {
      clearInterval(timer);
      await sample();
      const trend = assessMemoryTrend(samples, opts.leak ?? {});
      const out: Observed = { 'serverMemory.verdict': trend.verdict, 'serverMemory.samples': trend.samples };
      for (const key of ['slopeBytesPerMin', 'growthBytes', 'startBytes', 'endBytes'] as const) {
        const value = trend[key];
        if (value !== null) out[`serverMemory.${key}`] = Math.round(value);
      }
      return out;
    },
  };
}

async function statements(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The cell's observed extras: the last run's memory figures, leak runs counted, queries pooled over runs. */
export function cellObserved(runs: readonly Observed[]): Observed {
  const out: Observed = {};
  const last = runs[runs.length - 1] ?? {};
  for (const [key, value] of Object.entries(last)) if (key.startsWith('serverMemory.')) out[key] = value;
  if (runs.some((r) => 'serverMemory.verdict' in r)) out['serverMemory.leakRuns'] = runs.filter((r) => r['serverMemory.verdict'] === 'leak').length;
  const statementsRun = runs.filter((r) => typeof r['queriesPerRequest.statements'] === 'number');
  if (statementsRun.length > 0) {
    const total = (key: string) => statementsRun.reduce((sum, r) => sum + (r[key] as number), 0);
    const requests = total('queriesPerRequest.requests');
    out['queriesPerRequest.statements'] = total('queriesPerRequest.statements');
    out['queriesPerRequest.requests'] = requests;
    if (requests > 0) out['queriesPerRequest.all'] = Number((total('queriesPerRequest.statements') / requests).toFixed(3));
  }
  return out;
}
