// Test support (not exported): spawn processes that are always killed afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { signalQuietly } from './proc';
import { sampleProcessTree } from './process-tree';

/** A spawned child and a promise of how it ended. */
export interface Tracked {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns children and kills each with its descendants (SIGKILL) in killAll(); call killAll from afterEach. */
export function processTracker() {
  const live = new Set<Tracked>();
  return {
    spawn(argv: readonly string[]): Tracked {
      const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const tracked = { child, pid: child.pid!, exited };
      live.add(tracked);
      void exited.then(() => live.delete(tracked));
      return tracked;
    },
    async killAll(): Promise<void> {
      for (const t of live) {
        // Descendants first, so none is left behind when its parent dies.
        const { pids } = await sampleProcessTree(t.pid);
        for (const pid of pids.reverse()) signalQuietly(pid, 'SIGKILL');
        t.child.kill('SIGKILL');
      }
      await Promise.all([...live].map((t) => t.exited));
    },
  };
}

/** Poll `check` every 20 ms until it returns true or `timeoutMs` passes; returns the last result. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
}
