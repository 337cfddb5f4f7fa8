// The host fingerprint, a runtime input of every bench pair task (tools/nx-plugin/lab-plugin.cjs):
// results measured on another machine, or with another resource profile, are never replayed
// from the Nx cache. Prints one line of JSON; keep it free of anything that drifts (load, uptime).
import { arch, availableParallelism, cpus, release, totalmem } from 'node:os';

const fingerprint = {
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  arch: arch(),
  kernel: release(),
  node: process.version,
  machineId: process.env.LAB_MACHINE_ID ?? null,
  profile: process.env.LAB_PROFILE ?? null,
};
process.stdout.write(`${JSON.stringify(fingerprint)}\n`);
