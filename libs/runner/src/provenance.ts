import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { hostFacts } from '@lab/manifest';
import type { HostFingerprint, Provenance } from '@lab/results';

const run = promisify(execFile);

/**
 * What this host is: CPU model, online cores, memory, arch, kernel, Node version (`hostFacts`,
 * the same facts the bench tasks' fingerprint hashes), and `LAB_MACHINE_ID` when set (an
 * explicit identity for results shared between machines).
 */
export function hostFingerprint(env: Readonly<Record<string, string | undefined>> = process.env): HostFingerprint {
  const machineId = env.LAB_MACHINE_ID?.trim();
  return { ...hostFacts(), ...(machineId ? { machineId } : {}) };
}

/** The workspace's commit and whether the tree has uncommitted changes; `0000000` outside git. */
export async function gitState(workspaceRoot: string): Promise<{ gitSha: string; gitDirty: boolean }> {
  try {
    const sha = (await run('git', ['rev-parse', 'HEAD'], { cwd: workspaceRoot })).stdout.trim();
    const status = (await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: workspaceRoot, maxBuffer: 16 << 20 })).stdout;
    return { gitSha: /^[0-9a-f]{7,64}$/.test(sha) ? sha : '0000000', gitDirty: status.trim().length > 0 };
  } catch {
    return { gitSha: '0000000', gitDirty: true };
  }
}

/**
 * First non-empty output line of a version command run through `sh -c` in `cwd` (stdout, else
 * stderr: `wrk -v` prints there and exits 1). Undefined when the command cannot run at all.
 */
export async function versionOf(command: string, cwd: string): Promise<string | undefined> {
  const first = (text: string | undefined) =>
    text
      ?.split('\n')
      .map((l) => l.trim())
      .find(Boolean);
  try {
    const { stdout, stderr } = await run('sh', ['-c', command], { cwd, timeout: 15_000 });
    return first(stdout) ?? first(stderr);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: unknown };
    return typeof e.code === 'number' ? (first(e.stdout) ?? first(e.stderr)) : undefined;
  }
}

/** Everything {@link collectProvenance} records besides host and git. */
export interface ProvenanceInput {
  workspaceRoot: string;
  /** Tool name → version command, run in `cwd` (e.g. the implementation's toolchain). */
  tools: Record<string, { command: string; cwd: string }>;
  /** Versions already known (e.g. PostgreSQL from the binaries found). */
  known?: Record<string, string>;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Provenance of a result: git SHA (+dirty), host fingerprint, tool versions, NX_TASK_HASH, time. */
export async function collectProvenance(input: ProvenanceInput): Promise<Provenance> {
  const env = input.env ?? process.env;
  const toolVersions: Record<string, string> = { node: process.version, ...input.known };
  await Promise.all(
    Object.entries(input.tools).map(async ([name, tool]) => {
      toolVersions[name] = (await versionOf(tool.command, tool.cwd)) ?? 'unknown';
    }),
  );
  const nxTaskHash = env.NX_TASK_HASH?.trim();
  return {
    ...(await gitState(input.workspaceRoot)),
    hostFingerprint: hostFingerprint(env),
    toolVersions,
    ...(nxTaskHash ? { nxTaskHash } : {}),
    createdAt: new Date().toISOString(),
  };
}
