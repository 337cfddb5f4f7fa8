import { execFile } from 'node:child_process';

/** What running a tool gave: `found` false when it could not be started at all. */
export interface ToolRun {
  found: boolean;
  exitCode: number | null;
  /** stdout then stderr, trimmed. */
  output: string;
}

/**
 * Runs `file args` (or a shell command line when `args` is a string) with a timeout and never
 * throws: doctor reports what it finds, whatever it finds.
 */
export function runTool(file: string, args: readonly string[] | string = [], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<ToolRun> {
  const [cmd, argv] = typeof args === 'string' ? ['sh', ['-c', args]] : [file, [...args]];
  return new Promise((resolve) => {
    execFile(cmd, argv, { cwd: opts.cwd, timeout: opts.timeoutMs ?? 10_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
      const output = `${stdout}${stderr}`.trim();
      if (e?.code === 'ENOENT') resolve({ found: false, exitCode: null, output });
      else resolve({ found: true, exitCode: e ? (typeof e.code === 'number' ? e.code : 1) : 0, output });
    });
  });
}

/** The first line of a tool's output, for a one-line detail. */
export function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
