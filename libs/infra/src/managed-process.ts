import { spawn } from 'node:child_process';
import { registerCleanup } from './cleanup-registry';
import { LogRing } from './log-ring';
import { exitOf, signal, stopChild, waitGroupGone, type ProcessExit } from './process-control';

/** A shell command running in its own process group, with its output kept in a ring buffer. */
export interface ManagedProcess {
  /** Pid of the `sh -c` process, which is also the process-group id. */
  readonly pid: number;
  /** Resolves when the shell exits. */
  readonly exited: Promise<ProcessExit>;
  /** SIGTERM to the whole group, SIGKILL after `timeoutMs` (default 5000); resolves once every
   * process of the group is gone. Idempotent. */
  stop(timeoutMs?: number): Promise<void>;
  /** The last `lines` lines of stdout and stderr (default 50). */
  logTail(lines?: number): string;
}

/** Options of {@link spawnManaged}. */
export interface SpawnManagedOptions {
  /** Working directory. */
  cwd: string;
  /** Added to (and overriding) the parent's environment. */
  env?: Record<string, string>;
  /** Receives every output line as it arrives. */
  log?: (line: string) => void;
  /**
   * Rewrites the argv `['sh', '-c', command]` before it is spawned, e.g. a resource group's exec
   * wrapper (`RoleGroups.wrap`). The wrapper must `exec` the command so the pid stays the group leader.
   */
  wrap?: (argv: string[]) => string[];
}

/**
 * Runs `command` through `sh -c`, detached in its own process group so that `stop()` reaches
 * every process it starts. The process is stopped when the parent exits or is interrupted
 * (see {@link registerCleanup}).
 */
export function spawnManaged(command: string, opts: SpawnManagedOptions): ManagedProcess {
  const [file, ...args] = opts.wrap ? opts.wrap(['sh', '-c', command]) : ['sh', '-c', command];
  const child = spawn(file!, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ring = new LogRing();
  ring.follow(child.stdout, opts.log);
  ring.follow(child.stderr, opts.log);
  const exited = exitOf(child);
  const pid = child.pid ?? -1;
  const unregister =
    pid > 0 ? registerCleanup(() => stop(), { sync: () => void signal(-pid, 'SIGKILL') }) : () => undefined;
  void exited.then(() => {
    // Leftovers of the group (e.g. `cmd &` children) die with the shell.
    if (pid > 0) signal(-pid, 'SIGKILL');
    unregister();
  });

  let stopping: Promise<void> | undefined;
  function stop(timeoutMs = 5000): Promise<void> {
    stopping ??=
      pid > 0
        ? stopChild(pid, exited, 'SIGTERM', timeoutMs, -pid).then(() => waitGroupGone(pid, timeoutMs))
        : Promise.resolve();
    return stopping;
  }

  return { pid, exited, stop, logTail: (lines) => ring.tail(lines) };
}
