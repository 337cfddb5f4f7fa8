// The host fingerprint, a runtime input of every bench pair task (tools/nx-plugin/lab-plugin.cjs):
// results measured on another machine, or with another resource profile, are never replayed
// from the Nx cache. Prints one line of JSON; keep it free of anything that drifts (load, uptime).
// The host's facts come from the module the results' provenance reads too; memory is rounded to
// whole GiB here, and the two variables are printed as set (unset: null), untrimmed. Changing
// what this prints changes every bench task's hash.
import { hostFacts } from '../../libs/manifest/src/host-facts.cjs';

const { cpuModel, cores, memoryBytes, arch, kernel, node } = hostFacts();
const fingerprint = {
  cpuModel,
  cores,
  memoryGiB: Math.round(memoryBytes / 2 ** 30),
  arch,
  kernel,
  node,
  machineId: process.env.LAB_MACHINE_ID ?? null,
  profile: process.env.LAB_PROFILE ?? null,
};
process.stdout.write(`${JSON.stringify(fingerprint)}\n`);
