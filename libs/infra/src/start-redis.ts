import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from './cleanup-registry';
import { startContainerRedis } from './container-redis';
import type { RedisServer } from './redis-server';
import { InfraError } from './errors';
import { findFreePort } from './free-port';
import { LogRing } from './log-ring';
import { probeDocker } from './probe-docker';
import { exitOf, stopChild, stopSync } from './process-control';
import { redisCommand } from './redis-command';
import { trackDir, trackProcess } from './run-state';

export type { RedisServer } from './redis-server';

/** The redis-server binary: `REDIS_SERVER`, else /usr/bin or /usr/local/bin. */
function findRedisServer(): string {
  const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new InfraError('LAB_REDIS_NOT_FOUND', 'no redis-server binary found');
  return found;
}

/** Options of {@link startRedis}. */
export interface StartRedisOptions {
  /** `auto` (default): a container when Docker answers, else the native `redis-server`. */
  backend?: 'auto' | 'native' | 'container';
  /** Progress lines. */
  log?: (line: string) => void;
  /** Native only: rewrites the `redis-server` argv before spawning (e.g. a resource group's exec wrapper). */
  wrap?: (argv: string[]) => string[];
}

/**
 * Starts Redis. Native: `redis-server` on a free loopback port in a temp dir, with
 * `--save "" --appendonly no`, ready once it answers PING; stopped on exit, SIGINT and SIGTERM too.
 */
export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServer> {
  const backend = opts.backend ?? 'auto';
  if (backend !== 'native') {
    const docker = await probeDocker();
    if (backend === 'container' && !docker) {
      throw new InfraError('LAB_DOCKER_UNAVAILABLE', 'backend "container" was asked for but no Docker engine answered');
    }
    opts.log?.(`infra: Docker ${docker ? 'answered: using a Redis container' : 'not available: using native Redis'}`);
    if (docker) return startContainerRedis(opts.log);
  }
  return startNativeRedis(opts.log, opts.wrap);
}

async function startNativeRedis(log?: (line: string) => void, wrap?: (argv: string[]) => string[]): Promise<RedisServer> {
  const binary = findRedisServer();
  const dir = await mkdtemp(join(tmpdir(), 'lab-redis-'));
  const untrackDir = trackDir(dir, 'Redis dir');
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--daemonize', 'no', '--maxmemory', '256mb', '--dir', dir);
    const [file, ...argv] = wrap ? wrap([binary, ...args]) : [binary, ...args];
    const child = spawn(file!, argv, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const ring = new LogRing();
    ring.follow(child.stdout);
    ring.follow(child.stderr);
    const exited = exitOf(child);
    const pid = child.pid ?? -1;
    void exited.then(trackProcess(pid, 'Redis'));
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        await stopChild(pid, exited, 'SIGTERM', 5000);
        await rm(dir, { recursive: true, force: true });
        unregister();
        untrackDir();
      })());
    const unregister = registerCleanup(stop, {
      sync: () => {
        stopSync(pid, 'SIGTERM');
        rmSync(dir, { recursive: true, force: true });
      },
    });
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + 30_000;
    while (!gone && Date.now() < deadline) {
      const pong = await redisCommand('127.0.0.1', port, ['PING'], 500).catch(() => '');
      if (pong === '+PONG') {
        log?.(`infra: Redis listening on 127.0.0.1:${port} (pid ${pid})`);
        const host = '127.0.0.1';
        const flush = async (): Promise<void> => void (await redisCommand(host, port, ['FLUSHALL'], 5000));
        return { host, port, url: `redis://${host}:${port}`, pid, dir, flush, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!gone) {
      await stop();
      throw new InfraError('LAB_SERVICE_TIMEOUT', `Redis on port ${port} did not answer PING in time; log:\n${ring.tail(20)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const tail = ring.tail(20);
    if (attempt < 4 && /Address already in use/.test(tail)) {
      unregister();
      continue;
    }
    await stop();
    throw new InfraError('LAB_REDIS_START_FAILED', `redis-server exited during start-up; log:\n${tail}`);
  }
}
