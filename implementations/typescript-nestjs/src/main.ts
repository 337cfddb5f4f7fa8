import 'reflect-metadata';
import cluster from 'node:cluster';
import { AppModule } from './app.module';
import { createApp } from './bootstrap';
import { loadConfig, type AppConfig } from './config/app-config';

/** How long a graceful shutdown may take before the process exits anyway, in ms. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** One serving process: the Nest application on the configured platform; SIGTERM/SIGINT close it (Nest's shutdown hooks). */
async function startServer(config: AppConfig): Promise<void> {
  const app = await createApp(config, AppModule.forRoot(config));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(config.port, config.host);
  console.log(`typescript-nestjs (${config.platform}) listening on http://${config.host}:${config.port} (pid ${process.pid})`);
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
if (config.workers > 1 && cluster.isPrimary) {
  startPrimary(config.workers);
} else {
  startServer(config).catch((error: unknown) => {
    console.error('typescript-nestjs failed to start:', error);
    process.exit(1);
  });
}
