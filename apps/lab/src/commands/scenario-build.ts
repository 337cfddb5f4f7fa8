import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadManifests } from '@lab/manifest';
import { loadScenario } from '@lab/runner';
import { usageError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';
import type { Outcome } from '../cli/outcome';
import { describeLoad, scenarioPlan } from './scenario-plan';

/** `lab scenario build`: which scenario, where its plan goes (absolute or relative to the current directory), and `--json`. */
export interface ScenarioBuildConfig {
  name: 'scenario';
  action: 'build';
  id: string;
  /** Undefined: `<workspace>/dist/scenarios/<id>/plan.json`. */
  out: string | undefined;
  json: boolean;
}

/**
 * `lab scenario build <id>`: loads `scenarios/<id>/scenario.ts` exactly as `lab bench` does
 * (`loadScenario`, so `defineScenario` validates it), checks its endpoint ids against the
 * contract, and writes its plan as JSON. Starts nothing, so a broken scenario fails in seconds:
 * the Nx target `scenario-<id>:build` runs this before any of the scenario's cells.
 */
export async function runScenarioBuild(workspace: string, cfg: ScenarioBuildConfig): Promise<Outcome> {
  const file = `scenarios/${cfg.id}/scenario.ts`;
  if (!existsSync(join(workspace, file))) {
    const known = loadManifests(workspace).scenarios.map((s) => s.id);
    throw usageError(
      'LAB_UNKNOWN_SCENARIO',
      `unknown scenario "${cfg.id}"`,
      known.length ? `known scenarios: ${known.join(', ')}` : 'this workspace has no scenarios/<NN-slug>/scenario.ts yet',
    );
  }
  const scenario = await loadScenario(workspace, cfg.id).catch((error: unknown) => {
    // An invalid definition surfaces as the engine's own error (its problems and hint), not as a load failure.
    const cause = (error as { cause?: { code?: unknown } }).cause;
    throw cause?.code === 'LAB_SCENARIO_INVALID' ? cause : error;
  });
  const plan = scenarioPlan(scenario, file, readFileSync(join(workspace, file), 'utf8'));
  const out = cfg.out === undefined ? join(workspace, 'dist', 'scenarios', cfg.id, 'plan.json') : resolve(cfg.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(plan, null, 2)}\n`);
  const shown = relative(workspace, out).startsWith('..') ? out : relative(workspace, out);
  return {
    exitCode: EXIT.ok,
    json: plan,
    text: (paint) => [
      `${paint.bold(`scenario ${plan.id}`)} — ${plan.title} (${plan.category}): ${paint.green('valid')}`,
      `  load ........ ${describeLoad(plan.load)}`,
      `  endpoints ... ${plan.endpoints.map((e) => `${e.method} ${e.path}`).join(', ')}`,
      `  needs ....... ${
        Object.entries(plan.needs)
          .filter(([, on]) => on)
          .map(([service]) => service)
          .join(', ') || 'nothing'
      }`,
      `  checks ...... ${plan.checks.length} named in the source`,
      `  thresholds .. ${plan.thresholds.map((t) => ((t.group ?? t.trend) ? `${t.group ?? t.trend}: ${t.source}` : t.source)).join('; ') || 'none'}`,
      `  hypotheses .. ${plan.hypotheses.map((h) => h.id).join(', ') || 'none'}`,
      `  plan ........ ${shown}`,
    ],
  };
}
