import { afterEach, describe, expect, it } from 'vitest';
import { parseProcStat } from './proc';
import { sampleProcessTree } from './process-tree';
import { eventually, processTracker } from './test-processes';

const procs = processTracker();
afterEach(() => procs.killAll());

describe('parseProcStat', () => {
  it('reads ppid and CPU ticks even when the command name holds spaces and parentheses', () => {
    const text = '42 (my (odd) name) S 7 42 42 0 -1 4194560 100 0 0 0 30 12 5 3 20 0 1 0 100 1000 50';
    expect(parseProcStat(42, text)).toEqual({ pid: 42, state: 'S', ppid: 7, selfTicks: 42, reapedChildrenTicks: 8 });
  });
});

describe('sampleProcessTree', () => {
  it('finds the root and its children and reads their memory', async () => {
    const t = procs.spawn(['sh', '-c', 'sleep 30 & sleep 30 & wait']);
    let sample = await sampleProcessTree(t.pid);
    await eventually(async () => (sample = await sampleProcessTree(t.pid)).pids.length === 3);
    expect(sample.pids[0]).toBe(t.pid);
    expect(sample.pids).toHaveLength(3);
    expect(sample.rssBytes).toBeGreaterThan(0);
    expect(sample.hwmBytes).toBeGreaterThanOrEqual(sample.rssBytes);
    expect(sample.cpuSeconds).toBeGreaterThanOrEqual(0);
  });

  it('gives zeros and no pids for a process that is gone', async () => {
    const t = procs.spawn(['true']);
    await t.exited;
    expect(await sampleProcessTree(t.pid)).toEqual({ cpuSeconds: 0, rssBytes: 0, hwmBytes: 0, pids: [] });
  });
});
