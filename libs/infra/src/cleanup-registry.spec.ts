import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitOf, isAlive } from './process-control';

interface FixtureReport {
  pids: number[];
  ports: number[];
  dirs: string[];
  envKeys: string[];
}

const fixture = fileURLToPath(new URL('./testing/stack-fixture.ts', import.meta.url));

/** Starts the fixture in a child Node process and resolves with its report line. */
async function startFixture(mode: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = exitOf(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const report = await new Promise<FixtureReport>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as FixtureReport);
    });
    void exited.then(() => reject(new Error(`fixture exited before reporting:\n${stderr}`)));
  });
  return { child, exited, report };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function expectNothingLeft(report: FixtureReport): Promise<void> {
  expect(report.pids.filter((pid) => isAlive(pid))).toEqual([]);
  for (const port of report.ports) expect(await portIsFree(port)).toBe(true);
  expect(report.dirs.filter((dir) => existsSync(dir))).toEqual([]);
}

describe('registerCleanup: nothing is left running, bound or on disk', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('after %s', async (signal, code) => {
    const { child, exited, report } = await startFixture('wait');
    expect(report.pids.every((pid) => isAlive(pid))).toBe(true);
    expect(report.envKeys).toEqual(['DATABASE_URL', 'REDIS_URL', 'UPSTREAM_URL']);
    child.kill(signal);
    const exit = await exited;
    expect(exit.signal === signal || exit.code === code).toBe(true);
    await expectNothingLeft(report);
  });

  it('after process.exit()', async () => {
    const { exited, report } = await startFixture('exit');
    expect((await exited).code).toBe(0);
    await expectNothingLeft(report);
  });

  it('after an uncaught exception', async () => {
    const { exited, report } = await startFixture('throw');
    expect((await exited).code).toBe(1);
    await expectNothingLeft(report);
  });
});
