import { describe, expect, it } from 'vitest';
import type { DashboardCell } from '@lab/report';
import { toCsv } from './csv';
import { applyFilter } from './data';

const cell = (over: Partial<DashboardCell>): DashboardCell => ({
  key: 'k',
  implementation: 'a',
  variant: 'default',
  label: 'a',
  scenario: '01-x',
  category: 'basic',
  profile: 'default',
  hostId: 'h',
  loadKind: 'closed',
  load: 'closed',
  ratePerSec: 100.5,
  ratePerSecLow: 99,
  ratePerSecHigh: 101,
  cv: 0.01,
  runs: 3,
  hostClass: 'cpu ×2',
  p50Us: 1,
  p90Us: 2,
  p95Us: 3,
  p99Us: 4,
  errorRate: 0,
  verdict: 'valid',
  reasons: [],
  rank: 1,
  tiedWith: [],
  shareOfBest: 1,
  groupP95Us: {},
  latencyCurve: [],
  runPoints: [],
  resources: [],
  timelines: [],
  settledAtSecond: {},
  extras: {},
  ...over,
});

describe('toCsv', () => {
  it('writes a header, full-precision numbers, empty unknowns and quotes what needs it', () => {
    const csv = toCsv([cell({ label: 'a, "b"', rank: null })]);
    const [header, row] = csv.split('\r\n');
    expect(header!.split(',')).toHaveLength(17);
    expect(row).toBe('01-x,"a, ""b""",default,h,,,100.5,99,101,0.01,3,1,2,3,4,0,valid');
  });
});

describe('applyFilter', () => {
  it.each([
    [{ scenario: null, implementation: null, profile: null }, 3],
    [{ scenario: '01-x', implementation: null, profile: null }, 2],
    [{ scenario: '01-x', implementation: 'b', profile: null }, 1],
    [{ scenario: null, implementation: null, profile: 'half' }, 0],
  ])('%o lets %i cells through', (filter, n) => {
    const cells = [cell({ key: '1' }), cell({ key: '2', implementation: 'b' }), cell({ key: '3', scenario: '02-y' })];
    expect(applyFilter(cells, filter)).toHaveLength(n);
  });
});
