import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBenchLock, defaultLockPath } from './bench-lock';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-lock-'));
  path = join(dir, 'sub', 'bench.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A live process that is not us, and its exit. */
function otherProcess() {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGKILL'))) };
}

describe('acquireBenchLock', () => {
  it('creates the lock with our pid and removes it on release', async () => {
    const lock = await acquireBenchLock({ path });
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('is re-entrant within one process', async () => {
    const outer = await acquireBenchLock({ path });
    const inner = await acquireBenchLock({ path });
    inner.release();
    expect(existsSync(path)).toBe(true);
    outer.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a lock held by a live process, naming it', async () => {
    const other = otherProcess();
    try {
      await acquireBenchLock({ path }).then((l) => l.release()); // creates sub/
      writeFileSync(path, `${other.pid}\n`);
      await expect(acquireBenchLock({ path })).rejects.toMatchObject({ code: 'LAB_BENCH_LOCKED', message: expect.stringContaining(String(other.pid)) });
      expect(readFileSync(path, 'utf8').trim()).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
  });

  it('takes over the lock of a dead process', async () => {
    const other = otherProcess();
    await other.stop();
    await acquireBenchLock({ path }).then((l) => l.release());
    writeFileSync(path, `${other.pid}\n`);
    const lock = await acquireBenchLock({ path });
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('waits for a live holder to go away', async () => {
    const other = otherProcess();
    await acquireBenchLock({ path }).then((l) => l.release());
    writeFileSync(path, `${other.pid}\n`);
    const waited: number[] = [];
    const pending = acquireBenchLock({ path, waitMs: 60_000, pollMs: 20, onWait: (pid) => waited.push(pid) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await other.stop();
    const lock = await pending;
    expect(waited).toEqual([other.pid]);
    lock.release();
  });

  it('stops waiting when aborted', async () => {
    const other = otherProcess();
    try {
      await acquireBenchLock({ path }).then((l) => l.release());
      writeFileSync(path, `${other.pid}\n`);
      const controller = new AbortController();
      const pending = acquireBenchLock({ path, waitMs: 60_000, pollMs: 20, signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ code: 'LAB_INTERRUPTED' });
    } finally {
      await other.stop();
    }
  });

  it('lives under LAB_CACHE_DIR by default', () => {
    expect(defaultLockPath({ LAB_CACHE_DIR: '/cache' })).toBe('/cache/bench.lock');
    expect(defaultLockPath({})).toMatch(/\.cache\/backend-benchmark-lab\/bench\.lock$/);
    expect(defaultLockPath({ LAB_BENCH_LOCK: '/tmp/x.lock', LAB_CACHE_DIR: '/cache' })).toBe('/tmp/x.lock');
  });
});
