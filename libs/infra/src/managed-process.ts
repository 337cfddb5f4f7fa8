import { spawn } from 'node:child_process';
import { registerCleanup } from './cleanup-registry';
import { LogRing } from './log-ring';
import { exitOf, signal, stopChild, waitGroupGone, type ProcessExit } from './process-control';
import { trackProcess } from './run-state';

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
  /** Added to (and overriding) the inherited environment. */
  env?: Record<string, string>;
  /**
   * What the process inherits from this one: `all` (default) the whole environment; `minimal`
   * only {@link INHERITED_ENV} (PATH, HOME, locale, …), so a stray `GOMAXPROCS`, `RUBYOPT`,
   * `PYTHONOPTIMIZE` or `NODE_OPTIONS` in the user's shell cannot change a measured server.
   */
  inherit?: 'all' | 'minimal';
  /** Receives every output line as it arrives. */
  log?: (line: string) => void;
  /**
   * Rewrites the argv `['sh', '-c', command]` before it is spawned, e.g. a resource group's exec
   * wrapper (`RoleGroups.wrap`). The wrapper must `exec` the command so the pid stays the group leader.
   */
  wrap?: (argv: string[]) => string[];
  /** What the process is, for the run state file and recovery's report (default: the command). */
  name?: string;
}

/** The variables a server started with `inherit: 'minimal'` keeps from the lab's environment. */
export const INHERITED_ENV = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR'] as const;

/** The part of `parent` a minimal environment keeps ({@link INHERITED_ENV}). */
export function minimalEnv(parent: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(INHERITED_ENV.flatMap((name) => (parent[name] !== undefined ? [[name, parent[name]!]] : [])));
}

/**
 * Runs `command` through `sh -c`, detached in its own process group so that `stop()` reaches
 * every process it starts. The process is stopped when the parent exits or is interrupted
 * (see {@link registerCleanup}), and recorded in the run state file until its group is gone
 * (see {@link trackProcess}), so the next lab command ends it if the parent is SIGKILLed.
 */
export function spawnManaged(command: string, opts: SpawnManagedOptions): ManagedProcess {
  const [file, ...args] = opts.wrap ? opts.wrap(['sh', '-c', command]) : ['sh', '-c', command];
  const child = spawn(file!, args, {
    cwd: opts.cwd,
    env: { ...(opts.inherit === 'minimal' ? minimalEnv() : process.env), ...opts.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ring = new LogRing();
  ring.follow(child.stdout, opts.log);
  ring.follow(child.stderr, opts.log);
  const exited = exitOf(child);
  const pid = child.pid ?? -1;
  const unregister = pid > 0 ? registerCleanup(() => stop(), { sync: () => void signal(-pid, 'SIGKILL') }) : () => undefined;
  // Recorded until the group is gone, so a lab killed by SIGKILL leaves a trace the next one can end.
  const untrack = trackProcess(pid, opts.name ?? command);
  void exited.then(async () => {
    // Leftovers of the group (e.g. `cmd &` children) die with the shell.
    if (pid > 0) signal(-pid, 'SIGKILL');
    unregister();
    if (pid > 0) await waitGroupGone(pid, 2000);
    untrack();
  });

  let stopping: Promise<void> | undefined;
  function stop(timeoutMs = 5000): Promise<void> {
    stopping ??= pid > 0 ? stopChild(pid, exited, 'SIGTERM', timeoutMs, -pid).then(() => waitGroupGone(pid, timeoutMs)) : Promise.resolve();
    return stopping;
  }

  return { pid, exited, stop, logTail: (lines) => ring.tail(lines) };
}
