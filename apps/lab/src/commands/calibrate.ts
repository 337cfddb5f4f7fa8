import { availableParallelism } from 'node:os';
import { isIsolationError, resolveProfile, type ResolvedProfile } from '@lab/isolation';
import { acquireBenchLock, calibrationPath, hostFingerprint, isRunnerError, loadCalibration, runCalibration, saveCalibration, withProfile } from '@lab/runner';
import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Interrupt } from '../cli/interrupt';
import type { CalibrateConfig } from '../cli/normalize-calibrate';
import type { Log, Outcome } from '../cli/outcome';
import { renderCalibration } from './calibrate-table';

/**
 * `lab calibrate`: measures each driver's ceiling against the built-in server under the bench
 * lock, merges the profile's entry into this host's calibration file (atomically), and returns
 * the table (stderr) or `{ path, host, calibration }` (--json).
 */
export async function runCalibrate(cfg: CalibrateConfig, log: Log, interrupt: Interrupt): Promise<Outcome> {
  const profile = profileOf(cfg.profile);
  const controller = new AbortController();
  void interrupt.signal.then(() => controller.abort());
  const lock = await acquireBenchLock({
    waitMs: 3_600_000,
    signal: controller.signal,
    onWait: (pid) => log(`lab: waiting for the bench lock (held by pid ${pid})`),
  });
  try {
    const calibration = await runCalibration({
      profile,
      durationMs: cfg.durationMs,
      drivers: cfg.drivers,
      quietTimeoutMs: cfg.quietTimeoutMs,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'setting')
          log(
            `lab: calibrate [${e.index + 1}/${e.total}] ${e.driver}${e.workload === 'bare' ? '' : ` with ${e.workload}`}, ${e.connections} connections, ${cfg.durationMs} ms`,
          );
        if (e.type === 'skipped') log(`lab: calibrate: ${e.driver} ${e.note}`);
      },
    });
    const host = hostFingerprint();
    const path = calibrationPath(host);
    await saveCalibration(path, withProfile(await loadCalibration(path, host), host, calibration));
    return {
      exitCode: EXIT.ok,
      json: { path, host, calibration },
      text: (paint) => renderCalibration(calibration, host, path, paint),
    };
  } catch (error) {
    if (isRunnerError(error, 'LAB_INTERRUPTED')) return { exitCode: EXIT.interrupted };
    throw error;
  } finally {
    lock.release();
  }
}

/** The profile for this host; an unknown or oversized one is a usage error (exit 2). */
function profileOf(name: string | undefined): ResolvedProfile {
  try {
    return resolveProfile(name, { cores: availableParallelism() });
  } catch (error) {
    if (isIsolationError(error)) throw new CliError('LAB_USAGE_BAD_VALUE', error.message, error.hint, EXIT.usage);
    throw error;
  }
}
