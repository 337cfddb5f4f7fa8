import type { Driver } from '@lab/runner';
import { usageError } from './errors';
import { parseDurationMs } from './normalize-bench';
import type { Invocation } from './parse-command-line';

/** `lab calibrate`: which drivers, for how long, under which profile. */
export interface CalibrateConfig {
  name: 'calibrate';
  /** Resource profile name; undefined = the host's default (by core count). */
  profile: string | undefined;
  /** Measured length of each setting, ms. Default 5000. */
  durationMs: number;
  /** Drivers to calibrate, in order. Default all three. */
  drivers: Driver[];
  /** Quiet gate before each setting: longest wait, ms (0 = none). Default 10 000. */
  quietTimeoutMs: number;
  json: boolean;
}

/** The drivers `lab calibrate` measures, in order (`--driver all`). */
const CALIBRATED_DRIVERS = ['native', 'wrk', 'loadgen'] as const satisfies readonly Driver[];

/** Default measured length of each calibration setting, ms. */
export const CALIBRATE_DEFAULT_DURATION_MS = 5_000;

/** Reads the calibrate flags; a bad value is a usage error (exit 2). */
export function calibrateConfig(inv: Invocation): CalibrateConfig {
  const v = inv.values;
  const driver = typeof v.driver === 'string' ? v.driver.trim() : 'all';
  if (![...CALIBRATED_DRIVERS, 'all'].includes(driver)) {
    throw usageError('LAB_USAGE_BAD_VALUE', `--driver must be ${CALIBRATED_DRIVERS.join(', ')} or all, got "${driver}"`, 'all calibrates every driver');
  }
  const profile = typeof v.profile === 'string' && v.profile.trim() !== '' ? v.profile.trim() : undefined;
  const durationMs = typeof v.duration === 'string' ? parseDurationMs(v.duration) : CALIBRATE_DEFAULT_DURATION_MS;
  const drivers: Driver[] = driver === 'all' ? [...CALIBRATED_DRIVERS] : [driver as Driver];
  const quietTimeoutMs = typeof v['quiet-timeout'] === 'string' ? (v['quiet-timeout'].trim() === '0' ? 0 : parseDurationMs(v['quiet-timeout'])) : 10_000;
  return { name: 'calibrate', profile, durationMs, drivers, quietTimeoutMs, json: v.json === true };
}
