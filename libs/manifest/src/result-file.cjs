// @ts-check
/**
 * Where a cell's result file goes, for both writers: `lab bench` (its default `--out`, under
 * results/raw or results/published) and the Nx plugin (each pair task's `--out` and cached
 * output). `lab publish`, the pair task's cache and a report all find a cell's file by this
 * name, so one function builds it.
 */
const { join } = require('node:path');

/** The variant a manifest's settings are, as they are: it keeps the plain implementation folder. */
const DEFAULT_VARIANT = 'default';

/**
 * @typedef {object} ResultCell
 * @property {string} implementation implementation id (its folder name)
 * @property {string} [variant] absent or `default`: the implementation folder as is; else `<impl>--<variant>`
 * @property {string} scenario scenario id (`NN-slug`)
 * @property {string} [profile] only when a profile was asked for: `<scenario>--<profile>`; the default profile keeps the plain name
 * @property {'sweep' | { vus: number }} [load] only when the load was overridden (`--sweep`, `--vus n`): another file than the cell's own
 */

/**
 * `<root>/<impl>[--<variant>]/<scenario>[--<profile>][--vus<n>|--sweep].json`.
 * @param {string} root e.g. `results/raw`, or an absolute `<workspace>/results/published`
 * @param {ResultCell} cell
 * @returns {string}
 */
function resultFile(root, { implementation, variant, scenario, profile, load }) {
  const folder = variant === undefined || variant === DEFAULT_VARIANT ? implementation : `${implementation}--${variant}`;
  const profilePart = profile === undefined ? '' : `--${profile}`;
  const loadPart = load === undefined ? '' : load === 'sweep' ? '--sweep' : `--vus${load.vus}`;
  return join(root, folder, `${scenario}${profilePart}${loadPart}.json`);
}

module.exports = { resultFile };
