import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { statementProfiles, type ConformanceReport } from '@lab/conformance';
import { z } from 'zod';
import { CliError } from '../cli/errors';
import { EXIT } from '../cli/exit-codes';

/** Where the gate's facts about each implementation are committed, relative to the workspace. */
export const FACTS_FILE = 'docs/data/implementation-facts.json';

/** The command that refreshes `FACTS_FILE` (it needs PostgreSQL, Redis and every toolchain). */
export const FACTS_COMMAND = 'npm run lab -- verify --all --write-facts';

const perKind = z.record(z.string(), z.number().nonnegative());

const statementFactSchema = z.strictObject({
  /** `METHOD /path/{param}`. */
  endpoint: z.string(),
  /** Requests counted. */
  requests: z.int().positive(),
  /** Statements per request, all kinds. */
  perRequest: z.number().nonnegative(),
  /** Statements per request by leading keyword. */
  byKind: perKind,
});

const implFactsSchema = z.strictObject({
  /** The day the gate ran, `YYYY-MM-DD` (UTC). */
  verifiedOn: z.iso.date(),
  /** Whether the implementation passed the gate that day. */
  passed: z.boolean(),
  statements: z.array(statementFactSchema),
});

/** Zod schema of `docs/data/implementation-facts.json`. */
export const implementationFactsSchema = z.strictObject({
  schema: z.literal(1),
  /** How the file is refreshed. */
  command: z.string(),
  implementations: z.record(z.string(), implFactsSchema),
});

/** What the gate observed about one implementation's default configuration. */
export type ImplFacts = z.infer<typeof implFactsSchema>;
/** One endpoint's statements per request, as committed. */
export type StatementFact = z.infer<typeof statementFactSchema>;
/** The committed facts file. */
export type ImplementationFacts = z.infer<typeof implementationFactsSchema>;

/** An empty facts file. */
export function emptyFacts(): ImplementationFacts {
  return { schema: 1, command: FACTS_COMMAND, implementations: {} };
}

/** Reads the committed facts; an absent file is empty, an invalid one a usage error naming the field. */
export function readFacts(workspace: string): ImplementationFacts {
  const file = join(workspace, FACTS_FILE);
  if (!existsSync(file)) return emptyFacts();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalidFacts(`not valid JSON: ${(error as Error).message}`);
  }
  const parsed = implementationFactsSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw invalidFacts(where);
  }
  return parsed.data;
}

function invalidFacts(problem: string): CliError {
  return new CliError('LAB_FACTS_INVALID', `${FACTS_FILE}: ${problem}`, `fix the file or refresh it: ${FACTS_COMMAND}`, EXIT.setup);
}

/** One implementation's facts from its conformance report. */
export function factsOf(report: ConformanceReport, verifiedOn: Date): ImplFacts {
  return {
    verifiedOn: verifiedOn.toISOString().slice(0, 10),
    passed: report.passed,
    statements: statementProfiles(report).map(({ endpoint, requests, perRequest, byKind }) => ({ endpoint, requests, perRequest, byKind })),
  };
}

/** `facts` with `updates` replacing the entries of the same implementations; ids sorted. */
export function mergeFacts(facts: ImplementationFacts, updates: Readonly<Record<string, ImplFacts>>): ImplementationFacts {
  const all = { ...facts.implementations, ...updates };
  const sorted = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((id) => [id, all[id]!]),
  );
  return { schema: 1, command: FACTS_COMMAND, implementations: sorted };
}

/** Writes the facts file atomically (a temporary file renamed over it). */
export function writeFacts(workspace: string, facts: ImplementationFacts): string {
  const file = join(workspace, FACTS_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(facts, null, 2)}\n`);
  renameSync(tmp, file);
  return file;
}
