import { resolve } from 'node:path';
import { STUDY_LENGTHS_SECONDS, STUDY_TARGETS } from '@lab/report';
import { usageError } from './errors';
import { flagList } from './flags';
import { parsePrecision } from './normalize-bench';
import type { Invocation } from './parse-command-line';

/** `lab precision`: which result files to read, the run lengths to compare and the precision targets. */
export interface PrecisionConfig {
  name: 'precision';
  /** Result files or directories, absolute; empty = the workspace's results/raw. */
  paths: string[];
  /** Run lengths compared, whole seconds, ascending. */
  lengths: number[];
  /** Precision targets (fractions, ascending) whose run count is found for each length. */
  targets: number[];
  json: boolean;
}

/** Reads the precision flags and paths (relative to the current directory); a bad length or target is a usage error (exit 2). */
export function precisionConfig(inv: Invocation): PrecisionConfig {
  const v = inv.values;
  const lengthsRaw = flagList(v.lengths);
  const targetsRaw = flagList(v.targets);
  const lengths = lengthsRaw.length > 0 ? lengthsRaw.map(parseSeconds) : [...STUDY_LENGTHS_SECONDS];
  const targets = targetsRaw.length > 0 ? targetsRaw.map((raw) => parsePrecision(raw, '--targets')) : [...STUDY_TARGETS];
  return {
    name: 'precision',
    paths: inv.positionals.map((p) => resolve(p)),
    lengths: [...new Set(lengths)].sort((a, b) => a - b),
    targets: [...new Set(targets)].sort((a, b) => a - b),
    json: v.json === true,
  };
}

/** `10`, `10s` → 10: a run length in whole seconds (the timeline's resolution). */
function parseSeconds(raw: string): number {
  const match = /^(\d+)s?$/.exec(raw);
  const seconds = match ? Number(match[1]) : NaN;
  if (!(seconds > 0))
    throw usageError(
      'LAB_USAGE_BAD_VALUE',
      `--lengths takes whole seconds like 5,10,20, got "${raw}"`,
      'the per-second timeline has whole seconds; give positive whole numbers',
    );
  return seconds;
}
