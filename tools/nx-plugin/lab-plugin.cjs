// @ts-check
/** @type {import('@nx/devkit').CreateNodesV2} */
module.exports.createNodesV2 = ['{implementations/*/impl.json,scenarios/*/scenario.ts}', (files) => files.map((f) => [f, { projects: {} }])];
