import type { TimelinePoint } from '@lab/engine';
import type { Role, RunTimeline } from '@lab/results';
import type { RoleSampling, RolesSample } from './sample-roles';

/** A boundary of a second is read from the sample nearest to it, if that is within this many ms. */
const BOUNDARY_TOLERANCE_MS = 500;

/**
 * A run's per-second timeline for the result file: the whole seconds of the measured window
 * (⌊durationMs / 1000⌋; a partial last second would read as a slump), traffic from the driver's
 * timeline (seconds it has no entry for had no completed request), and per role the CPU over
 * each second (CPU-seconds between the samples nearest its two boundaries, over their distance:
 * busy cores, to 0.01) and the RSS at its end (the sample nearest it). Sampling starts just
 * before the load, so second k of the samples is second k of the driver to within the driver's
 * set-up time. Undefined for a run shorter than one second, or with neither traffic nor samples.
 */
export function toRunTimeline(durationMs: number, traffic: readonly TimelinePoint[] | undefined, sampling: RoleSampling | undefined): RunTimeline | undefined {
  const seconds = Math.floor(durationMs / 1000);
  if (seconds < 1) return undefined;
  const out: RunTimeline = { seconds, cpuCores: {}, rssBytes: {} };
  if (traffic && traffic.length > 0) {
    const bySecond = new Map(traffic.map((p) => [p.second, p]));
    const column = (pick: (p: TimelinePoint) => number | null, empty: number | null) =>
      Array.from({ length: seconds }, (_, k) => (bySecond.has(k) ? pick(bySecond.get(k)!) : empty));
    // Drivers write 0 for a second without an answered request; a recorded latency is at least 1 µs.
    const answered = (v: number) => (v > 0 ? Math.round(v) : null);
    out.requests = column((p) => p.requests, 0) as number[];
    out.errors = column((p) => p.errors, 0) as number[];
    out.p50Us = column((p) => answered(p.p50Us), null);
    out.p99Us = column((p) => answered(p.p99Us), null);
  }
  const samples = (sampling?.samples ?? []).filter((s): s is RolesSample => s !== null);
  const roles = [...new Set(samples.flatMap((s) => Object.keys(s.roles) as Role[]))].sort();
  if (!out.requests && roles.length === 0) return undefined;
  const nearest = (atMs: number) => {
    let best: RolesSample | undefined;
    for (const s of samples) if (!best || Math.abs(s.atMs - atMs) < Math.abs(best.atMs - atMs)) best = s;
    return best && Math.abs(best.atMs - atMs) <= BOUNDARY_TOLERANCE_MS ? best : undefined;
  };
  const boundaries = Array.from({ length: seconds + 1 }, (_, k) => nearest(k * 1000));
  for (const role of roles) {
    out.cpuCores[role] = Array.from({ length: seconds }, (_, k) => {
      const a = boundaries[k];
      const b = boundaries[k + 1];
      const from = a?.roles[role];
      const to = b?.roles[role];
      if (!a || !b || !from || !to || b.atMs <= a.atMs) return null;
      return Math.round((Math.max(0, to.cpuSeconds - from.cpuSeconds) / ((b.atMs - a.atMs) / 1000)) * 100) / 100;
    });
    out.rssBytes[role] = Array.from({ length: seconds }, (_, k) => {
      const reading = boundaries[k + 1]?.roles[role];
      return reading ? Math.round(reading.rssBytes) : null;
    });
  }
  return out;
}
