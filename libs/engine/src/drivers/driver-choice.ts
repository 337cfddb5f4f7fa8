import type { Scenario } from '../define-scenario';
import { EngineError } from '../errors';
import { probeMixOffline } from './wrk-mix';

/** What `--driver auto` resolved to, and why (one phrase, for the plan and the result's extras). */
export interface DriverChoice {
  driver: 'loadgen' | 'native';
  reason: string;
}

const flow = (why: string): DriverChoice => ({ driver: 'native', reason: `the scenario's iteration is a flow the generator cannot express: ${why}` });

/**
 * The part of the automatic choice that needs no iteration to run (pure, synchronous): native for
 * any load that is not closed, and for thresholds that read checks or trends (the Go generator
 * records neither); the Go generator for a closed load with a declared `wrk.requests` mix.
 * Undefined when only a probe of the iteration can tell ({@link chooseDriver}).
 */
export function staticDriverChoice(scenario: Pick<Scenario<unknown>, 'load' | 'wrk' | 'parsedThresholds'>): DriverChoice | undefined {
  if (scenario.load.kind === 'sweep') {
    return { driver: 'native', reason: 'a sweep is measured with the native driver unless asked otherwise (--driver loadgen runs it with the Go generator)' };
  }
  if (scenario.load.kind !== 'closed') {
    return { driver: 'native', reason: `the ${scenario.load.kind} load model needs the native driver (the generator runs closed loops and sweeps only)` };
  }
  const needs = scenario.parsedThresholds
    .filter((t) => t.trend !== undefined || t.metric === 'checks')
    .map((t) => (t.trend ? `${t.trend}: ${t.source}` : t.source));
  if (needs.length > 0) {
    const shown = needs.length > 2 ? `${needs.slice(0, 2).join('; ')}; and ${needs.length - 2} more` : needs.join('; ');
    return { driver: 'native', reason: `its thresholds read checks or trends, which only the native driver records (${shown})` };
  }
  if (scenario.wrk) return { driver: 'loadgen', reason: 'closed load with a declared fixed request mix' };
  return undefined;
}

/**
 * Chooses the driver for `--driver auto` without a server: {@link staticDriverChoice}, else two
 * offline probe iterations (the rule the wrk driver applies: the iteration must send the same
 * requests every time, none of them unmeasured). The Go generator for a fixed mix, native for a
 * flow. The driver still derives the mix from the real server before it measures.
 */
export async function chooseDriver(scenario: Scenario<unknown>, seed = 1): Promise<DriverChoice> {
  const fixed = staticDriverChoice(scenario);
  if (fixed) return fixed;
  let probe: Awaited<ReturnType<typeof probeMixOffline>>;
  try {
    probe = await probeMixOffline(scenario, seed);
  } catch (err) {
    if (err instanceof EngineError && err.code === 'LAB_LOADGEN_UNSUPPORTED') return flow(err.message);
    return flow(`it could not be replayed without a server (${(err as Error).message})`);
  }
  if (probe.requests.length === 0) return flow('it sends no request');
  if (probe.recordsFigures) return flow('it records custom trends or counters (ctx.record, ctx.count)');
  if (!probe.same) return flow('it sends different requests per iteration');
  const n = probe.requests.length;
  return { driver: 'loadgen', reason: `closed load with a fixed request mix (${n} request${n === 1 ? '' : 's'} per iteration)` };
}
