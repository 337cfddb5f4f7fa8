// Test fixture (not exported): starts PostgreSQL + Redis + upstream + a managed `sleep`, prints
// their pids, ports and temp dirs as one JSON line on stdout, then ends as argv[2] says:
//   wait  - idles until a signal arrives (SIGINT/SIGTERM cases);
//   exit  - process.exit(0) (the synchronous `exit` path);
//   throw - an uncaught exception.
import { tmpdir } from 'node:os';
import type { NativePostgresServer } from '../native-postgres';
import { spawnManaged } from '../managed-process';
import { startStack } from '../start-stack';

const mode = process.argv[2] ?? 'wait';
const stack = await startStack({ postgres: true, redis: true, upstream: true });
const sleeper = spawnManaged('sleep 600', { cwd: tmpdir() });
const pg = stack.postgres as NativePostgresServer;
const report = {
  pids: [pg.pid, stack.redis?.pid, sleeper.pid],
  ports: [pg.port, stack.redis?.port, Number(new URL(stack.upstream?.url ?? 'http://x:0').port)],
  dirs: [pg.dir, stack.redis?.dir],
  envKeys: Object.keys(stack.env()).sort(),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
if (mode === 'exit') process.exit(0);
if (mode === 'throw')
  setTimeout(() => {
    throw new Error('fixture: deliberate uncaught exception');
  }, 10);
setInterval(() => undefined, 60_000);
