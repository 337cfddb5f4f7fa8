import { curlCommand, runFuzz, type FuzzFailure, type FuzzResult } from '@lab/fuzz';
import type { Interrupt } from '../cli/interrupt';
import type { Log } from '../cli/outcome';
import type { Paint } from '../cli/paint';
import type { VerifyFuzzFlags } from './verify-fuzz-flags';

/** What the fuzz stage needs of a launched implementation. */
export interface FuzzTarget {
  baseUrl: string;
  stack: { databaseUrl?: string | undefined };
}

/** Runs after the conformance checks, on the same live server: `{ fuzz }`, or 'interrupted'. */
export type FuzzStage = (target: FuzzTarget, interrupt: Interrupt) => Promise<{ fuzz: FuzzResult } | 'interrupted'>;

/** How often the stage reports progress on stderr. */
const PROGRESS_EVERY = 250;

/**
 * The `--fuzz` stage of `lab verify`: `runFuzz` against the live server with the flags' seed and
 * budget (the library's defaults otherwise), the `--only` filter, and the database fingerprinted
 * before and after.
 */
export function fuzzStage(flags: VerifyFuzzFlags, only: ((id: string) => boolean) | undefined, log: Log): FuzzStage {
  return async (target, interrupt) => {
    log(`lab: fuzzing ${target.baseUrl}${flags.seed === undefined ? '' : ` (seed ${flags.seed})`}`);
    const fuzz = await Promise.race([
      runFuzz({
        baseUrl: target.baseUrl,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        ...(flags.budget ? { budget: flags.budget } : {}),
        ...(only ? { only } : {}),
        ...(target.stack.databaseUrl ? { databaseUrl: target.stack.databaseUrl } : {}),
        onProgress: ({ done, planned, failures }) => {
          if (done % PROGRESS_EVERY === 0) log(`lab: fuzz ${done}/${planned} requests, ${failures} failure(s)`);
        },
      }),
      interrupt.signal.then(() => undefined),
    ]);
    return fuzz ? { fuzz } : 'interrupted';
  };
}

/** Failures shown per kind of breach on one endpoint; `--json` has them all. */
const SHOWN_PER_GROUP = 3;

function groupKey(f: FuzzFailure): string {
  return `${f.kind}|${f.request.method} ${f.request.template}|${f.status ?? '-'}`;
}

/**
 * The fuzz stage for people: a verdict line, then the failures by kind and endpoint, each as the
 * curl command that sends the request and the broken rule (at most 3 per kind, endpoint and status).
 */
export function renderFuzz(result: FuzzResult | undefined, paint: Paint, impl = '<impl>'): string[] {
  if (!result) return [];
  const verdict = result.passed ? paint.green('PASS') : paint.red('FAIL');
  const seconds = (result.durationMs / 1000).toFixed(1);
  const lines = [
    `${paint.bold('fuzz')}: ${verdict} — ${result.requests} requests (${result.regressionCases} regression cases) in ${seconds} s, seed ${result.seed}, ${result.failures.length} failure(s)${result.stoppedBy === 'requests' ? '' : `; stopped by ${result.stoppedBy}`}`,
  ];
  if (result.passed) return lines;
  const groups = new Map<string, FuzzFailure[]>();
  for (const f of result.failures) groups.set(groupKey(f), [...(groups.get(groupKey(f)) ?? []), f]);
  const byKind = new Map<string, number>();
  for (const f of result.failures) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  lines.push(`  by kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const [key, failures] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [kind] = key.split('|');
    for (const f of failures.slice(0, SHOWN_PER_GROUP)) {
      const tag = f.request.regression ? ' [regression]' : '';
      lines.push(
        `${paint.red(`fuzz[${kind}]`)}${tag} ${f.status ?? '—'} ${f.request.method} ${f.request.path.slice(0, 120)}: ${f.problem}${f.request.label ? paint.dim(` (${f.request.label})`) : ''}`,
      );
      lines.push(`  ${paint.dim(curlCommand(result.baseUrl, f.request))}`);
    }
    if (failures.length > SHOWN_PER_GROUP) lines.push(paint.dim(`  … ${failures.length - SHOWN_PER_GROUP} more like this (--json lists every failure)`));
  }
  const port = /:(\d+)$/.exec(result.baseUrl)?.[1];
  if (port) lines.push(paint.dim(`replay: lab up ${impl} --port ${port}, then run a curl line`));
  return lines;
}
