import { z } from 'zod';

/** A name safe in file names and Nx project names: letters, digits, '.', '_', '-'. */
export const nameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a name of letters, digits, ".", "_" or "-"');

const positiveIntMs = z.int().positive();

/** One step of a saturation sweep: an arrival rate held for a duration. */
export const sweepStepSchema = z.strictObject({
  /** Target arrival rate, requests per second. */
  ratePerSec: z.number().positive(),
  /** How long the step lasts, milliseconds. */
  durationMs: positiveIntMs,
});

/**
 * The load model of a cell, discriminated by `kind` (names match the CLI's kebab-case flags):
 * closed = constant virtual users without think time; open = constant arrival rate
 * (coordinated-omission-correct); open-stages = open-model stages back to back; sweep = open-model steps until the SLO breaks.
 */
export const loadModelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('closed'), vus: z.int().positive(), durationMs: positiveIntMs }),
  z.strictObject({
    kind: z.literal('open'),
    ratePerSec: z.number().positive(),
    durationMs: positiveIntMs,
    /** Cap on concurrent requests in flight, if any. */
    maxVus: z.int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('open-stages'),
    /** Constant-rate stages run back to back (k6 ramping-arrival-rate with instant steps). */
    stages: z.array(sweepStepSchema).min(1),
    maxVus: z.int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('sweep'),
    steps: z.array(sweepStepSchema).min(1),
    /** The SLO that ends the sweep: this latency percentile (e.g. 99) must stay ≤ latencyUs. */
    slo: z.strictObject({ percentile: z.number().gt(0).lt(100), latencyUs: z.int().positive() }).optional(),
    /** Cap on requests in flight in each step (absent in older results: 256). */
    maxVus: z.int().positive().optional(),
  }),
]);

/** Identity of a cell: implementation × variant × scenario × resource profile × load model. */
export const cellSchema = z.strictObject({
  implementation: nameSchema,
  variant: nameSchema,
  scenario: nameSchema,
  profile: nameSchema,
  loadModel: loadModelSchema,
});

/** Parsed cell identity. */
export type Cell = z.infer<typeof cellSchema>;
/** Parsed load model. */
export type LoadModel = z.infer<typeof loadModelSchema>;
