/** Where a cell's result file goes (`result-file.cjs`, CommonJS beside this file so that the Nx plugin names its outputs the same way). */
import resultFileModule from './result-file.cjs';

/** What names a result file: implementation, variant, scenario, and the profile and load when asked for. */
export type ResultCell = Parameters<typeof resultFileModule.resultFile>[1];

/** `<root>/<impl>[--<variant>]/<scenario>[--<profile>][--vus<n>|--sweep].json`. */
export const resultFile: (root: string, cell: ResultCell) => string = resultFileModule.resultFile;
