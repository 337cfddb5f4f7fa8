/**
 * Builds the dashboard from the committed fixture result files and drives it in Debian's
 * Chromium (playwright-core) from file://, offline. Artifacts (site, screenshot, CSV) go to
 * tmp/dashboard-test/ at the workspace root (gitignored).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '@lab/report';
import { writeResultFile } from '@lab/results';
import { fixturePointResult } from '../../../experiments/server-config/src/testing/fixture-point-result';
import { loadFixtureDefinition } from '../../../experiments/server-config/src/testing/fixture-outcomes';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'tmp/dashboard-test');
const SITE = join(ARTIFACTS, 'dist');
/** Fixture point results of the server-config experiment: round R1 (FastAPI, io-sleep at 1 CPU), one result per point. */
const EXPERIMENT = 'tmp/dashboard-test/experiment';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let profileDir: string;
let context: BrowserContext;
let page: Page;
let data: DashboardData;
const offSiteRequests: string[] = [];

const count = (selector: string) => page.locator(selector).count();
const bars = () => count('#chart-throughput svg g[aria-label="bar"] rect');

beforeAll(async () => {
  await rm(join(ROOT, EXPERIMENT), { recursive: true, force: true });
  await mkdir(join(ROOT, EXPERIMENT), { recursive: true });
  const { points } = await loadFixtureDefinition(ROOT);
  for (const point of points.filter((p) => p.rounds.includes('R1'))) {
    const rate = point.variant === 'default' ? 100 : 95;
    await writeResultFile(join(ROOT, EXPERIMENT, `${point.id}.json`), fixturePointResult(point, { ratesPerSec: [rate, rate + 1, rate - 1] }));
  }
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/dashboard/build/build.ts',
      '--results',
      'libs/report/fixtures/results',
      '--scenarios-json',
      'libs/report/fixtures/scenarios.json',
      '--experiment-results',
      EXPERIMENT,
      '--out',
      'tmp/dashboard-test/dist',
    ],
    { cwd: ROOT },
  );
  data = JSON.parse(await readFile(join(SITE, 'data.json'), 'utf8')) as DashboardData;
  profileDir = await mkdtemp(join(tmpdir(), 'lab-dashboard-chromium-'));
  // A fresh profile per run: launchPersistentContext passes it as --user-data-dir.
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offSiteRequests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  await page.goto(pathToFileURL(join(SITE, 'index.html')).href);
  await page.waitForSelector('#chart-throughput svg');
});

