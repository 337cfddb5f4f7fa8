import { relative, resolve } from 'node:path';
import { parseScope, ReportError, type ReportScope } from '@lab/report';
import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Outcome } from '../cli/outcome';
import { runReport } from '../report/run-report';

/** `lab report`: what to report and where; paths as given on the command line (relative to the current directory). */
export interface ReportConfig {
  name: 'report';
  /** `workspace`, `scenario:<id>` or `impl:<id>`, parsed when the command runs. */
  scope: string;
  /** Result roots; empty: the defaults of the scope in the workspace (`defaultResultDirs`). */
  results: string[];
  out: string | undefined;
  discoveries: string | undefined;
  /** The file whose headline markers get the headline table; undefined: README.md when --out is not given. */
  readme: string | undefined;
  scenariosJson: string | undefined;
  json: boolean;
}

/**
 * `lab report`: reads result files, writes the scope's markdown (and, for the workspace,
 * learnings/DISCOVERIES.md and the README's headline table) with libs/report. Paths given on the command line are taken from the
 * current directory (an absolute one as is); the defaults live in the workspace. Exit 0 when
 * written, even with no results; 2 for a bad scope.
 */
export async function runReportCommand(workspace: string, cfg: ReportConfig): Promise<Outcome> {
  const given = (p: string | undefined) => (p === undefined ? undefined : resolve(p));
  const { written, warnings, cells } = await runReport({
    workspaceRoot: workspace,
    scope: scopeOf(cfg.scope),
    ...(cfg.results.length ? { resultDirs: cfg.results.map((d) => resolve(d)) } : {}),
    out: given(cfg.out),
    discoveriesOut: given(cfg.discoveries),
    readme: given(cfg.readme),
    scenariosJson: given(cfg.scenariosJson),
  });
  // Files inside the workspace are shown relative to it, others as absolute paths.
  const shown = written.map((f) => {
    const inside = relative(workspace, resolve(workspace, f));
    return inside.startsWith('..') ? resolve(workspace, f) : inside;
  });
  return {
    exitCode: EXIT.ok,
    json: { written: shown, warnings, cells },
    text: (paint) => [
      ...warnings.map((w) => `${paint.yellow('warning')}: ${w}`),
      `report: ${cells} cell${cells === 1 ? '' : 's'}${cells === 0 ? ' (no results yet)' : ''}`,
      ...shown.map((f) => `  wrote ${f}`),
    ],
  };
}

function scopeOf(text: string): ReportScope {
  try {
    return parseScope(text);
  } catch (error) {
    if (error instanceof ReportError) throw new CliError('LAB_USAGE_BAD_VALUE', `--scope: ${error.message}`, error.hint, EXIT.usage);
    throw error;
  }
}
