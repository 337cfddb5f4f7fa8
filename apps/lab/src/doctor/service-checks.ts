import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { failed, ok, type DoctorCheck } from './doctor-check';
import { firstLine, runTool } from './run-tool';

const SETUP = 'run tools/setup (npm run setup)';

/**
 * PostgreSQL server binaries, looked up as `@lab/infra` does: `PG_BIN`, else
 * `pg_config --bindir`, else the highest `/usr/lib/postgresql/<n>/bin`.
 */
export async function checkPostgres(): Promise<{ check: DoctorCheck; major: string | undefined }> {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : await defaultPgBinDirs();
  const bindir = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (!bindir) {
    const fix = process.env.PG_BIN ? `PG_BIN=${process.env.PG_BIN} has no initdb and postgres: fix or unset it` : `${SETUP}: installs postgresql`;
    return { check: failed('postgres', 'PostgreSQL server', `no initdb + postgres in ${candidates.join(', ') || 'any known place'}`, fix), major: undefined };
  }
  const run = await runTool(join(bindir, 'postgres'), ['--version']);
  const version = /(\d+(?:\.\d+)?)/.exec(run.output)?.[1];
  if (!version)
    return { check: failed('postgres', 'PostgreSQL server', `${bindir}/postgres --version failed: ${firstLine(run.output)}`, SETUP), major: undefined };
  return { check: ok('postgres', 'PostgreSQL server', `${version} (${bindir})`), major: version.split('.')[0] };
}

async function defaultPgBinDirs(): Promise<string[]> {
  const dirs: string[] = [];
  const pgConfig = await runTool('pg_config', ['--bindir']);
  if (pgConfig.exitCode === 0) dirs.push(pgConfig.output);
  try {
    const majors = readdirSync('/usr/lib/postgresql').filter((n) => /^\d+$/.test(n));
    dirs.push(...majors.sort((a, b) => Number(b) - Number(a)).map((m) => `/usr/lib/postgresql/${m}/bin`));
  } catch {
    // Not the Debian layout.
  }
  return dirs;
}

/** The pg_stat_statements extension (conformance counts queries with it). */
export async function checkPgStatStatements(major: string | undefined): Promise<DoctorCheck> {
  const places: string[] = [];
  const sharedir = await runTool('pg_config', ['--sharedir']);
  if (sharedir.exitCode === 0) places.push(join(sharedir.output, 'extension'));
  if (major) places.push(`/usr/share/postgresql/${major}/extension`);
  const found = places.map((dir) => join(dir, 'pg_stat_statements.control')).find((file) => existsSync(file));
  return found
    ? ok('pg_stat_statements', 'pg_stat_statements', found)
    : failed(
        'pg_stat_statements',
        'pg_stat_statements',
        `no pg_stat_statements.control in ${places.join(', ') || 'any known place'}`,
        `${SETUP}: installs postgresql-contrib`,
      );
}

/** redis-server, looked up as `@lab/infra` does: `REDIS_SERVER`, else the usual places, else PATH. */
export async function checkRedis(): Promise<DoctorCheck> {
  const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].filter((c): c is string => !!c);
  const binary = candidates.find((c) => existsSync(c)) ?? 'redis-server';
  const run = await runTool(binary, ['--version']);
  const version = /v=(\S+)/.exec(run.output)?.[1];
  return run.exitCode === 0 && version
    ? ok('redis', 'Redis server', `${version} (${binary})`)
    : failed('redis', 'Redis server', run.found ? firstLine(run.output) : 'redis-server not found', `${SETUP}: installs redis-server`);
}

/** wrk, the native load generator for servers a Node generator cannot saturate. */
export async function checkWrk(): Promise<DoctorCheck> {
  const run = await runTool('wrk', ['-v']); // prints its version and exits 1
  const version = /wrk (\S+)/.exec(run.output)?.[1];
  return version ? ok('wrk', 'wrk load generator', version) : failed('wrk', 'wrk load generator', 'wrk not found', `${SETUP}: installs wrk`);
}
