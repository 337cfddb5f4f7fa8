import { resolve } from 'node:path';
import { WARMUP_BAND } from '@lab/report';
import { parsePrecision } from './normalize-bench';
import type { Invocation } from './parse-command-line';

/** `lab warmup`: which result files to read, and the band a steady rate stays within. */
export interface WarmupConfig {
  name: 'warmup';
  /** Result files or directories, absolute; empty = the workspace's results/raw. */
  paths: string[];
  /** Half-width of the band around the final level, a fraction. Default 0.02. */
  band: number;
  json: boolean;
}

/** Reads the warmup flags and paths (relative to the current directory); a bad band is a usage error (exit 2). */
export function warmupConfig(inv: Invocation): WarmupConfig {
  const v = inv.values;
  const band = typeof v.band === 'string' ? parsePrecision(v.band, '--band') : WARMUP_BAND;
  return { name: 'warmup', paths: inv.positionals.map((p) => resolve(p)), band, json: v.json === true };
}
