import type { LoadedManifests } from '@lab/manifest';
import { failed, ok, type DoctorCheck } from './doctor-check';
import { firstLine, runTool } from './run-tool';

/** The manifests under implementations/ and the scenario folders: all valid? */
export function checkManifests(loaded: LoadedManifests): DoctorCheck {
  const found = `${loaded.impls.length} implementation(s), ${loaded.scenarios.length} scenario(s)`;
  if (loaded.problems.length === 0) return ok('manifests', 'manifests', found);
  const files = [...new Set(loaded.problems.map((p) => p.file))];
  return failed('manifests', 'manifests', `${loaded.problems.length} problem(s) in ${files.join(', ')}`, 'run lab list to see every problem with its path');
}

/**
 * One check per language of the implementations present, with the version command of its
 * manifest (`toolchain.versionCommand`, the same one that keys the Nx build cache).
 */
export async function checkToolchains(loaded: LoadedManifests, workspace: string): Promise<DoctorCheck[]> {
  const byLanguage = new Map<string, LoadedManifests['impls']>();
  for (const impl of loaded.impls) byLanguage.set(impl.manifest.language, [...(byLanguage.get(impl.manifest.language) ?? []), impl]);
  return Promise.all(
    [...byLanguage].map(async ([language, impls]) => {
      const command = impls[0]!.manifest.toolchain.versionCommand;
      const run = await runTool('sh', command, { cwd: workspace });
      const users = impls.map((i) => i.id).join(', ');
      return run.exitCode === 0
        ? ok(`toolchain:${language}`, `${language} toolchain`, `${firstLine(run.output)} (for ${users})`)
        : failed(
            `toolchain:${language}`,
            `${language} toolchain`,
            `\`${command}\` failed: ${firstLine(run.output) || `exit ${run.exitCode}`}`,
            `install the ${language} toolchain (needed by ${users})`,
          );
    }),
  );
}
