import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Point } from '../../../../experiments/server-config/src/definition';
import { summarizeExperiment, type ExperimentSummary } from '../../../../experiments/server-config/src/summarize-experiment';
import { loadFixtureDefinition, measuredOutcomes, withMissing } from '../../../../experiments/server-config/src/testing/fixture-outcomes';
import { barChart, escapeHtml, renderServerConfigPage } from './render-page';

const workspaceRoot = resolve(__dirname, '../../../..');
let empty: ExperimentSummary;
let some: ExperimentSummary;

beforeAll(async () => {
  const { definition, points } = await loadFixtureDefinition(workspaceRoot);
  const r5 = (variant: string) => points.filter((p: Point) => p.rounds.includes('R5') && p.variant === variant && p.cpus === 1);
  const capacity = points.filter((p: Point) => p.rounds.includes('capacity') && p.impl === 'go-fiber' && p.scenario === '23-io-sleep' && p.cpus === 1);
  const outcomes = [
    ...measuredOutcomes(r5('default'), { ratesPerSec: [90, 92, 91] }),
    ...measuredOutcomes(r5('gunicorn-2'), { ratesPerSec: [80, 81, 79] }),
    ...measuredOutcomes(r5('gunicorn-4'), { ratesPerSec: [70, 71, 69], verdict: 'noisy' }),
    ...measuredOutcomes(capacity, { ratesPerSec: [400, 410, 405], capacitiesPerSec: [350, 360, 355] }),
  ];
  empty = summarizeExperiment(definition, withMissing(points, []), 2);
  some = summarizeExperiment(definition, withMissing(points, outcomes), 2);
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('renderServerConfigPage', () => {
  it('renders an empty experiment with its coverage, untested verdicts and the missing points', () => {
    const html = renderServerConfigPage(empty);
    expect(html).toMatch(/<p id="coverage">0 of \d+ points measured \(0 valid\), \d+ missing, \d+ need more than 2 cores\.<\/p>/);
    expect(count(html, '>untested<')).toBe(3);
    expect(count(html, '<li><code>')).toBe(empty.missing.length);
    expect(html).not.toContain('<svg');
  });

  it('draws one chart per round with a bar per measured point, greys invalid results, and lists capacity separately', () => {
    const html = renderServerConfigPage(some);
    const rounds = some.coverage.rounds.filter((r) => some.points.some((p) => p.rounds.includes(r.id))).map((r) => r.id);
    expect(rounds).toEqual(expect.arrayContaining(['R5', 'capacity']));
    expect([...html.matchAll(/<section class="round" data-round="([^"]+)">/g)].map((m) => m[1])).toEqual(rounds);
    const panelOf = (id: string) => html.slice(html.indexOf(`data-panel="${id}"`), html.indexOf('</figure>', html.indexOf(`data-panel="${id}"`)));
    const panel = panelOf('R5|27-mixed-report|1');
    expect(count(panel, '<g class="bar"')).toBe(3);
    expect(count(panel, 'fill="#bbb"')).toBe(1);
    expect(panelOf('capacity|23-io-sleep|1')).toContain('capacity (req/s within the SLO)');
    expect(html).toMatch(/<p id="coverage">[^<]*; host class AMD EPYC 7B13 ×\d+\.<\/p>/);
    expect(html).toContain('uvicorn, 1 process');
    expect(html).toMatch(/91\.0 \[\d+\.\d–\d+\.\d\]/);
  });

  it('says why a capacity bar is a lower bound, and which generator measured each sweep', () => {
    const stalled: ExperimentSummary = {
      ...some,
      points: some.points.map((p) => (p.vus === null ? { ...p, capacityCapped: true, capacityBound: 'generator-stall' as const, driver: 'loadgen' } : p)),
    };
    const html = renderServerConfigPage(stalled);
    const panel = html.slice(
      html.indexOf('data-panel="capacity|23-io-sleep|1"'),
      html.indexOf('</figure>', html.indexOf('data-panel="capacity|23-io-sleep|1"')),
    );
    expect(panel).toMatch(/data-label="go-fiber: [^"]+ \(≥: the generator's stalls\)"/);
    expect(html).toContain('<td>sweep (loadgen)</td>');
    expect(renderServerConfigPage(some)).toContain('<td>sweep (native)</td>');
  });

  it('names the VUs of each bar in a round that varies them', async () => {
    const { definition, points } = await loadFixtureDefinition(workspaceRoot);
    const r1 = points.filter((p: Point) => p.rounds.includes('R1') && p.variant === 'default');
    const html = renderServerConfigPage(summarizeExperiment(definition, withMissing(points, measuredOutcomes(r1, { ratesPerSec: [90, 92, 91] })), 2));
    const panel = html.slice(html.indexOf('data-panel="R1|23-io-sleep|1"'), html.indexOf('</figure>', html.indexOf('data-panel="R1|23-io-sleep|1"')));
    expect([...panel.matchAll(/data-label="[^"]*, (\d+) VUs"/g)].map((m) => Number(m[1]))).toEqual([10, 50, 100, 200]);
  });
});

describe('barChart', () => {
  it('escapes labels and puts each whisker between its bounds', () => {
    const svg = barChart([{ label: 'a<b', estimate: 10, low: 8, high: 12 }], 'req/s');
    expect(svg).toContain('a&lt;b');
    const [x1, x2] = [...svg.matchAll(/x[12]="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(x1).toBeLessThan(x2!);
  });

  it('says so when there is nothing to draw', () => {
    expect(barChart([], 'req/s')).toContain('Not measured yet');
    expect(escapeHtml('"&')).toBe('&quot;&amp;');
  });
});
