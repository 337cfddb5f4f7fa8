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

  it("with inherit: 'minimal', keeps PATH and HOME but none of the shell's tuning variables", async () => {
    const stray = { GOMAXPROCS: '7', RUBYOPT: '--yjit', PYTHONOPTIMIZE: '2', NODE_OPTIONS: '--max-old-space-size=64' };
    const saved = Object.fromEntries(Object.keys(stray).map((k) => [k, process.env[k]]));
    Object.assign(process.env, stray);
    try {
      const show = 'echo "[$GOMAXPROCS|$RUBYOPT|$PYTHONOPTIMIZE|$NODE_OPTIONS|$EXPLICIT]"; test -n "$PATH" && test -n "$HOME" && echo has-path-and-home';
      const minimal = spawnManaged(show, { cwd: tmpdir(), env: { EXPLICIT: 'yes' }, inherit: 'minimal' });
      await minimal.exited;
      expect(minimal.logTail()).toContain('[||||yes]');
      expect(minimal.logTail()).toContain('has-path-and-home');
      const all = spawnManaged(show, { cwd: tmpdir() });
      await all.exited;
      expect(all.logTail()).toContain('[7|--yjit|2|--max-old-space-size=64|]');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
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
