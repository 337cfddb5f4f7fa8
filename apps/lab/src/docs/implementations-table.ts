import type { ImplEntry, ImplManifest } from '@lab/manifest';
import { markdownTable } from 'markdown-table';
import type { ImplementationFacts, StatementFact } from '../facts/implementation-facts';

/** `processes × threads × pool` of a manifest's defaults, with the variables that change them. */
export function concurrencyOf(m: ImplManifest): { shape: string; knobs: string } {
  const c = m.concurrency;
  const threads = c.model === 'threads' && c.threads ? String(c.threads.default) : c.model;
  const knobs = [m.workers.env, ...(c.model === 'threads' && c.threads ? [c.threads.env] : []), m.pool.env].map((e) => `\`${e}\``).join(' × ');
  return { shape: `${m.workers.default} × ${threads} × ${m.pool.default}`, knobs };
}

/** One cell of the statements table: the total, then each kind, e.g. `3: BEGIN 1, SELECT 1, ROLLBACK 1`. */
export function statementCell(fact: StatementFact | undefined): string {
  if (!fact) return '–';
  const kinds = Object.entries(fact.byKind).map(([kind, n]) => `${kind} ${n}`);
  return kinds.length ? `**${fact.perRequest}**: ${kinds.join(', ')}` : '**0**';
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/**
 * The implementations page's generated section: each implementation's defaults from its
 * manifest, then the statements per request the gate observed (from the committed facts), with
 * the day each implementation was verified. An implementation the facts do not cover gets `–`.
 */
export function renderImplementationsTables(impls: readonly ImplEntry[], facts: ImplementationFacts): string {
  const defaults = markdownTable([
    ['implementation', 'server', 'concurrency', 'processes × threads × pool', 'set by', 'serializer', 'ORM / driver'],
    ...impls.map(({ id, manifest: m }) => {
      const c = concurrencyOf(m);
      return [`\`${id}\``, m.server, m.concurrency.model, c.shape, c.knobs, m.serializer, m.orm].map(escapeCell);
    }),
  ]);
  const endpoints = [...new Set(impls.flatMap(({ id }) => facts.implementations[id]?.statements.map((s) => s.endpoint) ?? []))];
  const statements = markdownTable([
    ['implementation', 'gate', ...endpoints.map((e) => `\`${e}\``)],
    ...impls.map(({ id }) => {
      const f = facts.implementations[id];
      const verdict = f ? `${f.passed ? 'passed' : 'failed'} ${f.verifiedOn}` : 'not verified';
      return [`\`${id}\``, verdict, ...endpoints.map((e) => statementCell(f?.statements.find((s) => s.endpoint === e)))];
    }),
  ]);
  return ['### Defaults', '', defaults, '', '### SQL statements per request', '', statements].join('\n');
}