afterAll(async () => {
  await context?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

describe('dashboard (built from the fixtures, opened from file:// in Chromium)', () => {
  it('loads offline: no request leaves file://', () => {
    expect(offSiteRequests).toEqual([]);
    expect(data.cells).toHaveLength(7);
  });

  it('draws one throughput bar and one CI whisker per cell', async () => {
    expect(await bars()).toBe(7);
    expect(await count('#chart-throughput svg g[aria-label="rule"] line')).toBeGreaterThanOrEqual(7);
  });

  /** Texts of the SVG charts under `selector` that stick out of their SVG (clipped at the left or the right). */
  const clippedTexts = (selector: string) =>
    page.locator(`${selector} svg`).evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
          .map(({ text }) => text);
      }),
    );

  it.each([
    ['throughput', '#chart-throughput', (c: DashboardData['cells'][number]) => c.ratePerSec !== null, ['x']],
    ['latency distribution', '#chart-latency', (c: DashboardData['cells'][number]) => c.latencyCurve.length > 0, ['x', 'y']],
    ['throughput vs latency', '#chart-throughput-latency', (c: DashboardData['cells'][number]) => c.runPoints.some((p) => p.p99Us !== null), ['x', 'y']],
    ['p95 per group', '#chart-group-p95', (c: DashboardData['cells'][number]) => Object.values(c.groupP95Us).some((v) => v !== null), ['x']],
  ] as const)('gives every scenario its own %s panel with its own axes, and clips no label', async (_name, selector, drawn, axes) => {
    const scenarios = [...new Set(data.cells.filter(drawn).map((c) => c.scenario))].sort();
    const panels = page.locator(`${selector} figure.scenario-panel`);
    expect((await panels.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['scenario']))).sort()).toEqual(scenarios);
    for (let i = 0; i < scenarios.length; i++) {
      for (const axis of axes) expect(await panels.nth(i).locator(`svg g[aria-label="${axis}-axis tick label"]`).count(), `${scenarios[i]} ${axis}`).toBe(1);
    }
    expect(await clippedTexts(selector)).toEqual([]);
  });

  it('draws the overview: one cell per scenario × implementation as its share of the best valid one, no label clipped', async () => {
    const drawn = data.cells.filter((c) => c.variant === 'default' && c.ratePerSec !== null);
    expect(await count('#chart-overview svg g[aria-label="cell"] rect')).toBe(drawn.length);
    const texts = await page.locator('#chart-overview svg g[aria-label="text"] text').allTextContents();
    const expected = drawn.map((c) => (c.verdict === 'valid' ? `${Math.round(c.shareOfBest! * 100)} %` : `✗ ${c.verdict}`));
    expect([...texts].sort()).toEqual(expected.sort());
    expect(texts).toContain('✗ generator-bound');
    expect(
      drawn
        .filter((c) => c.shareOfBest === 1)
        .map((c) => c.scenario)
        .sort(),
    ).toEqual([...new Set(drawn.filter((c) => c.verdict === 'valid').map((c) => c.scenario))].sort());
    expect(await clippedTexts('#chart-overview')).toEqual([]);
  });

  it('saves a screenshot of every chart as a test artifact', async () => {
    // The sticky filter bar would cover the top of each element's screenshot.
    await page.addStyleTag({ content: '.filters { position: static !important; }' });
    for (const id of [
      'chart-overview',
      'chart-throughput',
      'chart-latency',
      'chart-throughput-latency',
      'chart-group-p95',
      'chart-resources',
      'chart-memory',
      'chart-timeline',
    ]) {
      const png = await page.locator(`#${id}`).screenshot({ path: join(ARTIFACTS, `${id}.png`) });
      expect(png.subarray(1, 4).toString(), id).toBe('PNG');
    }
  });

  it("offers the cells with a per-second timeline and draws one run's rate, latency, CPU and memory, each panel with its own axes, no label clipped", async () => {
    const withTimeline = data.cells.filter((c) => c.timelines.length > 0);
    expect(withTimeline.length).toBeGreaterThan(0);
    expect(withTimeline.length).toBeLessThan(data.cells.length);
    expect((await page.locator('#timeline-cell option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).sort()).toEqual(
      withTimeline.map((c) => c.key).sort(),
    );
    const node = withTimeline.find((c) => c.implementation === 'typescript-node-http')!;
    await page.selectOption('#timeline-cell', node.key);
    expect(await count('#timeline-run option')).toBe(node.timelines.length);
    const panels = page.locator('#chart-timeline figure.timeline-panel');
    expect(await panels.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['metric']))).toEqual(['rate', 'latency', 'cpu', 'memory']);
    for (let i = 0; i < 4; i++) {
      for (const axis of ['x', 'y']) expect(await panels.nth(i).locator(`svg g[aria-label="${axis}-axis tick label"]`).count(), `panel ${i} ${axis}`).toBe(1);
    }
    const lines = (metric: string) => count(`#chart-timeline figure[data-metric="${metric}"] svg g[aria-label="line"] path`);
    const first = node.timelines[0]!;
    expect(await lines('rate')).toBe(1);
    expect(await lines('latency')).toBe(2);
    expect(await lines('cpu')).toBe(Object.keys(first.cpuCores).length);
    expect(await lines('memory')).toBe(Object.keys(first.rssBytes).length);
    expect(await clippedTexts('#chart-timeline')).toEqual([]);
    const marker = () => page.locator('#chart-timeline figure[data-metric="rate"] svg g[aria-label="text"] text').textContent();
    expect(await marker()).toBe(`steady from second ${node.settledAtSecond[first.run]}`);
    await page.locator('#chart-timeline').screenshot({ path: join(ARTIFACTS, 'chart-timeline-node.png') });
    const second = node.timelines[1]!;
    await page.selectOption('#timeline-run', String(second.run));
    expect(await marker()).toBe(`steady from second ${node.settledAtSecond[second.run]}`);
    await page.selectOption('#timeline-run', String(first.run));
  });

  it('says so when no filtered cell has a timeline', async () => {
    await page.selectOption('#filter-scenario', '09-db-pagination');
    expect(await count('#timeline-cell option')).toBe(0);
    expect(await page.locator('#chart-timeline p.empty').textContent()).toContain('No cell in the filter has a per-second timeline');
    await page.selectOption('#filter-scenario', '');
    expect(await count('#chart-timeline figure.timeline-panel')).toBe(4);
  });

  it('draws one latency percentile curve per cell, from the merged histograms', async () => {
    expect(await count('#chart-latency svg g[aria-label="line"] path')).toBe(7);
  });

  it('draws one throughput/latency dot per run and stacked resource bars per role', async () => {
    const runs = data.cells.reduce((n, c) => n + c.runPoints.length, 0);
    expect(await count('#chart-throughput-latency svg g[aria-label="dot"] circle')).toBe(runs);
    const roles = data.cells.reduce((n, c) => n + c.resources.length, 0);
    expect(await count('#chart-resources svg g[aria-label="bar"] rect')).toBe(roles);
  });

  it('shows the table with the report markers', async () => {
    expect(await count('#cells-table tbody tr')).toBe(7);
    // A row's key is implementation|variant|scenario|profile|load shape|host.
    const rank = ([head, host]: [string, string]) => page.locator(`#cells-table tr[data-key^="${head}"][data-key$="${host}"] td:nth-child(4)`).textContent();
    const key = (impl: string, scenario: string): [string, string] => [`${impl}|default|${scenario}|default|`, '|fixture-host'];
    expect(await rank(key('typescript-node-http', '09-db-pagination'))).toBe('#1 ≈');
    expect(await rank(key('go-fiber', '01-lightweight'))).toBe('✗');
    expect(await rank(key('python-fastapi-strict', '15-with-cache'))).toBe('✗');
  });

  it('a filter changes the charts and the table', async () => {
    await page.selectOption('#filter-implementation', 'python-fastapi-strict');
    expect(await bars()).toBe(3);
    expect(await count('#cells-table tbody tr')).toBe(3);
    await page.selectOption('#filter-scenario', '09-db-pagination');
    expect(await bars()).toBe(1);
    expect(await count('#chart-latency svg g[aria-label="line"] path')).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-filtered.png'), fullPage: true });
    await page.selectOption('#filter-scenario', '');
    await page.selectOption('#filter-implementation', '');
    expect(await bars()).toBe(7);
  });

  it('exports the filtered table as CSV', async () => {
    await page.selectOption('#filter-scenario', '01-lightweight');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const file = join(ARTIFACTS, 'benchmark-results.csv');
    await download.saveAs(file);
    const lines = (await readFile(file, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^scenario,implementation,profile,host,rank,/);
    expect(lines).toHaveLength(4);
    const node = data.cells.find((c) => c.key.startsWith('typescript-node-http|default|01-lightweight'))!;
    expect(lines.find((l) => l.includes('typescript-node-http'))).toContain(`,${node.ratePerSec},${node.ratePerSecLow},${node.ratePerSecHigh},`);
    await page.selectOption('#filter-scenario', '');
  });

  it('saves a full-page screenshot as a test artifact', async () => {
    const path = join(ARTIFACTS, 'dashboard.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('links the server-config experiment page, which draws its rounds and links back, no label clipped', async () => {
    await page.click('#link-server-config');
    await page.waitForSelector('#coverage');
    expect(page.url()).toMatch(/server-config\.html$/);
    expect(await page.locator('#coverage').textContent()).toMatch(/^12 of \d+ points measured \(12 valid\)/);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Hypotheses', 'What to run', 'Throughput and capacity, round by round', 'Evidence']),
    );
    expect(await page.locator('section.round svg').count()).toBeGreaterThan(0);
    expect(await clippedTexts('body')).toEqual([]);
    const png = await page.screenshot({ path: join(ARTIFACTS, 'server-config.png'), fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(offSiteRequests).toEqual([]);
    await page.click('#link-results');
    await page.waitForSelector('#chart-throughput svg');
  });
});
