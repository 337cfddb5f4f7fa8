import type { CellPlan } from './plan-cell';

/**
 * The plan as plain JSON — what `lab bench --dry-run` prints: no functions, no manifest
 * internals beyond the start command, every option with its origin.
 */
export function describePlan(plan: CellPlan): Record<string, unknown> {
  return {
    implementation: { id: plan.implementation.id, dir: plan.implementation.dir, start: plan.implementation.manifest.start.command },
    variant: plan.variant,
    scenario: { id: plan.scenario.id, title: plan.scenario.title, endpoints: plan.scenario.endpoints, needs: plan.scenario.needs },
    profile: { name: plan.profile.name, roles: plan.profile.roles },
    load: plan.load,
    runDurationMs: plan.runDurationMs,
    warmupMs: plan.warmupMs,
    runs: plan.runs,
    precisionTarget: plan.precisionTarget,
    driver: plan.driver,
    seed: plan.seed,
    preset: plan.preset,
    gate: plan.gate,
    quiet: plan.quiet,
    validity: plan.validity,
    ...(plan.generatorCeilingPerSec ? { generatorCeilingPerSec: plan.generatorCeilingPerSec } : {}),
    serverEnv: plan.serverEnv,
    origins: plan.origins,
  };
}

/** `impl[variant] × scenario @ profile`. */
export function cellName(plan: CellPlan): string {
  const variant = plan.variant.id === 'default' ? '' : `[${plan.variant.id}]`;
  return `${plan.implementation.id}${variant} × ${plan.scenario.id} @ ${plan.profile.name}`;
}
