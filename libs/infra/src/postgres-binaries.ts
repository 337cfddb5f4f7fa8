import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InfraError } from './errors';

const run = promisify(execFile);

/** Where the PostgreSQL server binaries are, and which version they are. */
export interface PostgresBinaries {
  /** Directory holding `initdb` and `postgres`. */
  bindir: string;
  /** Full version, e.g. `15.18`. */
  version: string;
  /** Major version, e.g. `15`. */
  major: string;
}

/**
 * Finds the server binaries: `PG_BIN`, else `pg_config --bindir`, else the highest
 * `/usr/lib/postgresql/<n>/bin`. Throws `LAB_PG_NOT_FOUND` when none has `initdb` and `postgres`.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const candidates: string[] = [];
  // An explicit PG_BIN is the only candidate: a wrong override must fail, not fall back silently.
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  else await addDefaultCandidates(candidates);
  const bindir = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (!bindir) {
    throw new InfraError('LAB_PG_NOT_FOUND', `no PostgreSQL server binaries found (looked in: ${candidates.join(', ') || 'nothing'})`);
  }
  const { stdout } = await run(join(bindir, 'postgres'), ['--version']);
  const version = /(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? 'unknown';
  return { bindir, version, major: version.split('.')[0] ?? version };
}

async function addDefaultCandidates(candidates: string[]): Promise<void> {
  try {
    candidates.push((await run('pg_config', ['--bindir'])).stdout.trim());
  } catch {
    // No pg_config on PATH: try the Debian layout.
  }
  try {
    const majors = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => `/usr/lib/postgresql/${major}/bin`));
  } catch {
    // Not Debian.
  }
}

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root (initdb refuses root). */
export interface ServiceOwner {
  uid: number;
  gid: number;
}

/** `undefined` when not root; else the `postgres` user from /etc/passwd, or `LAB_PG_NOT_FOUND`. */
export function postgresOwner(): ServiceOwner | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new InfraError('LAB_PG_NOT_FOUND', 'running as root but there is no postgres user to run PostgreSQL as', {
      hint: 'run tools/setup (the postgresql package creates the postgres user), or run the lab as a normal user',
    });
  }
  return { uid: Number(uid), gid: Number(gid) };
}
