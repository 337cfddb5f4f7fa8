import { labCacheDir, probeDocker } from '@lab/infra';
import { loadManifests } from '@lab/manifest';
import { EXIT } from '../cli/exit-codes';
import type { Outcome } from '../cli/outcome';
import type { Paint } from '../cli/paint';
import type { CheckStatus, DoctorCheck } from '../doctor/doctor-check';
import { checkCgroups, checkLabCache, checkNode, checkNodeModules, checkNxCache, dockerCheck } from '../doctor/host-checks';
import { checkPgStatStatements, checkPostgres, checkRedis, checkWrk } from '../doctor/service-checks';
import { checkManifests, checkToolchains } from '../doctor/workspace-checks';

/** What `lab doctor --json` prints. */
export interface DoctorReport {
  /** True when every required check is ok. */
  ok: boolean;
  checks: DoctorCheck[];
}

/** `lab doctor`: every requirement of the lab on this machine; exit 1 when a required one is missing. */
export async function runDoctor(workspace: string): Promise<Outcome> {
  const loaded = loadManifests(workspace);
  const [postgres, redis, wrk, docker, toolchains] = await Promise.all([
    checkPostgres(),
    checkRedis(),
    checkWrk(),
    probeDocker(),
    checkToolchains(loaded, workspace),
  ]);
  const checks = [
    checkNode(),
    checkNodeModules(workspace),
    postgres.check,
    await checkPgStatStatements(postgres.major),
    redis,
    wrk,
    checkManifests(loaded),
    ...toolchains,
    dockerCheck(docker),
    checkCgroups(),
    checkLabCache(labCacheDir()),
    checkNxCache(workspace),
  ];
  const report: DoctorReport = { ok: checks.every((c) => c.status === 'ok' || !c.required), checks };
  return { exitCode: report.ok ? EXIT.ok : EXIT.checkFailed, json: report, text: (paint) => renderDoctor(report, paint) };
}

function renderDoctor(report: DoctorReport, paint: Paint): string[] {
  const colour: Record<CheckStatus, (s: string) => string> = { ok: paint.green, missing: paint.red, warn: paint.yellow };
  const width = Math.max(...report.checks.map((c) => c.label.length));
  const lines = report.checks.flatMap((c) => [
    `  ${colour[c.status](c.status.padEnd(7))}  ${c.label.padEnd(width)}  ${c.detail}`,
    ...(c.fix && c.status !== 'ok' ? [`  ${' '.repeat(7)}  ${' '.repeat(width)}  ${paint.dim(`fix: ${c.fix}`)}`] : []),
  ]);
  const missing = report.checks.filter((c) => c.status === 'missing').length;
  const summary = report.ok ? paint.green('everything required is present') : paint.red(`${missing} required item(s) missing`);
  return [...lines, '', `lab doctor: ${summary}`];
}
