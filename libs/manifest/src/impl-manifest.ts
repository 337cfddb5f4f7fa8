/**
 * The implementation manifest schema, typed for TypeScript. The definition lives in
 * `manifest.cjs` (beside this file) because the Nx plugin (CommonJS, loaded by `require`) must
 * validate manifests too; this module is the one TypeScript door to it.
 */
import type { z } from 'zod';
import schemaModule from './manifest.cjs';

/** Zod schema of `implementations/<id>/lab.json` (strict; defaults are applied by `normalizeManifest`). */
export const implManifestSchema = schemaModule.implManifestSchema;

/** What a `lab.json` may contain (optional sections may be absent). */
export type ImplManifestInput = z.input<typeof implManifestSchema>;

/** A validated manifest with every default applied: what the CLI and the runner use. */
export type ImplManifest = ReturnType<typeof schemaModule.normalizeManifest>;

/** One named configuration of an implementation, e.g. `cluster-2` with `WORKERS=2`. */
export type Variant = ImplManifest['variants'][number];

/** A language an implementation may be written in. */
export type Language = ImplManifest['language'];

/** The result of `parseManifest`: the normalised manifest, or every problem at once. */
export type ParseManifestResult = ReturnType<typeof schemaModule.parseManifest>;

/** One manifest problem: `path` is dotted (`build.command`, `variants.0.id`), `(root)` or `(folder)`. */
export type ManifestProblem = Extract<ParseManifestResult, { ok: false }>['problems'][number];

/** Languages an implementation may be written in. */
export const LANGUAGES: readonly Language[] = schemaModule.LANGUAGES;

/** Readiness probe defaults: `GET /health`, 30000 ms. */
export const DEFAULT_READINESS: Readonly<ImplManifest['readiness']> = schemaModule.DEFAULT_READINESS;

/** An implementation id (its folder name): kebab-case `<language>-<framework>[-<variant>]`. */
export const IMPL_ID: RegExp = schemaModule.IMPL_ID;
/** A scenario id (its folder name): `NN-slug`, e.g. `02-json`. */
export const SCENARIO_ID: RegExp = schemaModule.SCENARIO_ID;

/**
 * Validates a manifest (JSON text or parsed value) and applies its defaults; never throws.
 * `file` names the manifest in every problem.
 */
export function parseManifest(json: unknown, file: string): ParseManifestResult {
  return schemaModule.parseManifest(json, file);
}

/** Applies the defaults to a manifest that already passed `implManifestSchema`. */
export function normalizeManifest(raw: z.output<typeof implManifestSchema>): ImplManifest {
  return schemaModule.normalizeManifest(raw);
}

/** The naming problem of an implementation or scenario folder, if any. */
export function folderProblem(kind: 'implementation' | 'scenario', folder: string, file: string): ManifestProblem | undefined {
  return schemaModule.folderProblem(kind, folder, file);
}

/** One readable block listing a manifest's problems with their paths and hints. */
export function formatProblems(file: string, problems: readonly ManifestProblem[]): string {
  return schemaModule.formatProblems(file, problems);
}
