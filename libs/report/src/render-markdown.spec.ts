import { decodeHistogram, readResultsDir, type LoadedResult } from '@lab/results';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from './build-report-model';
import { CI_RULE, TIE_RULE } from './rank-cells';
import { parseScope, renderMarkdown } from './render-markdown';
import type { ReportModel } from './report-model';
import { FIXTURE_RESULTS_DIR, fixtureScenarios, tableRow } from './testing/fixtures';

// Independent formatting of the expected figures (not the report's own formatters).
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (us: number) => `${(us / 1000).toFixed(us < 10_000 ? 2 : us < 100_000 ? 1 : 0)} ms`;

let loaded: LoadedResult[];
let model: ReportModel;
let markdown: string;

beforeAll(async () => {
  ({ results: loaded } = await readResultsDir(FIXTURE_RESULTS_DIR));
  model = buildReportModel(loaded, { scenarios: fixtureScenarios() });
  markdown = renderMarkdown(model);
});

describe('renderMarkdown (workspace) from the fixture result files', () => {
  it('reads all seven fixtures', () => {
    expect(loaded).toHaveLength(7);
  });

  it("states the page's precision: the median and 10th/90th percentiles of the cells' CV, and the count of each verdict", () => {
    const cvs = loaded.map(({ result }) => result.stats!.cv!).sort((a, b) => a - b);
    // Type-7 quantile, written out: h = (n − 1)·p, then linear between the two neighbours.
    const q = (p: number) => {
      const h = (cvs.length - 1) * p;
      const lo = Math.floor(h);
      return cvs[lo]! + (h - lo) * ((cvs[Math.min(lo + 1, cvs.length - 1)] ?? 0) - cvs[lo]!);
    };
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    expect(markdown).toContain(
      `the coefficient of variation of a cell's run rates is ${pct(q(0.5))} at the median (10th percentile ${pct(q(0.1))}, 90th ${pct(q(0.9))}) over the 7 cells with two runs or more.`,
    );
    const verdicts = new Map<string, number>();
    for (const { result } of loaded) verdicts.set(result.validity.verdict, (verdicts.get(result.validity.verdict) ?? 0) + 1);
    for (const [verdict, n] of verdicts) expect(markdown).toMatch(new RegExp(`Verdicts: [^\\n]*\\b${n} ${verdict}\\b`));
  });

  it('shows, for every cell, the median req/s, CI, runs, CV, error %, merged-histogram percentiles and server resources of its file', () => {
    for (const { result } of loaded) {
      const row = tableRow(markdown, `### ${result.cell.scenario}`, result.cell.implementation);
      const [, , rate, cv, runs, p50, p90, p95, p99, errors, cpu, rss, verdict] = row;
      const server = result.resources.server!;
      expect(cpu).toBe(String(Number(server.cpuSecondsPer1kRequests.toPrecision(3))));
      expect(rss).toBe(`${(server.peakRssBytes / 1024 ** 2).toFixed(1)} MiB`);
      const s = result.stats!;
      expect(rate).toBe(`${int(s.estimate)} [${int(s.ci.low)}–${int(s.ci.high)}]`);
      expect(cv).toBe(`${(s.cv! * 100).toFixed(1)} %`);
      expect(runs).toBe(String(result.runs.length));
      const merged = decodeHistogram(result.histograms!.merged.latencyUs);
      expect([p50, p90, p95, p99]).toEqual([50, 90, 95, 99].map((q) => ms(merged.getValueAtPercentile(q))));
      expect([p50, p99]).toEqual([ms(s.percentilesUs.p50), ms(s.percentilesUs.p99)]);
      const requests = result.runs.reduce((n, r) => n + r.requests, 0);
      const failed = result.runs.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0), 0);
      expect(errors).toBe(`${((failed / requests) * 100).toFixed(2)} %`);
      expect(verdict).toBe(result.validity.verdict);
    }
  });

  it('puts every cell in its category matrix with the same median and CI', () => {
    for (const { result } of loaded) {
      const s = result.stats!;
      expect(markdown).toContain(`${int(s.estimate)} [${int(s.ci.low)}–${int(s.ci.high)}]`);
    }
    expect(markdown).toMatch(/### basic\n[\s\S]*\| 01-lightweight — Lightweight: GET \/health \|/);
    expect(markdown).toMatch(/### db-advanced\n/);
    expect(markdown).toMatch(/### caching\n/);
  });

  it('marks the tie in 09 on both cells, with the same rank', () => {
    for (const impl of ['typescript-node-http', 'python-fastapi-strict']) {
      expect(tableRow(markdown, '### 09-db-pagination', impl)[1]).toBe('#1 ≈');
    }
    expect(markdown).toContain('≈ **typescript-node-http** is tied with python-fastapi-strict');
  });

  it('ranks a clear difference without a tie mark', () => {
    expect(tableRow(markdown, '### 01-lightweight', 'typescript-node-http')[1]).toBe('#1');
    expect(tableRow(markdown, '### 01-lightweight', 'python-fastapi-strict')[1]).toBe('#2');
  });

  it('lists 15-with-cache / python-fastapi-strict as invalid (errors), never ranked', () => {
    expect(tableRow(markdown, '### 15-with-cache', 'python-fastapi-strict')[1]).toBe('✗');
    expect(markdown).toContain('✗ **python-fastapi-strict** not ranked — errors:');
    expect(markdown).toMatch(/✗ [\d,]+ \[[\d,]+–[\d,]+\] \(errors\)/);
  });

  it('lists 01-lightweight / go-fiber as generator-bound, never ranked, and says its lower bound beats every ranked cell', () => {
    expect(tableRow(markdown, '### 01-lightweight', 'go-fiber')[1]).toBe('✗ ≥');
    expect(markdown).toMatch(/✗ \*\*go-fiber\*\* not ranked — generator-bound: .*; even so, this lower bound is significantly above every ranked cell/);
    expect(markdown).toMatch(/✗ ≥ [\d,]+ \[[\d,]+–[\d,]+\] \(generator-bound\)/);
    expect(tableRow(markdown, '### 01-lightweight', 'typescript-node-http')[1]).toBe('#1');
  });

  it('shows resources per role and the scenario extras', () => {
    const fastify = loaded.find((l) => l.result.cell.scenario === '15-with-cache' && l.result.cell.implementation === 'typescript-node-http')!.result;
    const section = markdown.slice(markdown.indexOf('### 15-with-cache'));
    const row = tableRow(section, 'Resources (', 'typescript-node-http');
    expect(row).toContain(`${fastify.resources.server!.cpuSecondsPer1kRequests} CPU-s · ${(fastify.resources.server!.peakRssBytes / 1048576).toFixed(1)} MiB`);
    const extras = markdown.slice(markdown.indexOf('Scenario figures:'));
    expect(tableRow(extras, 'Scenario figures:', 'typescript-node-http')).toEqual(['typescript-node-http', '0.953', '1,171,204', '57,391', '0.047']);
  });

  it('writes the host and profile header', () => {
    expect(markdown).toContain('| fixture-host | AMD EPYC 7B13 | 2     | 8.0 GiB |');
    expect(markdown).toContain('server: 1 CPU, cpuset 0, 2.0 GiB; database: cpuset 0; generator: cpuset 1');
  });

  it('is deterministic (same results, same bytes)', () => {
    expect(renderMarkdown(buildReportModel(loaded, { scenarios: fixtureScenarios() }))).toBe(markdown);
  });
});

describe('scopes', () => {
  it('a scenario report shows only that scenario, with ranks computed over all cells', () => {
    const md = renderMarkdown({ ...model, scope: parseScope('scenario:09-db-pagination') });
    expect(md).toContain('# Benchmark results — scenario 09-db-pagination');
    expect(md).not.toContain('### 01-lightweight');
    expect(tableRow(md, '### 09-db-pagination', 'python-fastapi-strict')[1]).toBe('#1 ≈');
  });

  it('an implementation report shows that implementation across scenarios', () => {
    const md = renderMarkdown({ ...model, scope: parseScope('impl:python-fastapi-strict') });
    expect(md).not.toContain('typescript-node-http |');
    expect(tableRow(md, '### 01-lightweight', 'python-fastapi-strict')[1]).toBe('#2');
    expect(md).toContain('### 15-with-cache');
  });

  it('without results it renders a "no results yet" page', () => {
    const md = renderMarkdown(buildReportModel([]));
    expect(md).toContain('**No results yet.**');
  });

  it.each([
    ['with results', () => model],
    ['without results', () => buildReportModel([])],
  ])('states the interval and the comparison rule in the legend, %s', (_, get) => {
    const md = renderMarkdown(get());
    expect(md).toContain(`- Throughput: ${CI_RULE}`);
    expect(md).toContain(`- Ties: ${TIE_RULE}`);
    expect(CI_RULE).toMatch(/Student's t on the logarithms/);
    expect(TIE_RULE).toMatch(/Welch's t-test .* Holm's correction/);
  });

  it('rejects an unknown scope with LAB_REPORT_INVALID_SCOPE', () => {
    expect(() => parseScope('scenarios:01')).toThrow(expect.objectContaining({ code: 'LAB_REPORT_INVALID_SCOPE' }));
  });
});
