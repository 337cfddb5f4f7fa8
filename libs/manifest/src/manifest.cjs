// @ts-check
/**
 * The implementation manifest (`implementations/<id>/lab.json`): its zod schema, the one
 * function that applies defaults, and `parseManifest`, which reports every problem at once.
 *
 * Plain CommonJS so that the Nx plugin (loaded with `require`) and the TypeScript code
 * (`@lab/manifest`) share one definition.
 */
const { z } = require('zod');
const { formatProblems, toProblems } = require('./manifest-problems.cjs');

/** Languages an implementation may be written in; `lang:<language>` is its Nx tag. */
const LANGUAGES = /** @type {const} */ (['typescript', 'javascript', 'python', 'go', 'ruby', 'java', 'kotlin', 'rust']);

/** kebab-case: lower-case letters and digits in words joined by single dashes. */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An implementation id: its folder name, kebab-case `<language>-<framework>[-<variant>]`. */
const IMPL_ID = KEBAB;
/** A scenario id: its folder name, `NN-slug` (e.g. `02-json`). */
const SCENARIO_ID = /^[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An environment variable name: UPPER_SNAKE_CASE. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** Build artefacts per language, relative to the implementation root (cached as outputs, never hashed as inputs). */
const DEFAULT_BUILD_OUTPUTS = /** @type {const} */ ({
  typescript: ['dist', 'node_modules'],
  javascript: ['dist', 'node_modules'],
  python: ['.venv'],
  go: ['bin'],
  ruby: ['vendor/bundle', '.bundle'],
  java: ['target', 'build'],
  kotlin: ['build', 'target'],
  rust: ['target'],
});

/**
 * Whether a language's build outputs may be replayed from the Nx cache. The cache is shared by
 * every checkout on a machine, and a Python virtualenv holds absolute paths (script shebangs,
 * pyvenv.cfg): restored into another checkout it breaks. Such builds rerun (they are idempotent).
 */
const BUILD_CACHEABLE = /** @type {const} */ ({
  typescript: true,
  javascript: true,
  python: false,
  go: true,
  ruby: true,
  java: true,
  kotlin: true,
  rust: true,
});

/** Readiness defaults: `GET /health` must answer 200 within 30 s. */
const DEFAULT_READINESS = /** @type {const} */ ({ path: '/health', timeoutMs: 30_000 });

/** @param {string} what */
const text = (what) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, { error: `${what} must not be empty` });
/** @param {string} what */
const command = (what) => z.strictObject({ command: text(`${what} command`) });
const envName = z.string().regex(ENV_NAME, { error: 'must be an environment variable name (UPPER_SNAKE_CASE)' });
const envMap = z.record(envName, z.string({ error: 'environment values must be strings (quote numbers: "2")' }));
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), { error: 'must be a path inside the implementation folder' });
/** @param {string} what */
const sizedBy = (what) =>
  z.strictObject({
    env: envName,
    default: z.int({ error: `${what} default must be an integer` }).positive({ error: `${what} default must be at least 1` }),
  });

/** How one server process handles requests at once: one event loop, goroutines, or a pool of threads. */
const CONCURRENCY_MODELS = /** @type {const} */ (['event-loop', 'goroutines', 'threads']);

/**
 * `concurrency`: the model, and for `threads` how many threads a process runs by default and the
 * environment variable that sets them.
 */
const concurrency = z
  .strictObject({
    model: z.enum(CONCURRENCY_MODELS, { error: `concurrency model must be one of ${CONCURRENCY_MODELS.join(', ')}` }),
    threads: sizedBy('threads').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.model === 'threads' && !c.threads) ctx.addIssue({ code: 'custom', path: ['threads'], message: 'model "threads" needs threads: { env, default }' });
    if (c.model !== 'threads' && c.threads)
      ctx.addIssue({ code: 'custom', path: ['threads'], message: `model "${c.model}" has no thread count: remove threads` });
  });

