// @ts-check
/**
 * Manifest problems for people: zod issues become `{ file, path, message, hint }` (one per
 * unknown key, a plain "missing" for absent keys), and a block of text for Nx and the CLI.
 */

/**
 * @typedef {{ file: string, path: string, message: string, hint: string }} ManifestProblem
 *   One problem: `path` is dotted (`build.command`, `variants.0.id`), `(root)` for the whole
 *   document, `(folder)` for the folder name.
 * @typedef {import('zod').z.core.$ZodIssue} ZodIssue
 */

/**
 * One readable block for a failed manifest or folder: the file, then each problem's path, message and hint.
 * @param {string} file
 * @param {readonly ManifestProblem[]} problems
 */
function formatProblems(file, problems) {
  const lines = problems.map((p) => `  ${p.path}: ${p.message}\n    hint: ${p.hint}`);
  return `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${lines.join('\n')}`;
}

/**
 * @param {ZodIssue} issue
 * @param {string} file
 * @param {unknown} value the parsed document, to tell a missing key from a wrong value
 * @returns {ManifestProblem[]}
 */
function toProblems(issue, file, value) {
  const at = (/** @type {PropertyKey[]} */ path) => (path.length ? path.map(String).join('.') : '(root)');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      path: at([...issue.path, key]),
      message: `unknown key "${key}"`,
      hint: 'remove it or fix its spelling (the manifest is strict)',
    }));
  }
  if (issue.code === 'invalid_key') {
    return [{ file, path: at(issue.path), message: issue.issues[0]?.message ?? issue.message, hint: 'environment variable names are UPPER_SNAKE_CASE' }];
  }
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(value, issue.path) === undefined;
  const section = issue.code === 'invalid_type' && issue.expected === 'object';
  const message = missing ? `required ${section ? 'section' : 'key'} is missing` : issue.message;
  return [{ file, path: at(issue.path), message, hint: hintFor(issue, missing) }];
}

/** @param {unknown} value @param {PropertyKey[]} path */
function valueAt(value, path) {
  /** @type {any} */
  let here = value;
  for (const key of path) here = here == null ? undefined : here[key];
  return here;
}

/** @param {ZodIssue} issue @param {boolean} missing */
function hintFor(issue, missing) {
  const key = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  if (missing) return `add "${key}" (see docs/developing.md, Implementations)`;
  if (issue.code === 'invalid_value') return `use one of: ${issue.values.map(String).join(', ')}`;
  if (key === 'command' || key === 'versionCommand') return 'give the shell command, run from the implementation folder';
  if (key === 'id') return 'variant ids are unique, kebab-case names such as "workers-4"';
  if (key === 'default') return 'a whole number such as 10';
  return 'see the example manifest in implementations/typescript-node-http/lab.json';
}

module.exports = { toProblems, formatProblems };
