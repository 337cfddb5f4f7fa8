import { loadManifests } from '@lab/manifest';
import { toErrorView } from '../cli/errors';
import type { Outcome } from '../cli/outcome';
import { EXIT } from '../cli/exit-codes';
import { textTable } from '../cli/text-table';
import { manifestError } from './select-impl';

/**
 * `lab list`: every valid implementation with its stack and variants, and every scenario.
 * Invalid manifests are listed as an error after them (exit 3); the valid ones are still shown.
 */
export function runList(workspace: string): Outcome {
  const loaded = loadManifests(workspace);
  const implementations = loaded.impls.map(({ id, root, manifest: m }) => ({
    id,
    root,
    language: m.language,
    languageVersion: m.languageVersion,
    framework: m.framework,
    frameworkVersion: m.frameworkVersion,
    server: m.server,
    orm: m.orm,
    description: m.description,
    variants: m.variants.map((v) => ({ id: v.id, description: v.description })),
  }));
  const scenarios = loaded.scenarios.map((s) => ({ ...s, project: `scenario-${s.id}` }));
  return {
    exitCode: loaded.problems.length ? EXIT.setup : EXIT.ok,
    json: { implementations, scenarios, problems: loaded.problems },
    text: (paint) => [
      paint.bold(`Implementations (${implementations.length})`),
      ...(implementations.length
        ? textTable([
            ['ID', 'LANGUAGE', 'FRAMEWORK', 'SERVER', 'ORM', 'VARIANTS'],
            ...implementations.map((i) => [i.id, i.language, i.framework, i.server, i.orm, i.variants.map((v) => v.id).join(', ') || '-']),
          ])
        : ['  none: add implementations/<language>-<framework>/lab.json']),
      '',
      paint.bold(`Scenarios (${scenarios.length})`),
      ...(scenarios.length ? textTable(scenarios.map((s) => [s.id, paint.dim(`nx project ${s.project}`)])) : ['  none: add scenarios/<NN-slug>/scenario.ts']),
    ],
    ...(loaded.problems.length ? { error: toErrorView(manifestError(loaded.problems)) } : {}),
  };
}
