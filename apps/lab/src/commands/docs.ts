import { EXIT } from '../cli/exit-codes';
import type { Outcome } from '../cli/outcome';
import { DOCS_COMMAND, planDocs, readDocsInputs, writeDocs, type DocsProblem } from '../docs/generated-docs';

/** `lab docs`: rewrite the generated sections, or with `check` only say which are stale. */
export interface DocsConfig {
  name: 'docs';
  check: boolean;
  json: boolean;
}

/**
 * `lab docs [--check]`: the README's scenarios table and docs/implementations.md are generated
 * from the scenario definitions, the manifests and the gate's committed facts; the README's
 * implementations table must have one row per implementation. Without --check, stale sections are
 * rewritten; exit 1 when something is left that only a person can fix (or, with --check, anything is stale).
 */
export async function runDocs(workspace: string, cfg: DocsConfig): Promise<Outcome> {
  const plan = planDocs(await readDocsInputs(workspace));
  const stale: DocsProblem[] = plan.stale.map(({ file }) => ({ file, message: 'a generated section is out of date', hint: `run ${DOCS_COMMAND}` }));
  const written = cfg.check ? [] : writeDocs(workspace, plan);
  const problems = [...(cfg.check ? stale : []), ...plan.problems];
  // Missing gate facts are shown as – in the table: worth saying, not worth failing over.
  const failing = problems.filter((p) => !p.file.startsWith('docs/data/'));
  return {
    exitCode: failing.length ? EXIT.checkFailed : EXIT.ok,
    json: { written, problems },
    text: (paint) => [
      ...written.map((f) => `docs: rewrote ${f}`),
      ...problems.map((p) => `${paint.yellow(p.file)}: ${p.message}\n  hint: ${p.hint}`),
      ...(problems.length === 0 && written.length === 0 ? ['docs: every generated section is up to date'] : []),
    ],
    ...(failing.length
      ? {
          error: {
            code: 'LAB_DOCS_STALE',
            message: `${failing.length} docs problem(s), listed above`,
            hint: cfg.check ? `run ${DOCS_COMMAND}, then fix what it cannot` : 'fix the rows it names by hand',
            details: [],
            exitCode: EXIT.checkFailed,
          },
        }
      : {}),
  };
}
