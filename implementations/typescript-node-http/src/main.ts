import cluster from 'node:cluster';
import { Agent, createServer } from 'node:http';
import { Redis } from 'ioredis';
import { createClientErrorListener, createRequestListener, createRouter } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createPool } from './db.js';

/** How long a graceful shutdown may take before the process exits anyway, in ms. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Starts one serving process: pool, Redis client, HTTP server, and graceful shutdown. */
function startServer(config: Config): void {
  const pool = createPool(config.databaseUrl, config.dbPoolSize);
  // lazyConnect: the server starts (and /health answers) even before Redis is reachable.
  const redis = new Redis(config.redisUrl, { lazyConnect: true });
  redis.on('error', (error: Error) => console.error('redis:', error.message));
  const upstreamAgent = new Agent({ keepAlive: true });

  const router = createRouter({ pool, redis, jwtSecret: config.jwtSecret, upstreamUrl: config.upstreamUrl, upstreamAgent });
  const server = createServer(createRequestListener(router));
  server.on('clientError', createClientErrorListener(router));
  server.keepAliveTimeout = 65_000;

  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`typescript-node-http listening on http://${config.host}:${port} (pid ${process.pid})`);
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    server.close(async () => {
      upstreamAgent.destroy();
      await Promise.allSettled([pool.end(), redis.status === 'wait' ? redis.disconnect() : redis.quit()]);
      console.log(`typescript-node-http stopped (${signal})`);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/** Forks `workers` processes that share the listening socket, and stops them on a signal. */
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
if (config.workers > 1 && cluster.isPrimary) {
  startPrimary(config.workers);
} else {
  startServer(config);
}
