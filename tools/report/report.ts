/**
 * The report entry point, independent of the lab CLI:
 *
 *   node --import tsx tools/report/report.ts [--scope workspace|scenario:<id>|impl:<id>]
 *     [--results <dir>]... [--out <file>] [--discoveries <file>] [--readme <file>] [--scenarios-json <file>]
 *
 * Defaults: scope workspace; results from results/published/ then results/raw/ (newest file per
 * cell wins); workspace → docs/benchmark-results.md and learnings/DISCOVERIES.md, other scopes →
 * dist/reports/<scenario|impl>-<id>.md. The workspace page also refreshes the headline table
 * between the markers of README.md (or --readme) when it goes to its default place or --readme
 * is given. stdout lists the files written; stderr says the rest.
 * Exit codes: 0 written (even with no results), 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScope, ReportError } from '@lab/report';
import { runReport } from './run-report';

const HELP = `usage: node --import tsx tools/report/report.ts [--scope workspace|scenario:<id>|impl:<id>] [--results <dir>]... [--out <file>]
  --scope           what to report (default workspace)
  --results         a results root, read recursively; repeatable (default results/published, results/raw)
  --out             markdown file (default docs/benchmark-results.md, or dist/reports/<scope>.md)
  --discoveries     findings file for the workspace scope (default learnings/DISCOVERIES.md)
  --readme          file whose <!-- benchmark-headline:start/end --> markers get the headline table (default README.md, unless --out is given)
  --scenarios-json  scenario catalogue as JSON instead of importing scenarios/*/scenario.ts
example: node --import tsx tools/report/report.ts --scope scenario:09-db-pagination --out tmp/09.md`;

try {
  const { values } = parseArgs({
    options: {
      scope: { type: 'string', default: 'workspace' },
      results: { type: 'string', multiple: true },
      out: { type: 'string' },
      discoveries: { type: 'string' },
      readme: { type: 'string' },
      'scenarios-json': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const { written, warnings, cells } = await runReport({
    workspaceRoot: join(dirname(fileURLToPath(import.meta.url)), '../..'),
    scope: parseScope(values.scope),
    resultDirs: values.results,
    out: values.out,
    discoveriesOut: values.discoveries,
    readme: values.readme,
    scenariosJson: values['scenarios-json'],
  });
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  process.stderr.write(`report: ${cells} cell${cells === 1 ? '' : 's'}${cells === 0 ? ' (no results yet)' : ''}\n`);
  process.stdout.write(`${written.join('\n')}\n`);
} catch (error) {
  if (error instanceof ReportError) {
    process.stderr.write(`error[${error.code}]: ${error.message}\nhint: ${error.hint}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error).message}\n${HELP}\n`);
  }
  process.exit(2);
}
