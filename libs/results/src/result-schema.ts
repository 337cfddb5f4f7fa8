import { z } from 'zod';
import { cellSchema } from './cell-schema';
import { cellStatsSchema, extrasSchema, limitsSchema, roleResourcesSchema, roleSchema, thresholdSchema, validitySchema } from './outcome-schema';
import { provenanceSchema } from './provenance-schema';
import { histogramsSchema, planSchema, runSchema } from './run-schema';

/** The schema version this library writes and reads. Bump it on any incompatible change. */
export const RESULT_SCHEMA_VERSION = 2;

/**
 * A result file: everything measured for one cell, and the ONLY interface between `bench`
 * and `report`. Strict objects throughout (unknown keys are errors). Besides field types it
 * checks consistency: minRuns ≤ maxRuns, runs.length ≤ maxRuns, run indexes 0…n−1,
 * histograms.perRun aligned with runs (histograms null exactly for wrk-percentiles), stats.runs = runs.length, ci.low ≤ estimate ≤ ci.high,
 * ascending percentiles, reasons for any verdict but 'valid', and 'none' ⇒ not enforced.
 * `stats` is null when no measured run completed (e.g. verdict 'crashed').
 */
export const resultFileSchema = z
  .strictObject({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    /**
     * Where the latency figures come from: `hdr` (absent means `hdr`) = encoded HDR histograms,
     * merged across runs; `wrk-percentiles` = wrk reports percentiles only, so `histograms` is
     * null, each run carries wrk's `percentilesUs`, and `stats.percentilesFrom` is `median-of-runs`.
     */
    histogramSource: z.enum(['hdr', 'wrk-percentiles']).optional(),
    cell: cellSchema,
    provenance: provenanceSchema,
    plan: planSchema,
    runs: z.array(runSchema),
    histograms: histogramsSchema.nullable(),
    stats: cellStatsSchema.nullable(),
    resources: z.partialRecord(roleSchema, roleResourcesSchema),
    limits: limitsSchema,
    validity: validitySchema,
    extras: extrasSchema,
    thresholds: z.array(thresholdSchema),
  })
  .superRefine((result, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { plan, runs, stats } = result;
    if (plan.minRuns > plan.maxRuns) {
      issue(['plan', 'minRuns'], `minRuns ${plan.minRuns} exceeds maxRuns ${plan.maxRuns}`);
    }
    if (runs.length > plan.maxRuns) issue(['runs'], `${runs.length} runs exceed plan.maxRuns ${plan.maxRuns}`);
    runs.forEach((run, i) => {
      if (run.index !== i) issue(['runs', i, 'index'], `expected index ${i}, got ${run.index}`);
    });
    const wrkPercentiles = result.histogramSource === 'wrk-percentiles';
    if (wrkPercentiles) {
      if (result.histograms !== null) issue(['histograms'], "must be null when histogramSource is 'wrk-percentiles'");
      runs.forEach((run, i) => {
        if (!run.percentilesUs) issue(['runs', i, 'percentilesUs'], "required when histogramSource is 'wrk-percentiles'");
      });
      if (stats && stats.percentilesFrom !== 'median-of-runs') {
        issue(['stats', 'percentilesFrom'], "must be 'median-of-runs' when histogramSource is 'wrk-percentiles'");
      }
    } else if (result.histograms === null) {
      issue(['histograms'], "null only when histogramSource is 'wrk-percentiles'");
    } else if (result.histograms.perRun.length !== runs.length) {
      issue(['histograms', 'perRun'], `${result.histograms.perRun.length} run histograms for ${runs.length} runs`);
    }
    if (!wrkPercentiles && stats?.percentilesFrom === 'median-of-runs') {
      issue(['stats', 'percentilesFrom'], "'median-of-runs' only when histogramSource is 'wrk-percentiles'");
    }
    if (stats) {
      if (stats.runs !== runs.length) issue(['stats', 'runs'], `stats.runs ${stats.runs} but ${runs.length} runs`);
      if (!(stats.ci.low <= stats.estimate && stats.estimate <= stats.ci.high)) {
        issue(['stats', 'ci'], `estimate ${stats.estimate} is outside [${stats.ci.low}, ${stats.ci.high}]`);
      }
      const { kind, confidence, method } = stats.ci;
      if (kind === 'ci' ? confidence === null || method === null : confidence !== null || method !== null) {
        issue(['stats', 'ci', 'confidence'], 'a confidence level and method belong to a CI only (kind ci), and every CI has them');
      }
      if (kind === 'ci' && stats.runs < 3) issue(['stats', 'ci', 'kind'], `${stats.runs} run(s) give a range, not a CI`);
      const order = ['p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
      order.slice(1).forEach((key, i) => {
        if (stats.percentilesUs[key] < stats.percentilesUs[order[i]!]) {
          issue(['stats', 'percentilesUs', key], `${key} is below ${order[i]}`);
        }
      });
    }
    if (result.validity.verdict !== 'valid' && result.validity.reasons.length === 0) {
      issue(['validity', 'reasons'], `verdict '${result.validity.verdict}' needs at least one reason`);
    }
    if (result.limits.mechanism === 'none' && result.limits.enforced) {
      issue(['limits', 'enforced'], "mechanism 'none' cannot enforce limits");
    }
  });

/** A parsed, valid result file. */
export type ResultFile = z.infer<typeof resultFileSchema>;
