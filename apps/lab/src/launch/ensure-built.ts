import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Log } from '../cli/outcome';

/** Lines of build output kept for the error when a build fails. */
const TAIL_LINES = 30;

/**
 * Whether the lab should build implementations itself: not inside an Nx task (its `build`
 * dependency already ran; Nx sets NX_TASK_TARGET_PROJECT) and not with LAB_NO_BUILD=1.
 */
export function shouldBuild(env: NodeJS.ProcessEnv): boolean {
  return env.NX_TASK_TARGET_PROJECT === undefined && env.LAB_NO_BUILD !== '1';
}

/**
 * Builds an implementation before the lab starts it, through its Nx `build` target, so a cached
 * build is restored instead of redone (and a Python virtualenv, never cached, is brought up to
 * date). Build output goes to `log`, prefixed with the implementation id. Throws
 * LAB_IMPL_BUILD_FAILED (exit 3) with the output's tail when the build fails.
 */
export async function ensureBuilt(workspace: string, implId: string, log: Log, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!shouldBuild(env)) return;
  log(`lab: building ${implId} (nx run ${implId}:build)`);
  const tail: string[] = [];
  const child = spawn(join(workspace, 'node_modules/.bin/nx'), ['run', `${implId}:build`, '--outputStyle=static'], {
    cwd: workspace,
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_ISOLATE_PLUGINS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onChunk = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      log(`  ${implId} build | ${line}`);
    }
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new CliError(
      'LAB_IMPL_BUILD_FAILED',
      `building ${implId} failed (exit ${code})`,
      `run \`npx nx run ${implId}:build\` to see the whole output; \`npm run lab -- doctor\` lists missing toolchains`,
      EXIT.setup,
      tail,
    );
  }
}