/** The zod schema of `lab.json` (strict: unknown keys are problems). Defaults are applied by `normalizeManifest`. */
const implManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  language: z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(', ')}` }),
  languageVersion: text('languageVersion'),
  framework: text('framework'),
  frameworkVersion: text('frameworkVersion'),
  server: text('server'),
  orm: text('orm'),
  serializer: text('serializer'),
  description: text('description'),
  build: z.strictObject({ command: text('build command'), outputs: z.array(relativePath).optional(), cache: z.boolean().optional() }),
  start: command('start'),
  test: command('test'),
  env: envMap.optional(),
  pool: sizedBy('pool'),
  workers: sizedBy('workers'),
  concurrency,
  toolchain: z.strictObject({ versionCommand: text('toolchain.versionCommand') }),
  readiness: z
    .strictObject({
      path: z.string().startsWith('/', { error: 'readiness path must start with /' }).optional(),
      timeoutMs: z.int().positive({ error: 'readiness timeoutMs must be a positive integer (milliseconds)' }).optional(),
    })
    .optional(),
  variants: z
    .array(
      z.strictObject({
        id: z.string().regex(KEBAB, { error: 'variant id must be kebab-case (e.g. cluster-2)' }),
        description: text('variant description'),
        env: envMap,
      }),
    )
    // `when`: check ids even if another field of a variant is wrong, so every problem shows at once.
    .superRefine(checkVariantIds, { when: () => true })
    .optional(),
});

/**
 * Variant ids are unique and never "default" (the name of the manifest without a variant).
 * @param {Array<{ id?: unknown }>} variants
 * @param {z.core.$RefinementCtx} ctx
 */
function checkVariantIds(variants, ctx) {
  const seen = new Set();
  variants.forEach((v, i) => {
    const id = v?.id;
    if (id === 'default') ctx.addIssue({ code: 'custom', path: [i, 'id'], message: '"default" is reserved for the manifest without a variant' });
    else if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate variant id "${id}"` });
    seen.add(id);
  });
}

/**
 * @typedef {z.input<typeof implManifestSchema>} ImplManifestInput  What a `lab.json` may contain.
 * @typedef {{ path: string, timeoutMs: number }} Readiness
 * @typedef {{ id: string, description: string, env: Record<string, string> }} Variant
 * @typedef {Omit<z.output<typeof implManifestSchema>, '$schema' | 'env' | 'readiness' | 'variants' | 'build'> & {
 *   build: { command: string, outputs: string[], cache: boolean },
 *   env: Record<string, string>,
 *   readiness: Readiness,
 *   variants: Variant[],
 * }} ImplManifest  A validated manifest with every default applied.
 * @typedef {import('./manifest-problems.cjs').ManifestProblem} ManifestProblem
 * @typedef {{ ok: true, manifest: ImplManifest } | { ok: false, problems: ManifestProblem[] }} ParseManifestResult
 */

/**
 * Applies every default, in one place: empty `env` and `variants`, the readiness probe
 * (`/health`, 30000 ms) and the language's build outputs.
 * @param {z.output<typeof implManifestSchema>} raw a manifest that passed `implManifestSchema`
 * @returns {ImplManifest}
 */
function normalizeManifest(raw) {
  const { $schema: _schema, env, readiness, variants, build, ...rest } = raw;
  return {
    ...rest,
    build: {
      command: build.command,
      outputs: build.outputs ?? [...DEFAULT_BUILD_OUTPUTS[raw.language]],
      cache: build.cache ?? BUILD_CACHEABLE[raw.language],
    },
    env: env ?? {},
    readiness: { ...DEFAULT_READINESS, ...stripUndefined(readiness ?? {}) },
    variants: variants ?? [],
  };
}

/**
 * Validates a manifest and applies its defaults. Never throws: every problem comes back at once.
 * @param {unknown} json the manifest: its JSON text or the parsed value
 * @param {string} file where it came from, for messages (e.g. `implementations/go-chi/lab.json`)
 * @returns {ParseManifestResult}
 */
function parseManifest(json, file) {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
      return { ok: false, problems: [{ file, path: '(root)', message, hint: 'fix the JSON syntax (a trailing comma or a missing quote?)' }] };
    }
  }
  const result = implManifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: normalizeManifest(result.data) };
  return { ok: false, problems: result.error.issues.flatMap((issue) => toProblems(issue, file, value)) };
}

/**
 * Checks a folder name against the naming rules: implementations kebab-case, scenarios `NN-slug`.
 * @param {'implementation' | 'scenario'} kind
 * @param {string} folder the folder name, which becomes the id
 * @param {string} file the manifest or scenario file, for messages
 * @returns {ManifestProblem | undefined}
 */
function folderProblem(kind, folder, file) {
  if (kind === 'implementation' && !IMPL_ID.test(folder)) {
    return {
      file,
      path: '(folder)',
      message: `implementation folder "${folder}" is not kebab-case`,
      hint: 'name it <language>-<framework>[-<variant>], e.g. python-fastapi',
    };
  }
  if (kind === 'scenario' && !SCENARIO_ID.test(folder)) {
    return {
      file,
      path: '(folder)',
      message: `scenario folder "${folder}" is not named NN-slug`,
      hint: 'name it two digits, a dash and a kebab-case slug, e.g. 02-json',
    };
  }
  return undefined;
}

/** @template T @param {Partial<T>} o @returns {Partial<T>} */
function stripUndefined(o) {
  return /** @type {Partial<T>} */ (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

module.exports = {
  LANGUAGES,
  CONCURRENCY_MODELS,
  KEBAB,
  IMPL_ID,
  SCENARIO_ID,
  DEFAULT_BUILD_OUTPUTS,
  DEFAULT_READINESS,
  implManifestSchema,
  normalizeManifest,
  parseManifest,
  formatProblems,
  folderProblem,
};
