import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { Agent } from 'undici';
import { apiRouters, createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createPrisma } from './db/prisma.js';
import { clientErrorListener } from './http/client-error.js';
import { methodsOfPath } from './http/method-not-allowed.js';

/** How long a graceful shutdown may take before the process exits anyway, in ms. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** One serving process: Prisma (pg pool), Redis, the upstream client, Express, graceful shutdown. */
function startServer(config: Config): void {
  const prisma = createPrisma(config.databaseUrl, config.dbPoolSize);
  // lazyConnect: /health answers even before Redis is reachable.
  const redis = new Redis(config.redisUrl, { lazyConnect: true });
  redis.on('error', (error: Error) => console.error('redis:', error.message));
  const upstream = new Agent({ keepAliveTimeout: 30_000 });

  const routers = apiRouters({ prisma, redis, upstream, upstreamUrl: config.upstreamUrl, jwtSecret: config.jwtSecret });
  const app = createApp(routers, { etag: config.etag });
  const server: Server = app.listen(config.port, config.host, () => {
    console.log(`typescript-express listening on http://${config.host}:${config.port} (pid ${process.pid})`);
  });
  server.on(
    'clientError',
    clientErrorListener((path) => methodsOfPath(routers, path)),
  );
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    server.close(async () => {
      await Promise.allSettled([prisma.$disconnect(), upstream.close(), redis.status === 'wait' ? redis.disconnect() : redis.quit()]);
      console.log(`typescript-express stopped (${signal})`);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/** Forks `workers` processes sharing the listening socket; restarts crashed ones; stops them on a signal. */
function startPrimary(workers: number): void {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited with ${code}; restarting`);
    cluster.fork();
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

const config = loadConfig();
if (config.workers > 1 && cluster.isPrimary) startPrimary(config.workers);
else startServer(config);
