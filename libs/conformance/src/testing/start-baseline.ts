import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFreePort, spawnManaged, startStack } from '@lab/infra';

/** The no-framework reference implementation the gate's own tests run against. */
export const BASELINE_DIR = fileURLToPath(new URL('../../../../implementations/typescript-node-http', import.meta.url));
export const BASELINE_ID = 'typescript-node-http';

/** A running stack plus the baseline implementation. */
export interface Baseline {
  baseUrl: string;
  databaseUrl: string;
  redisUrl: string;
  upstreamUrl: string;
  upstreamDelayMs: number;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, logTail: () => string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 300; i++) {
    if (gone) throw new Error(`the baseline exited during start-up:\n${logTail()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the baseline did not answer /health:\n${logTail()}`);
}

/** Starts PostgreSQL (fresh seeded database), Redis and the upstream stub, builds the baseline if needed and starts it. */
export async function startBaseline(): Promise<Baseline> {
  if (!existsSync(`${BASELINE_DIR}/dist/main.js`)) {
    await promisify(execFile)('sh', ['-c', 'npm ci --no-audit --no-fund && npm run build'], { cwd: BASELINE_DIR, maxBuffer: 1 << 24 });
  }
  const stack = await startStack({ postgres: true, redis: true, upstream: true });
  try {
    const port = await findFreePort();
    const app = spawnManaged('exec node dist/main.js', {
      cwd: BASELINE_DIR,
      env: { ...stack.env(), PORT: String(port), HOST: '127.0.0.1', DB_POOL_SIZE: '10', WORKERS: '1' },
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(baseUrl, () => app.logTail(), app.exited);
    } catch (error) {
      await app.stop();
      throw error;
    }
    return {
      baseUrl,
      databaseUrl: stack.databaseUrl!,
      redisUrl: stack.redis!.url,
      upstreamUrl: stack.upstream!.url,
      upstreamDelayMs: stack.upstream?.delayMs ?? 100,
      async stop() {
        await app.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
