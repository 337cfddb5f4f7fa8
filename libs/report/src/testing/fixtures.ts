import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readResultFile, type ResultFile } from '@lab/results';
import type { ScenarioInfo } from '../report-model';

/** The committed fixture result files (`libs/report/fixtures/results`). */
export const FIXTURE_RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/results');

/** The scenario catalogue of the fixtures (titles, categories, hypotheses). */
export function fixtureScenarios(): ScenarioInfo[] {
  return JSON.parse(readFileSync(join(FIXTURE_RESULTS_DIR, '../scenarios.json'), 'utf8')) as ScenarioInfo[];
}

/** The cells of a markdown table row that starts with `label` in the section under `heading`. */
export function tableRow(markdown: string, heading: string, label: string): string[] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const next = markdown.indexOf('\n### ', start + heading.length);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const line = section.split('\n').find((l) => l.startsWith(`| ${label} `));
  if (!line) throw new Error(`no row ${label} under ${heading}`);
  return line
    .slice(1, -1)
    .split(' | ')
    .map((c) => c.trim());
}

/**
 * A committed fixture result (5 runs of typescript-node-http × 09-db-pagination, no timelines)
 * given one traffic timeline per run (`perRun[i]`: its requests per second; null leaves run i
 * without one), measured after `warmupMs` of warm-up.
 */
export async function fixtureWithRates(perRun: (readonly number[] | null)[], warmupMs = 0): Promise<ResultFile> {
  const result = await readResultFile(join(FIXTURE_RESULTS_DIR, 'typescript-node-http--09-db-pagination.json'));
  result.plan.warmupMs = warmupMs;
  result.runs.forEach((run, i) => {
    const rates = perRun[i];
    if (rates)
      run.timeline = {
        seconds: rates.length,
        requests: [...rates],
        errors: rates.map(() => 0),
        p50Us: rates.map(() => 500),
        p99Us: rates.map(() => 900),
        cpuCores: {},
        rssBytes: {},
      };
  });
  return result;
}
