import { z } from 'zod';
import type { HypothesisSpec } from './report-model';

/**
 * `scenarios/<NN-slug>/hypotheses.json`: hypotheses about a scenario's results, kept out of
 * `scenario.ts` because every file a cell measures is in that cell's Nx hash, and asking a new
 * question of the results must not re-measure them (tools/nx-plugin leaves this file out of the
 * cells' inputs). Three kinds, told apart by their keys:
 * - `compare`: two groups of the same run (as in `defineScenario({ hypotheses })`);
 * - `compareCells`: a group of this implementation's cell in one scenario against a group of its
 *   cell in another (cache hit vs miss, JWT vs session);
 * - `extras`: counters the scenario's teardown records (lost updates), each within `expect`.
 */
export const HYPOTHESES_FILE = 'hypotheses.json';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. batch-beats-individual-insert');
const statement = z.string().min(1, 'must not be empty');
const metric = z.enum(['ratePerSec', 'p50', 'p90', 'p95', 'p99', 'mean']);
const expectRatioAtLeast = z.number().positive('must be > 0').optional();
const group = z.string().min(1, 'must name a group');
const cellGroup = z.strictObject({ scenario: z.string().regex(/^\d{2}(?:-[a-z0-9]+)+$/, 'must be a scenario id such as 16-a-pure-hit'), group });

const groupsSchema = z.strictObject({
  id,
  statement,
  metric,
  compare: z.strictObject({ a: group, b: group }).refine((c) => c.a !== c.b, 'a and b must differ'),
  expectRatioAtLeast,
});
const cellsSchema = z.strictObject({
  id,
  statement,
  metric,
  compareCells: z.strictObject({ a: cellGroup, b: cellGroup }).refine((c) => c.a.scenario !== c.b.scenario, 'a and b must be different scenarios'),
  expectRatioAtLeast,
});
const extrasSchema = z.strictObject({
  id,
  statement,
  extras: z.array(z.string().min(1, 'must name an extra')).min(1, 'must name at least one extra'),
  expect: z
    .strictObject({ atLeast: z.number().optional(), atMost: z.number().optional() })
    .refine((e) => e.atLeast !== undefined || e.atMost !== undefined, 'must give atLeast, atMost or both')
    .refine((e) => e.atLeast === undefined || e.atMost === undefined || e.atLeast <= e.atMost, 'atLeast must not exceed atMost'),
});

/** Which schema an entry means, from its keys (so an error names the fields of the kind intended). */
function schemaOf(entry: unknown): z.ZodType {
  const has = (k: string) => typeof entry === 'object' && entry !== null && k in entry;
  if (has('compareCells')) return cellsSchema;
  if (has('extras')) return extrasSchema;
  return groupsSchema;
}

const fileSchema = z.strictObject({
  hypotheses: z
    .array(z.unknown())
    .min(1, 'must hold at least one hypothesis')
    .superRefine((entries, ctx) => {
      entries.forEach((entry, i) => {
        const parsed = schemaOf(entry).safeParse(entry);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as z.core.$ZodRawIssue);
      });
    }),
});

/** Where a hypotheses file is wrong: the field's path (`hypotheses[1].expect`) and what to do. */
export interface HypothesesFileIssue {
  readonly path: string;
  readonly message: string;
}

const HINT =
  'Each entry needs id, statement and one of: metric + compare {a, b} (two groups of a run), metric + compareCells {a: {scenario, group}, b: {scenario, group}}, or extras [...] + expect {atLeast?, atMost?}; expectRatioAtLeast is optional.';

/**
 * Parses the text of a hypotheses file. Returns the hypotheses, or the issues with the field's
 * path and a hint naming the three kinds.
 */
export function parseHypothesesFile(text: string): { hypotheses: HypothesisSpec[] } | { issues: HypothesesFileIssue[]; hint: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }], hint: HINT };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    return { issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })), hint: HINT };
  }
  const hypotheses = parsed.data.hypotheses as HypothesisSpec[];
  const duplicates = hypotheses.flatMap((h, i) =>
    hypotheses.findIndex((other) => other.id === h.id) < i ? [{ path: `hypotheses[${i}].id`, message: `"${h.id}" is declared twice` }] : [],
  );
  return duplicates.length > 0 ? { issues: duplicates, hint: 'Give every hypothesis of a scenario its own id.' } : { hypotheses };
}

/** `hypotheses[1].compare.a` from a zod path (`@lab/results` has the same reading but is a measuring library: importing a new export from it would re-measure every cell). */
const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '') || '(file)';
