import { resolve } from 'node:path';
import { WARMUP_BAND } from '@lab/report';
import { parsePrecision } from './normalize-bench';
import type { Invocation } from './parse-command-line';

/** `lab warmup`: which result files to read, and the floor of the band below a run's final level. */
export interface WarmupConfig {
  name: 'warmup';
  /** Result files or directories, absolute; empty = the workspace's results/raw. */
  paths: string[];
  /**
   * Floor of the band below each run's final level, a fraction; a run whose per-second scatter is
   * larger gets 3 × that scatter instead. Default 0.02.
   */
  band: number;
  json: boolean;
}

/** Reads the warmup flags and paths (relative to the current directory); a bad band is a usage error (exit 2). */
export function warmupConfig(inv: Invocation): WarmupConfig {
  const v = inv.values;
  const band = typeof v.band === 'string' ? parsePrecision(v.band, '--band') : WARMUP_BAND;
  return { name: 'warmup', paths: inv.positionals.map((p) => resolve(p)), band, json: v.json === true };
}
