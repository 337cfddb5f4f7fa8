import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureWorkspace, FAKE_SERVER_JS, fixtureManifest, processesIn, runLab, startLab, type FixtureWorkspace } from './testing/fixture-workspace';

/** True while a process with this pid exists. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts `lab up <impl>` and resolves with its URL and everything it printed once it is up. */
async function labUp(args: readonly string[], env: Record<string, string> = {}) {
  const lab = startLab(['up', ...args], env);
  let stderr = '';
  lab.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    lab.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /is up at (http:\/\/\S+)/.exec(stderr);
      if (m?.[1]) resolve(m[1]);
    });
    lab.once('exit', () => reject(new Error(`lab up ended early:\n${stderr}`)));
  });
  return { lab, url, stderr: () => stderr };
}

// These start real PostgreSQL, Redis and upstream processes through @lab/infra.
describe('lab verify and lab up against a stand-in server', () => {
  let ws: FixtureWorkspace;
  beforeEach(() => {
    ws = createFixtureWorkspace();
    ws.impl('javascript-fake', fixtureManifest('javascript', { env: { FAKE_ID: 'javascript-fake' } }), { 'server.js': FAKE_SERVER_JS });
  });
  afterEach(() => ws.remove());

  it('verify reports conformance failures as data and exits 1', async () => {
    const run = await runLab(['verify', 'javascript-fake', '--only', 'basic', '--workspace', ws.root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^javascript-fake: FAIL/m);
    expect(run.stderr).toMatch(/^\s+basic\s+\d+ passed\s+[1-9]\d* failed/m);
    expect(run.stderr).toMatch(/^error\[[\w.-]+\] (GET|POST|PUT|DELETE) \/\S*: /m);
  });

  it('verify --json prints the ConformanceReport on stdout', async () => {
    const run = await runLab(['verify', 'javascript-fake', '--only', 'basic', '--json', '--workspace', ws.root]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.passed).toBe(false);
    expect(report.checks.find((c: { id: string }) => c.id === 'health')).toMatchObject({ ok: true });
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('up serves until %s, then stops everything, leaves nothing behind and exits %d', async (signal, exitCode) => {
    const { lab, url, stderr } = await labUp(['javascript-fake', '--workspace', ws.root]);
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', server: 'javascript-fake' });
    const pids = [...stderr().matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]));
    const dirs = [...stderr().matchAll(/dir (\/\S+?)\)/g)].map((m) => m[1]!);
    expect(pids.length).toBeGreaterThan(0);
    lab.kill(signal);
    const [code] = await once(lab, 'exit');
    expect(code).toBe(exitCode);
    expect(stderr()).toContain('lab: stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
    for (const dir of dirs) expect(existsSync(dir), dir).toBe(false);
  });

  it('after lab up is SIGKILLed, the next lab command ends its services and server, says so, then works', async () => {
    const env = { LAB_RUN_DIR: join(ws.root, 'run') };
    const { lab, url, stderr } = await labUp(['javascript-fake', '--workspace', ws.root], env);
    const pids = [...stderr().matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]));
    const dirs = [...stderr().matchAll(/dir (\/\S+?)\)/g)].map((m) => m[1]!);
    const server = processesIn(join(ws.root, 'implementations'));
    expect([pids.length, dirs.length, server.length > 0]).toEqual([3, 1, true]); // PostgreSQL, Redis, the stub; PostgreSQL's dir; the server
    lab.kill('SIGKILL');
    await once(lab, 'exit');
    // SIGKILL ran no cleanup: everything still runs.
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect([...pids, ...server].filter(alive)).toEqual([...pids, ...server]);

    const next = await runLab(['verify', 'javascript-fake', '--only', 'basic', '--workspace', ws.root], env);
    const cleaned = next.stderr.split('\n').filter((line) => line.startsWith('lab: cleaned up: '));
    const named = cleaned.map((line) => /cleaned up: (ended|removed) ([\w -]+?) [(/]/.exec(line)?.slice(1).join(' ')).sort();
    // The upstream stub also ends itself once its parent is gone: it is listed only if it was still there.
    expect(named.filter((item) => item !== 'ended upstream stub')).toEqual([
      'ended PostgreSQL',
      'ended Redis',
      'ended server javascript-fake',
      'removed PostgreSQL data dir',
      'removed Redis dir',
    ]);
    expect(cleaned.every((line) => line.includes(`left by lab process ${lab.pid}`))).toBe(true);
    expect(next.stderr).toContain(`removed PostgreSQL data dir ${dirs[0]}`);
    expect(next.code).toBe(1); // then verify ran as always: the stand-in fails the contract
    expect(next.stderr).toMatch(/^javascript-fake: FAIL/m);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect([...pids, ...server].filter(alive)).toEqual([]);
    expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
    expect(processesIn(ws.root)).toEqual([]);
    mkdirSync(env.LAB_RUN_DIR, { recursive: true });
    expect(readdirSync(env.LAB_RUN_DIR)).toEqual([]);
  }, 120_000);
});
