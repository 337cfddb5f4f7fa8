// @ts-check
/**
 * Facts about a bench task that the Nx plugin (CommonJS, loaded by `require`) and the lab's
 * TypeScript must agree on, in one place.
 */

/**
 * The LAB_* variables a bench task's hash covers, and so the only ones `lab bench --nx` reads
 * (anything else would be replayed from the cache under a hash that does not cover it).
 */
const HASHED_LAB_ENV = /** @type {const} */ (['LAB_PROFILE', 'LAB_PRESET']);

module.exports = { HASHED_LAB_ENV };
