import { formatProblems, type ImplEntry, type LoadedManifests, type ManifestProblem, type Variant } from '@lab/manifest';
import { CliError, usageError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';

/** One error for every invalid manifest: each file with each problem's path, message and hint (exit 3). */
export function manifestError(problems: readonly ManifestProblem[]): CliError {
  const byFile = new Map<string, ManifestProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const details = [...byFile].flatMap(([file, list]) =>
    formatProblems(file, list)
      .split('\n')
      .map((line) => `  ${line}`),
  );
  const files = byFile.size === 1 ? '1 manifest or folder is' : `${byFile.size} manifests or folders are`;
  return new CliError(
    'LAB_MANIFEST_INVALID',
    `${files} invalid (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
    'fix each path above; the schema is libs/manifest/src/manifest.cjs (docs/developing.md, Implementations)',
    EXIT.setup,
    details,
  );
}

/**
 * The implementation `id`: an unknown id is a usage error listing the known ones; an id whose
 * manifest is invalid is a setup error listing its problems.
 */
export function requireImpl(loaded: LoadedManifests, id: string): ImplEntry {
  const impl = loaded.impls.find((i) => i.id === id);
  if (impl) return impl;
  const ownProblems = loaded.problems.filter((p) => p.file.startsWith(`implementations/${id}/`));
  if (ownProblems.length > 0) throw manifestError(ownProblems);
  const known = loaded.impls.map((i) => i.id);
  throw usageError(
    'LAB_UNKNOWN_IMPL',
    `unknown implementation "${id}"`,
    known.length ? `known implementations: ${known.join(', ')}` : 'this workspace has no implementations/<id>/lab.json yet',
  );
}

/** The variant `id` of `impl` (undefined when none was asked for); an unknown one is a usage error. */
export function requireVariant(impl: ImplEntry, id: string | undefined): Variant | undefined {
  if (id === undefined) return undefined;
  const variant = impl.manifest.variants.find((v) => v.id === id);
  if (variant) return variant;
  const known = impl.manifest.variants.map((v) => v.id);
  throw usageError(
    'LAB_UNKNOWN_VARIANT',
    `${impl.id} has no variant "${id}"`,
    known.length ? `variants of ${impl.id}: ${known.join(', ')}` : `${impl.id} declares no variants (lab.json "variants")`,
  );
}
