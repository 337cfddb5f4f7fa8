import type { Extras, Scenario, SetupContext, TeardownContext } from '../define-scenario';
import { EngineError } from '../errors';

/** Runs the scenario's setup (unmeasured); a throw becomes `LAB_SETUP_FAILED`. */
export async function runSetup(scenario: Scenario<unknown>, ctx: SetupContext): Promise<unknown> {
  try {
    return await scenario.setup?.(ctx);
  } catch (err) {
    throw new EngineError('LAB_SETUP_FAILED', `setup of ${scenario.id} failed: ${(err as Error).message}`, { cause: err });
  }
}

/** Runs the scenario's teardown (unmeasured) and returns its `extras` ({} when none); a throw becomes `LAB_TEARDOWN_FAILED`. */
export async function runTeardown(scenario: Scenario<unknown>, ctx: TeardownContext, setupData: unknown): Promise<Extras> {
  try {
    const out = await scenario.teardown?.(ctx, setupData);
    return out && typeof out === 'object' && out.extras ? { ...out.extras } : {};
  } catch (err) {
    throw new EngineError('LAB_TEARDOWN_FAILED', `teardown of ${scenario.id} failed: ${(err as Error).message}`, { cause: err });
  }
}
