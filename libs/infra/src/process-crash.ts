import type { ProcessExit } from './process-control';

/** Why a process ended without being asked to: its exit, what the kernel said about memory, its last output. */
export interface ProcessCrash {
  exit: ProcessExit;
  /** The kernel's OOM killer killed a process of its group (cgroup `oom_kill` counter). */
  oomKilled: boolean;
  /** The memory limit the process ran under, bytes, when one was enforced. */
  memoryLimitBytes?: number;
  /** Its last output lines (stdout and stderr interleaved). */
  logTail: string;
}

/** `code 3` / `signal SIGKILL`. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/**
 * The cause of a crash in words: `OOM-killed at its memory limit of 64 MiB (signal SIGKILL)`;
 * without the kernel's word but with SIGKILL (or a shell's 137) under a limit, `killed by SIGKILL
 * under a memory limit of 64 MiB (probably the OOM killer)`; otherwise the exit, `code 3`.
 */
export function describeCrashCause(crash: Omit<ProcessCrash, 'logTail'>): string {
  const exit = describeExit(crash.exit);
  const limit = crash.memoryLimitBytes !== undefined ? ` of ${formatBytes(crash.memoryLimitBytes)}` : '';
  if (crash.oomKilled) return `OOM-killed at its memory limit${limit} (${exit})`;
  const sigkill = crash.exit.signal === 'SIGKILL' || crash.exit.code === 137;
  if (sigkill && limit) return `killed by SIGKILL under a memory limit${limit} (probably the OOM killer; ${exit})`;
  return exit;
}

/** The cause, then the last output lines indented: what a failed cell reports. */
export function describeCrash(crash: ProcessCrash): string {
  const tail = crash.logTail.trimEnd();
  return `${describeCrashCause(crash)}; last output:\n${tail ? tail.replace(/^/gm, '  ') : '  (none)'}`;
}

/** `64 MiB`, `2 GiB`, `1536 KiB`: the largest binary unit that divides evenly, else MiB with one decimal. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
