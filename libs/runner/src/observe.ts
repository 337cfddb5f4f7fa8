import { endpointById } from '@lab/contract';
import { assessMemoryTrend, type DriverResult, type MemorySample, type ObserveSpec, type SweepResult } from '@lab/engine';
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
 * endpoints → `queriesPerRequest.statements` / `.requests` (pooled across runs by the runner),
 * and, after the load, probes each listed endpoint on its own → `queriesPerRequest.<endpoint id>`.
 */
export async function startObservation(
  spec: ObserveSpec | undefined,
  target: { serverPid: number; databaseUrl: string; baseUrl?: string },
): Promise<Observation> {
  const memory = spec?.serverMemory ? watchMemory(target.serverPid, typeof spec.serverMemory === 'object' ? spec.serverMemory : {}) : undefined;
  const queries = spec?.queriesPerRequest;
  if (queries) await statements(target.databaseUrl, 'SELECT pg_stat_statements_reset()');
  return {
    async finish(result) {
      const observed: Observed = { ...(await memory?.stop()) };
      if (queries) {
        observed['queriesPerRequest.statements'] = await countStatements(target.databaseUrl);
        observed['queriesPerRequest.requests'] = queries.endpoints.reduce((sum, id) => sum + (result.endpoints[id]?.requests ?? 0), 0);
        if (target.baseUrl) Object.assign(observed, await probeQueriesPerEndpoint(target.baseUrl, target.databaseUrl, queries.endpoints));
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

/** Requests sent to each endpoint by {@link probeQueriesPerEndpoint}. */
const PROBE_REQUESTS = 5;

/**
 * Statements per request for each endpoint on its own, outside the measured load (a mixed run
 * cannot attribute statements to endpoints): reset pg_stat_statements, send PROBE_REQUESTS
 * sequential requests with the contract's default parameters, divide the statements this
 * database executed (transaction control and connection checks included: the database sees
 * them too) by the requests. Endpoints with path parameters or a request body are skipped.
 */
export async function probeQueriesPerEndpoint(baseUrl: string, databaseUrl: string, endpointIds: readonly string[]): Promise<Observed> {
  const out: Observed = {};
  for (const id of endpointIds) {
    const endpoint = endpointById(id);
    if (!endpoint || endpoint.path.includes('{') || endpoint.body) continue;
    await statements(databaseUrl, 'SELECT pg_stat_statements_reset()');
    for (let i = 0; i < PROBE_REQUESTS; i++) {
      const response = await fetch(new URL(endpoint.path, baseUrl), { method: endpoint.method });
      await response.arrayBuffer();
    }
    out[`queriesPerRequest.${id}`] = Number((Number(await countStatements(databaseUrl)) / PROBE_REQUESTS).toFixed(2));
  }
  return out;
}

async function countStatements(url: string): Promise<number> {
  const rows = await statements(
    url,
    `SELECT coalesce(sum(calls), 0)::bigint AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  return Number(rows[0]?.calls ?? 0);
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

/** A sweep's figures {@link processModelObserved} records per run, in {@link cellObserved}'s order. */
const SWEEP_KEYS = ['sweep.capacityRatePerSec', 'sweep.generatorStalled', 'sweep.retakes', 'sweep.generatorStallMs'] as const;

/**
 * What a process-model comparison needs from one run: the server tree's processes at the end of
 * the load (`serverTree.processes`), their summed RSS and peak RSS (`serverTree.rssBytes`,
 * `serverTree.hwmBytes`, bytes), and a sweep's outcome: its capacity (`sweep.capacityRatePerSec`,
 * requests per second; 0 when the first step already broke the SLO), whether the generator's own
 * stall ended it (`sweep.generatorStalled`: the capacity is then a lower bound), how many steps
 * were taken again after such a stall (`sweep.retakes`) and the generator's longest stall in any
 * step (`sweep.generatorStallMs`, ms; only when the driver watched it).
 */
export function processModelObserved(
  tree: { pids: readonly number[]; rssBytes: number; hwmBytes: number },
  sweep: Pick<SweepResult, 'capacityRatePerSec' | 'generatorStalled' | 'steps'> | undefined,
): Observed {
  const out: Observed = {};
  if (tree.pids.length > 0)
    Object.assign(out, { 'serverTree.processes': tree.pids.length, 'serverTree.rssBytes': tree.rssBytes, 'serverTree.hwmBytes': tree.hwmBytes });
  if (!sweep) return out;
  const stalls = sweep.steps.flatMap((s) => (s.generatorStallMs !== undefined ? [s.generatorStallMs] : []));
  Object.assign(out, {
    'sweep.capacityRatePerSec': sweep.capacityRatePerSec ?? 0,
    'sweep.generatorStalled': sweep.generatorStalled,
    'sweep.retakes': sweep.steps.filter((s, i) => i > 0 && s.targetRatePerSec === sweep.steps[i - 1]!.targetRatePerSec).length,
    ...(stalls.length > 0 ? { 'sweep.generatorStallMs': Math.round(Math.max(...stalls)) } : {}),
  });
  return out;
}

/**
 * The cell's observed extras: the last run's memory figures, leak runs counted, queries pooled
 * over runs, the last run's server tree, and every run's sweep outcome (`sweep.capacityRatePerSec.<run>`,
 * `sweep.generatorStalled.<run>`, `sweep.retakes.<run>`, `sweep.generatorStallMs.<run>`).
 */
export function cellObserved(runs: readonly Observed[]): Observed {
  const out: Observed = {};
  const last = runs[runs.length - 1] ?? {};
  for (const [key, value] of Object.entries(last)) if (key.startsWith('serverMemory.') || key.startsWith('serverTree.')) out[key] = value;
  runs.forEach((run, i) => {
    for (const key of SWEEP_KEYS) if (run[key] !== undefined) out[`${key}.${i}`] = run[key];
  });
  // Per-endpoint probes are deterministic: the first run's stand for the cell.
  for (const [key, value] of Object.entries(runs[0] ?? {})) {
    if (key.startsWith('queriesPerRequest.') && !['statements', 'requests', 'all'].includes(key.slice('queriesPerRequest.'.length))) out[key] = value;
  }
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
