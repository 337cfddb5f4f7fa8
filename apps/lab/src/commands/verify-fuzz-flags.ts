import { usageError } from '../cli/errors';
import type { Invocation } from '../cli/parse-command-line';

/** `lab verify --fuzz`: the fuzz stage's settings from the command line (no library loaded here). */
export interface VerifyFuzzFlags {
  /** Seed of the generated requests; undefined: the stage's fixed default. */
  seed: number | undefined;
  /** Requests in all, or wall time in milliseconds; undefined: the stage's default budget. */
  budget: { requests: number } | { durationMs: number } | undefined;
}

/**
 * `{ fuzz }` when `--fuzz` was given, else `{}`. `--fuzz-budget` takes a request count (`800`) or a
 * duration (`60s`, `2m`); `--seed` an integer. Either without `--fuzz` is a usage error.
 */
export function verifyFuzzFlags(values: Invocation['values']): { fuzz?: VerifyFuzzFlags } {
  const budgetText = typeof values['fuzz-budget'] === 'string' ? values['fuzz-budget'].trim() : undefined;
  const seedText = typeof values.seed === 'string' ? values.seed.trim() : undefined;
  if (values.fuzz !== true) {
    if (budgetText !== undefined || seedText !== undefined) {
      throw usageError(
        'LAB_USAGE_BAD_ARGUMENTS',
        `${budgetText !== undefined ? '--fuzz-budget' : '--seed'} needs --fuzz`,
        'usage: lab verify --fuzz [--fuzz-budget <n|duration>] [--seed <n>] <impl>',
      );
    }
    return {};
  }
  return { fuzz: { seed: seedText === undefined ? undefined : parseSeed(seedText), budget: budgetText === undefined ? undefined : parseBudget(budgetText) } };
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw usageError('LAB_USAGE_BAD_VALUE', `--seed must be an integer, got "${text}"`, 'a whole number such as 42 (32 bits)');
  }
  return seed;
}

function parseBudget(text: string): VerifyFuzzFlags['budget'] {
  const match = /^(\d+)(ms|s|m)?$/.exec(text);
  const n = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(n) || n <= 0) {
    throw usageError('LAB_USAGE_BAD_VALUE', `--fuzz-budget must be a request count or a duration, got "${text}"`, 'e.g. 800 (requests), 60s or 2m (wall time)');
  }
  if (match[2] === undefined) return { requests: n };
  return { durationMs: n * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'] };
}
