import { endpointGroups, endpoints } from '@lab/contract';
import { runConformance, type ConformanceReport } from '@lab/conformance';
import type { FuzzResult } from '@lab/fuzz';
import { loadManifests, type ImplEntry, type Variant } from '@lab/manifest';
import { toErrorView, usageError, type ErrorView } from '../cli/errors';
import { EXIT, type ExitCode } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { CommandConfig } from '../cli/normalize-config';
import type { Log, Outcome } from '../cli/outcome';
import { factsOf, mergeFacts, readFacts, writeFacts } from '../facts/implementation-facts';
import { ensureBuilt } from '../launch/ensure-built';
import { launchImpl } from '../launch/launch-impl';
import { manifestError, requireImpl, requireVariant } from './select-impl';
import { fuzzStage, renderFuzz, type FuzzStage } from './verify-fuzz';
import { renderVerifyReport } from './verify-report';

type VerifyConfig = Extract<CommandConfig, { name: 'verify' }>;

/** One implementation's verdict: its report, or the setup error that prevented one. */
export interface VerifyResult {
  impl: string;
  variant: string | null;
  report?: ConformanceReport;
  /** With `--fuzz`: what the fuzz stage found after the conformance checks. */
  fuzz?: FuzzResult;
  error?: ErrorView;
}

/**
 * `lab verify <impl> | --all`: for each implementation, fresh services and a live server,
 * then the conformance checks (with `--fuzz`, then the fuzz stage on the same server). `--all`
 * keeps going past a broken implementation. Exit 0 when everything passed, 1 on a conformance
 * or fuzz failure, 3 when an implementation could not be set up.
 */
export async function runVerify(workspace: string, cfg: VerifyConfig, log: Log, interrupt: Interrupt): Promise<Outcome> {
  const loaded = loadManifests(workspace);
  const only = endpointFilter(cfg.only);
  const targets = selectTargets(loaded, cfg);
  const results: VerifyResult[] = [];
  const built = new Map<string, ErrorView | undefined>();
  for (const { impl, variant } of targets) {
    if (!built.has(impl.id)) built.set(impl.id, await ensureBuilt(workspace, impl.id, log).then(() => undefined, toErrorView));
    const buildError = built.get(impl.id);
    if (buildError) {
      results.push({ impl: impl.id, variant: variant?.id ?? null, error: buildError });
      continue;
    }
    const result = await verifyOne(impl, variant, only, log, interrupt, cfg.fuzz ? fuzzStage(cfg.fuzz, only, log) : undefined);
    if (result === 'interrupted') return { exitCode: EXIT.interrupted };
    results.push(result);
  }
  if (cfg.writeFacts) saveFacts(workspace, results, log);
  const single = cfg.impl === undefined ? undefined : results[0];
  if (single?.error) return { exitCode: single.error.exitCode, error: single.error };
  const manifestProblems = cfg.impl === undefined && loaded.problems.length ? toErrorView(manifestError(loaded.problems)) : undefined;
  return {
    exitCode: exitCodeOf(results, manifestProblems !== undefined),
    json: single ? (single.fuzz ? { ...single.report, fuzz: single.fuzz } : single.report) : results,
    text: (paint) =>
      results.length === 0
        ? ['lab verify: no implementations to verify']
        : results.flatMap((r) => {
            const title = r.variant ? `${r.impl} (${r.variant})` : r.impl;
            return r.report
              ? [...renderVerifyReport(title, r.report, paint), ...renderFuzz(r.fuzz, paint, r.impl), '']
              : [`${paint.bold(title)}: ${paint.red('NOT VERIFIED')} — error[${r.error?.code}]: ${r.error?.message}`, ''];
          }),
    ...(manifestProblems ? { error: manifestProblems } : {}),
  };
}

