import { cellInterval } from './cell-interval';
import { decodeHistogram } from './histogram';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a schema-1 result file as schema 2 (before validation). What schema 1 did not record
 * becomes null (the preset, the gate, steal time, dropped and unmeasured requests, the mean
 * concurrency), so a report lists such cells but never ranks them; the estimate and interval
 * are recomputed from the run rates with today's method, because schema 1 labelled a
 * percentile bootstrap of the median as a 95 % CI even at 2 runs. Anything that is not
 * shaped like schema 1 is returned as it is, for the schema to report.
 */
export function upgradeV1(value: Json): Json {
  const out: Json = { ...value, schemaVersion: 2 };
  if (isObject(value.plan)) out.plan = { ...value.plan, preset: null, gated: null };
  if (Array.isArray(value.runs)) {
    const perRun = isObject(value.histograms) && Array.isArray(value.histograms.perRun) ? value.histograms.perRun : [];
    out.runs = value.runs.map((run, i) =>
      isObject(run)
        ? {
            ...run,
            stealCpuCores: null,
            droppedIterations: null,
            unmeasuredRequests: null,
            concurrency: null,
            perGroup: withP95(run.perGroup, histogramsOf(perRun[i], 'perGroupLatencyUs')),
            perEndpoint: withP95(run.perEndpoint, histogramsOf(perRun[i], 'perEndpointLatencyUs')),
          }
        : run,
    );
  }
  const rates = Array.isArray(value.runs) ? value.runs.map((r) => (isObject(r) ? r.ratePerSec : undefined)) : [];
  if (isObject(value.stats) && rates.length > 0 && rates.every((r): r is number => typeof r === 'number' && Number.isFinite(r))) {
    out.stats = { ...value.stats, ...cellInterval(rates) };
  }
  return out;
}

function histogramsOf(set: unknown, key: string): Json {
  return isObject(set) && isObject(set[key]) ? (set[key] as Json) : {};
}

/** Schema 1 had no p95 per group or endpoint: read it from the run's histogram where there is one, else null. */
function withP95(traffic: unknown, histograms: Json): unknown {
  if (!isObject(traffic)) return traffic;
  return Object.fromEntries(
    Object.entries(traffic).map(([key, t]) => {
      if (!isObject(t) || !isObject(t.latencyUs)) return [key, t];
      const encoded = histograms[key];
      let p95: number | null = null;
      try {
        if (typeof encoded === 'string') p95 = decodeHistogram(encoded).getValueAtPercentile(95);
      } catch {
        p95 = null;
      }
      return [key, { ...t, latencyUs: { ...t.latencyUs, p95 } }];
    }),
  );
}
