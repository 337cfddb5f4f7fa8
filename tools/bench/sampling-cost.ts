/**
 * What one round of the timeline's resource sampling costs (docs/publishing.md): starts
 * PostgreSQL with 10 client connections (a server's pool) and Redis, reads their process trees
 * and this process with `startRoleSampling` 40 times, 100 ms apart, and prints this process's CPU
 * time per round (ms) and the rounds' wall time as JSON.
 *   node --import tsx tools/bench/sampling-cost.ts
 */
import { startPostgres, startRedis, type NativePostgresServer } from '@lab/infra';
import { sampleProcessTree } from '@lab/isolation';
import { startRoleSampling } from '@lab/runner';
import pg from 'pg';

const ROUNDS = 40;
const INTERVAL_MS = 100;

const postgres = await startPostgres();
const redis = await startRedis();
const clients = await Promise.all(
  Array.from({ length: 10 }, async () => {
    const client = new pg.Client({ connectionString: postgres.url() });
    await client.connect();
    return client;
  }),
);
try {
  const pid = (postgres as NativePostgresServer).pid;
  const before = process.cpuUsage();
  const sampler = startRoleSampling({ database: pid, ...(redis.pid ? { redis: redis.pid } : {}), generator: 'self' }, INTERVAL_MS);
  await new Promise((resolve) => setTimeout(resolve, ROUNDS * INTERVAL_MS));
  const { samples, busyMs } = await sampler.stop();
  const cpu = process.cpuUsage(before);
  const rounds = samples.filter((s) => s !== null).length;
  const databaseProcesses = (await sampleProcessTree(pid)).pids.length;
  const cpuMsPerRound = Number(((cpu.user + cpu.system) / 1000 / rounds).toFixed(2));
  process.stdout.write(`${JSON.stringify({ rounds, databaseProcesses, cpuMsPerRound, wallMsPerRound: Number((busyMs / rounds).toFixed(2)) })}\n`);
} finally {
  await Promise.all(clients.map((c) => c.end()));
  await redis.stop();
  await postgres.stop();
}
