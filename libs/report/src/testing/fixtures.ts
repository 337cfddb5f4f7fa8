import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