async function verifyOne(
  impl: ImplEntry,
  variant: Variant | undefined,
  only: ((id: string) => boolean) | undefined,
  log: Log,
  interrupt: Interrupt,
  fuzz?: FuzzStage,
): Promise<VerifyResult | 'interrupted'> {
  const base = { impl: impl.id, variant: variant?.id ?? null };
  const launching = launchImpl({ impl, variant, port: 0, log });
  const launched = await Promise.race([launching.catch((error: unknown) => ({ error })), interrupt.signal.then(() => undefined)]);
  if (!launched) {
    await launching.then(
      (l) => l.stop(),
      () => undefined,
    );
    return 'interrupted';
  }
  if ('error' in launched) return { ...base, error: toErrorView(launched.error) };
  try {
    log(`lab: checking ${impl.id} against the contract`);
    const report = await Promise.race([
      runConformance({
        baseUrl: launched.baseUrl,
        implId: impl.id,
        ...(launched.stack.databaseUrl ? { databaseUrl: launched.stack.databaseUrl } : {}),
        ...(launched.stack.upstream ? { upstreamDelayMs: launched.stack.upstream.delayMs, upstreamUrl: launched.stack.upstream.url } : {}),
        ...(launched.stack.redis ? { redisUrl: launched.stack.redis.url } : {}),
        ...(only ? { only } : {}),
      }),
      interrupt.signal.then(() => undefined),
    ]);
    if (!report) return 'interrupted';
    const fuzzed = fuzz ? await fuzz(launched, interrupt) : {};
    return fuzzed === 'interrupted' ? fuzzed : { ...base, report, ...fuzzed };
  } catch (error) {
    return { ...base, error: toErrorView(error) };
  } finally {
    await launched.stop();
  }
}

/**
 * Records what the gate observed of each verified implementation in the committed facts file,
 * replacing only their entries (an implementation that could not be set up keeps its old one).
 */
function saveFacts(workspace: string, results: readonly VerifyResult[], log: Log): void {
  const now = new Date();
  const updates = Object.fromEntries(results.filter((r) => r.report && r.variant === null).map((r) => [r.impl, factsOf(r.report!, now)]));
  const file = writeFacts(workspace, mergeFacts(readFacts(workspace), updates));
  log(`lab: facts of ${Object.keys(updates).length} implementation(s) written to ${file}`);
}

/** The implementations (and variant) to verify; usage errors for unknown ids. */
function selectTargets(loaded: ReturnType<typeof loadManifests>, cfg: VerifyConfig): Array<{ impl: ImplEntry; variant: Variant | undefined }> {
  if (cfg.impl !== undefined) {
    const impl = requireImpl(loaded, cfg.impl);
    return [{ impl, variant: requireVariant(impl, cfg.variant) }];
  }
  if (cfg.variant === undefined) return loaded.impls.map((impl) => ({ impl, variant: undefined }));
  const withVariant = loaded.impls.filter((i) => i.manifest.variants.some((v) => v.id === cfg.variant));
  if (withVariant.length === 0) {
    throw usageError('LAB_UNKNOWN_VARIANT', `no implementation has a variant "${cfg.variant}"`, 'lab list shows every variant');
  }
  return withVariant.map((impl) => ({ impl, variant: requireVariant(impl, cfg.variant) }));
}

/** `--only` items (endpoint groups or endpoint ids) as the conformance `only` filter. */
export function endpointFilter(items: readonly string[]): ((endpointId: string) => boolean) | undefined {
  if (items.length === 0) return undefined;
  const groups = new Set<string>(endpointGroups);
  const ids = new Set<string>();
  for (const item of items) {
    if (groups.has(item)) for (const e of endpoints.filter((e) => e.group === item)) ids.add(e.id);
    else if (endpoints.some((e) => e.id === item)) ids.add(item);
    else
      throw usageError(
        'LAB_UNKNOWN_GROUP',
        `--only: unknown group or endpoint "${item}"`,
        `groups: ${endpointGroups.join(', ')} (or an endpoint id such as users.list)`,
      );
  }
  return (id) => ids.has(id);
}

function exitCodeOf(results: readonly VerifyResult[], manifestProblems: boolean): ExitCode {
  if (manifestProblems || results.some((r) => r.error)) return EXIT.setup;
  return results.every((r) => r.report?.passed && (r.fuzz?.passed ?? true)) ? EXIT.ok : EXIT.checkFailed;
}
