import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';

/** What `waitForReady` watches besides the URL. */
export interface Watched {
  /** Settles when the server process exits. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  logTail(lines?: number): string;
}

/**
 * Polls `GET url` every 100 ms until it answers 200. Fails with `LAB_IMPL_EXITED` as soon as
 * the process exits, or `LAB_IMPL_NOT_READY` after `timeoutMs`; both carry the server's last
 * output lines.
 */
export async function waitForReady(url: string, timeoutMs: number, server: Watched, what: string): Promise<void> {
  let exit: { code: number | null; signal: string | null } | undefined;
  void server.exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exit) {
      throw new CliError('LAB_IMPL_EXITED', `${what} exited (${exit.signal ?? `code ${exit.code}`}) before answering ${url}`, 'its last output is above; does its build target pass? (nx run <impl>:build)', EXIT.setup, tail(server));
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(100, Math.min(2000, deadline - Date.now()))) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new CliError(
    'LAB_IMPL_NOT_READY',
    `${what} did not answer 200 on ${url} within ${timeoutMs} ms (last: ${last})`,
    'check that it listens on HOST:PORT from the environment; raise readiness.timeoutMs in lab.json if it is just slow',
    EXIT.setup,
    tail(server),
  );
}

function tail(server: Watched): string[] {
  const text = server.logTail(20).trim();
  return text ? ['  last output:', ...text.split('\n').map((line) => `    ${line}`)] : [];
}
