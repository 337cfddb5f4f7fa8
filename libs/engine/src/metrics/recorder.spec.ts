import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { Recorder, type RequestSample, createHistogram } from './recorder';

const sample = (latencyUs: number, status = 200): RequestSample => ({ latencyUs, status, endpoint: 'e', bytes: 10 });

/** p50/p99 of `values` from a histogram built here, independently of the recorder. */
function reference(values: number[]): { p50Us: number; p99Us: number } {
  const h = createHistogram();
  for (const v of values) h.recordValue(v);
  return { p50Us: h.getValueAtPercentile(50), p99Us: h.getValueAtPercentile(99) };
}

describe('Recorder timeline', () => {
  it('keeps every second exact while the clock moves on and when a late sample lands in a past second', () => {
    const rec = new Recorder(0);
    const bySecond: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    const add = (second: number, latencyUs: number) => {
      rec.record(sample(latencyUs), second * 1000 + 500);
      bySecond[second]!.push(latencyUs);
    };
    for (let i = 1; i <= 200; i++) add(0, i * 10);
    for (let i = 1; i <= 300; i++) add(1, 5_000 + i);
    add(0, 90_000); // second 0 is left behind already
    for (let i = 1; i <= 100; i++) add(2, 123_456 + i * 1000);
    add(1, 1); // and second 1 as well
    const timeline = rec.timeline();
    expect(timeline.map((p) => p.second)).toEqual([0, 1, 2]);
    for (const p of timeline) {
      expect(p.requests).toBe(bySecond[p.second]!.length);
      expect({ p50Us: p.p50Us, p99Us: p.p99Us }).toEqual(reference(bySecond[p.second]!));
    }
    const all = Object.values(bySecond).flat();
    expect(rec.overall.hist.totalCount).toBe(all.length);
    expect(rec.overall.hist.getValueAtPercentile(99)).toBe(reference(all).p99Us);
  });

  it('merges a finished recorder, its seconds offset, and still encodes mergeable histograms', () => {
    const step = new Recorder(0);
    for (let s = 0; s < 3; s++) for (let i = 1; i <= 50; i++) step.record(sample(100 * (s + 1) + i, i % 10 === 0 ? 500 : 200), s * 1000 + i);
    step.closed = true;
    const totals = new Recorder(0);
    totals.merge(step, 4);
    expect(totals.timeline().map((p) => [p.second, p.requests, p.errors])).toEqual([
      [4, 50, 5],
      [5, 50, 5],
      [6, 50, 5],
    ]);
    expect(totals.statuses).toEqual({ '200': 135, '500': 15 });
    const decoded = hdr.decodeFromCompressedBase64(totals.overallJSON().histogram ?? '', 32, false);
    expect(decoded.totalCount).toBe(150);
  });
});
