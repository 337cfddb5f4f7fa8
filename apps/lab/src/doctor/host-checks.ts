import { accessSync, constants, existsSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { failed, ok, type DoctorCheck } from './doctor-check';

/** Node ≥ 20.19 on the 20 line, or ≥ 22 (package.json "engines"). */
export function checkNode(version = process.versions.node): DoctorCheck {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || major >= 22;
  return supported
    ? ok('node', 'Node.js', version)
    : failed('node', 'Node.js', `${version} (need >= 20.19 <21, or >= 22)`, 'install Node 20.19+ or 22+ (e.g. nvm install 20)');
}

/** The workspace's JavaScript dependencies, installed and not older than the lock file. */
export function checkNodeModules(workspace: string): DoctorCheck {
  const marker = join(workspace, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return failed('node_modules', 'node_modules', `${join(workspace, 'node_modules')} missing`, 'run npm ci (or tools/setup)');
  const lock = join(workspace, 'package-lock.json');
  if (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
    return failed('node_modules', 'node_modules', 'older than package-lock.json', 'run npm ci', false);
  }
  return ok('node_modules', 'node_modules', 'installed');
}

/** Whether a Docker engine answers (optional: without one, services run as native processes). */
export function dockerCheck(answering: boolean): DoctorCheck {
  return answering
    ? ok('docker', 'Docker engine', 'answering (testcontainers and the docker:* targets can be used)', false)
    : failed(
        'docker',
        'Docker engine',
        'not answering: services run as native processes',
        'optional: start a Docker engine to use testcontainers and the docker:* targets',
        false,
      );
}

/** The cgroup layout resource limits will use: v2 controllers, v1 hierarchies, or none (taskset fallback). */
export function checkCgroups(root = '/sys/fs/cgroup'): DoctorCheck {
  const label = 'cgroups (resource limits)';
  const fix = 'optional: without writable cpu, cpuset and memory controllers, limits fall back to taskset (run as root or delegate a cgroup subtree)';
  const wanted = ['cpu', 'cpuset', 'memory'];
  const controllersFile = join(root, 'cgroup.controllers');
  if (existsSync(controllersFile)) {
    const controllers = readFileSync(controllersFile, 'utf8').trim().split(/\s+/);
    const lacking = wanted.filter((c) => !controllers.includes(c));
    const detail = `v2 (${controllers.join(' ')})${writable(root) ? '' : ', read-only'}`;
    return lacking.length === 0 && writable(root)
      ? ok('cgroups', label, detail, false)
      : failed('cgroups', label, `${detail}${lacking.length ? `, no ${lacking.join(', ')}` : ''}`, fix, false);
  }
  const present = wanted.filter((c) => existsSync(join(root, c)));
  if (present.length > 0) {
    const detail = `v1 (${present.join(', ')})${present.every((c) => writable(join(root, c))) ? '' : ', read-only'}`;
    return present.length === wanted.length && present.every((c) => writable(join(root, c)))
      ? ok('cgroups', label, detail, false)
      : failed('cgroups', label, detail, fix, false);
  }
  return failed('cgroups', label, `no cgroup hierarchy at ${root}`, fix, false);
}

/** The lab's cache (`LAB_CACHE_DIR`: the seeded PostgreSQL cluster): writable, with its free space. */
export function checkLabCache(dir: string): DoctorCheck {
  const existing = nearestExisting(dir);
  const detail = `${dir}${existing === dir ? '' : ' (created on first use)'}, ${freeSpace(existing)} free`;
  return writable(existing)
    ? ok('lab-cache', 'lab cache dir', detail)
    : failed('lab-cache', 'lab cache dir', `${detail}, not writable`, 'set LAB_CACHE_DIR to a writable directory');
}

/** Where Nx keeps task results for this workspace (shared by every clone of the repository). */
export function checkNxCache(workspace: string): DoctorCheck {
  try {
    const require = createRequire(join(workspace, 'package.json'));
    const { sharedDataDirectory } = require('nx/src/utils/cache-directory') as { sharedDataDirectory(root: string, kind: 'cache'): string };
    const dir = sharedDataDirectory(workspace, 'cache');
    return ok('nx-cache', 'Nx cache dir', `${dir}, ${freeSpace(nearestExisting(dir))} free (entries unused for 7 days are evicted)`, false);
  } catch (error) {
    return failed('nx-cache', 'Nx cache dir', `could not resolve it: ${(error as Error).message.split('\n')[0]}`, 'run npm ci', false);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function nearestExisting(path: string): string {
  let here = path;
  while (!existsSync(here) && dirname(here) !== here) here = dirname(here);
  return here;
}

function freeSpace(path: string): string {
  try {
    const s = statfsSync(path);
    return `${((s.bavail * s.bsize) / 2 ** 30).toFixed(1)} GiB`;
  } catch {
    return 'unknown';
  }
}
