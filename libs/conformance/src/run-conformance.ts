import { endpoints, seedRowCounts } from '@lab/contract';
import { allChecks } from './checks';
import type { ContractView } from './contract-view';
import { runChecks } from './run-checks';
import type { ConformanceOptions, ConformanceReport } from './types';

/** The contract as the gate reads it. */
export const labContract: ContractView = {
  endpoints: endpoints as unknown as ContractView['endpoints'],
  seedRowCounts: seedRowCounts as unknown as Record<string, number>,
};

/**
 * Checks a live implementation against `@lab/contract`: status codes and zod body schemas of
 * every endpoint, framing, and semantics against the deterministic seed (and against the
 * database itself when `databaseUrl` is given, including statement counts from
 * pg_stat_statements). Mutating checks restore what they changed. Never throws for a wrong
 * server: everything it finds is in `problems`.
 */
export function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  return runChecks(allChecks, labContract, options);
}
