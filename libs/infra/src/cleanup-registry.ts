/** One registered cleanup: the async routine and an optional synchronous last resort. */
interface CleanupEntry {
  run: () => Promise<void> | void;
  sync?: () => void;
  done: boolean;
}

const entries: CleanupEntry[] = [];
let installed = false;
let running: Promise<void> | undefined;

/**
 * Registers `fn` to run once when the process ends: on a normal exit, SIGINT, SIGTERM or an
 * uncaught exception. Returns a function that unregisters it (call it after stopping normally).
 * After SIGINT/SIGTERM the signal is re-raised (exit 130/143) once every cleanup has finished,
 * unless another listener handles that signal. On `exit` (normal end, `process.exit`, after an
 * uncaught exception) nothing asynchronous can run, so only `options.sync` runs there: a
 * synchronous best effort such as SIGKILL and `rmSync`.
 */
export function registerCleanup(fn: () => Promise<void> | void, options?: { sync?: () => void }): () => void {
  const entry: CleanupEntry = { run: fn, done: false, ...(options?.sync ? { sync: options.sync } : {}) };
  entries.push(entry);
  install();
  return () => {
    const index = entries.indexOf(entry);
    if (index >= 0) entries.splice(index, 1);
    if (entries.length === 0) uninstall();
  };
}

/** Runs every registered cleanup now, newest first, each once; errors are collected, not thrown. */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    while (entries.length > 0) {
      const entry = entries.pop()!;
      if (entry.done) continue;
      entry.done = true;
      try {
        await entry.run();
      } catch {
        // A failed cleanup must not stop the others; the synchronous fallback is gone with it.
      }
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

function runSyncCleanups(): void {
  for (const entry of [...entries].reverse()) {
    if (entry.done) continue;
    entry.done = true;
    try {
      entry.sync?.();
    } catch {
      // Best effort: the process is exiting.
    }
  }
}

function onSignal(name: NodeJS.Signals): void {
  const exitCode = name === 'SIGINT' ? 130 : 143;
  void runCleanups().then(() => {
    uninstall();
    if (process.listenerCount(name) === 0) process.kill(process.pid, name);
    else process.exitCode = exitCode;
  });
}

const onSigint = (): void => onSignal('SIGINT');
const onSigterm = (): void => onSignal('SIGTERM');

function onUncaught(error: unknown): void {
  void runCleanups().then(() => {
    uninstall();
    if (process.listenerCount('uncaughtException') === 0) {
      // Let Node report it and exit 1, exactly as if we had never listened.
      setImmediate(() => {
        throw error;
      });
    }
  });
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('uncaughtException', onUncaught);
  process.on('exit', runSyncCleanups);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.off('uncaughtException', onUncaught);
  process.off('exit', runSyncCleanups);
}
