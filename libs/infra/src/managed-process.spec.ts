import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spawnManaged } from './managed-process';
import { isAlive } from './process-control';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('spawnManaged', () => {
  it('stops the whole process group', async () => {
    const proc = spawnManaged('sleep 300 & echo "child $!"; sleep 301 & echo "child $!"; wait', { cwd: tmpdir() });
    await until(() => proc.logTail().split('\n').length >= 2);
    const children = [...proc.logTail().matchAll(/child (\d+)/g)].map((match) => Number(match[1]));
    expect(children).toHaveLength(2);
    expect(children.every((pid) => isAlive(pid))).toBe(true);
    await proc.stop(2000);
    expect((await proc.exited).signal).toBe('SIGTERM');
    expect(children.filter((pid) => isAlive(pid))).toEqual([]);
  });

  it('passes env and cwd, captures output and reports the exit code', async () => {
    const lines: string[] = [];
    const proc = spawnManaged('echo "$GREETING from $(pwd)"; echo oops >&2; exit 3', {
      cwd: '/',
      env: { GREETING: 'hello' },
      log: (line) => lines.push(line),
    });
    expect(await proc.exited).toEqual({ code: 3, signal: null });
    await proc.stop();
    expect(proc.logTail()).toContain('hello from /');
    expect(lines).toContain('oops');
  });

  it('runs the command through the wrap option, keeping its pid as the group leader', async () => {
    const seen: string[][] = [];
    const wrap = (argv: string[]): string[] => {
      seen.push(argv);
      return ['/bin/sh', '-c', 'export WRAPPED=yes && exec "$@"', 'wrapper', ...argv];
    };
    const proc = spawnManaged('echo "wrapped=$WRAPPED pid=$$"', { cwd: tmpdir(), wrap });
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    await proc.stop();
    expect(seen).toEqual([['sh', '-c', 'echo "wrapped=$WRAPPED pid=$$"']]);
    expect(proc.logTail()).toContain(`wrapped=yes pid=${proc.pid}`);
  });
});
