// @ts-check
/**
 * What this host is, measured in one place for both readers: the host fingerprint that is a
 * runtime input of every bench task's Nx hash (tools/bench/fingerprint.mjs) and the provenance
 * of every result file (`hostFingerprint` in libs/runner). Were they computed apart, a result
 * could name another CPU or core count than the cache key it was stored under.
 */
const { arch, availableParallelism, cpus, release, totalmem } = require('node:os');

/**
 * @typedef {object} HostFacts
 * @property {string} cpuModel the first CPU's model, trimmed; `unknown` when the OS names none
 * @property {number} cores logical CPUs this process may use (`availableParallelism`)
 * @property {number} memoryBytes total physical memory, bytes
 * @property {string} arch e.g. `x64`
 * @property {string} kernel kernel release, e.g. `6.8.0-45-generic`
 * @property {string} node Node.js version running the lab, e.g. `v20.19.5`
 */

/**
 * The host's facts, in the order result files record them. Nothing that drifts (load, uptime,
 * free memory): they are part of a cache key.
 * @returns {HostFacts}
 */
function hostFacts() {
  return {
    cpuModel: cpus()[0]?.model.trim() || 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    arch: arch(),
    kernel: release(),
    node: process.version,
  };
}

module.exports = { hostFacts };
