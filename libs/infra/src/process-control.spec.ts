import { describe, expect, it } from 'vitest';
import { isAlive, signal } from './process-control';

describe('signal', () => {
  // SIGCONT is harmless even if the guard ever broke.
  it.each([0, 1, -1, Number.NaN])('refuses pid %s (own group / every process)', (pid) => {
    expect(signal(pid, 'SIGCONT')).toBe(false);
  });
});

describe('isAlive', () => {
  it('knows this process and rejects impossible pids', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(-1)).toBe(false);
    expect(isAlive(0)).toBe(false);
  });
});
