import type { LoadedResult, ResultFile } from '@lab/results';
import { CI_RULE, rankCells, TIE_RULE } from './rank-cells';
import type { CellSummary, HostSummary, ProfileSummary, ReportModel, ReportScope, ScenarioInfo, SourceProblem } from './report-model';
import { hostIdOf, summarizeCell } from './summarize-cell';

/** Category of cells whose scenario is not in the catalogue passed to {@link buildReportModel}. */
export const UNCATEGORISED = 'uncategorised';

/** Options of {@link buildReportModel}. */
export interface BuildReportOptions {
  /** The scenario catalogue (titles, categories, hypotheses). Default: none known. */
  readonly scenarios?: readonly ScenarioInfo[];
  /** Which slice to render. Default workspace. */
  readonly scope?: ReportScope;
  /** Files that could not be read, to list in the report. Default none. */
  readonly problems?: readonly SourceProblem[];
}

const GIB = 1024 ** 3;

function formatLimits(perRole: ResultFile['limits']['perRole']): string {
  const parts = Object.entries(perRole).map(([role, l]) => {
    const bits = [
      l.cpus !== undefined ? `${l.cpus} CPU` : null,
      l.cpuset !== undefined ? `cpuset ${l.cpuset}` : null,
      l.memoryBytes !== undefined ? `${(l.memoryBytes / GIB).toFixed(1)} GiB` : null,
    ].filter((b) => b !== null);
    return `${role}: ${bits.join(', ') || 'unlimited'}`;
  });
  return parts.join('; ') || 'none';
}

function isLoaded(r: ResultFile | LoadedResult): r is LoadedResult {
  return 'result' in r && 'file' in r;
}

/**
 * Builds the one model every exporter renders ({@link renderMarkdown}, {@link evaluateFindings},
 * {@link toDashboardData}) — a pure function of parsed result files. When two files describe
 * the same cell (implementation, variant, scenario, profile, host), the newest `createdAt` wins
 * and the older is listed as a problem. Ranks and ties are computed over every cell whatever
 * the scope, so a scenario or implementation report agrees with the workspace one.
 */
export function buildReportModel(results: readonly (ResultFile | LoadedResult)[], options: BuildReportOptions = {}): ReportModel {
  const scenarios = options.scenarios ?? [];
  const categoryOf = new Map(scenarios.map((s) => [s.id, s.category ?? UNCATEGORISED]));
  const problems: SourceProblem[] = [...(options.problems ?? [])];
  const newest = new Map<string, { cell: CellSummary; result: ResultFile }>();
  for (const entry of results) {
    const { result, file } = isLoaded(entry) ? entry : { result: entry, file: null };
    const cell = summarizeCell(result, file, categoryOf.get(result.cell.scenario) ?? UNCATEGORISED);
    const previous = newest.get(cell.key);
    if (previous && previous.cell.createdAt >= cell.createdAt) {
      problems.push({ file: file ?? cell.key, code: 'SUPERSEDED', message: `older than ${previous.cell.file ?? 'another file'} for the same cell` });
      continue;
    }
    if (previous) {
      problems.push({ file: previous.cell.file ?? cell.key, code: 'SUPERSEDED', message: `older than ${file ?? 'another file'} for the same cell` });
    }
    newest.set(cell.key, { cell, result });
  }
  const kept = [...newest.values()].sort((a, b) => a.cell.key.localeCompare(b.cell.key));
  const hosts = new Map<string, HostSummary>();
  const profiles = new Map<string, ProfileSummary>();
  for (const { result } of kept) {
    const h = result.provenance.hostFingerprint;
    const id = hostIdOf(result);
    if (!hosts.has(id)) hosts.set(id, { id, cpuModel: h.cpuModel, cores: h.cores, memoryBytes: h.memoryBytes, arch: h.arch, kernel: h.kernel, node: h.node });
    if (!profiles.has(result.cell.profile)) {
      profiles.set(result.cell.profile, {
        name: result.cell.profile,
        mechanism: result.limits.mechanism,
        enforced: result.limits.enforced,
        limits: formatLimits(result.limits.perRole),
      });
    }
  }
  return {
    scope: options.scope ?? { kind: 'workspace' },
    cells: rankCells(kept.map((k) => k.cell)),
    scenarios,
    hosts: [...hosts.values()],
    profiles: [...profiles.values()],
    problems,
    ciRule: CI_RULE,
    tieRule: TIE_RULE,
  };
}
