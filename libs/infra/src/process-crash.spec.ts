import { describe, expect, it } from 'vitest';
import { describeCrash, describeCrashCause, formatBytes } from './process-crash';

const MiB = 1024 ** 2;

describe('describeCrashCause', () => {
  it.each([
    ['an exit code', { exit: { code: 3, signal: null }, oomKilled: false }, 'code 3'],
    ['a signal without a limit', { exit: { code: null, signal: 'SIGKILL' }, oomKilled: false }, 'signal SIGKILL'],
    ['a signal other than SIGKILL under a limit', { exit: { code: null, signal: 'SIGSEGV' }, oomKilled: false, memoryLimitBytes: 64 * MiB }, 'signal SIGSEGV'],
    [
      'the kernel OOM killer',
      { exit: { code: null, signal: 'SIGKILL' }, oomKilled: true, memoryLimitBytes: 128 * MiB },
      'OOM-killed at its memory limit of 128 MiB (signal SIGKILL)',
    ],
    [
      'the OOM killer seen through a shell (137)',
      { exit: { code: 137, signal: null }, oomKilled: true, memoryLimitBytes: 2 * 1024 * MiB },
      'OOM-killed at its memory limit of 2 GiB (code 137)',
    ],
    [
      'SIGKILL under a limit, no kernel counter',
      { exit: { code: null, signal: 'SIGKILL' }, oomKilled: false, memoryLimitBytes: 64 * MiB },
      'killed by SIGKILL under a memory limit of 64 MiB (probably the OOM killer; signal SIGKILL)',
    ],
  ])('%s', (_name, crash, expected) => {
    expect(describeCrashCause(crash)).toBe(expected);
  });
});

describe('describeCrash', () => {
  it('follows the cause with the last output lines, indented', () => {
    expect(describeCrash({ exit: { code: 1, signal: null }, oomKilled: false, logTail: 'starting\nboom\n' })).toBe('code 1; last output:\n  starting\n  boom');
    expect(describeCrash({ exit: { code: 1, signal: null }, oomKilled: false, logTail: '' })).toBe('code 1; last output:\n  (none)');
  });
});

describe('formatBytes', () => {
  it.each([
    [64 * MiB, '64 MiB'],
    [1024 ** 3, '1 GiB'],
    [1536 * 1024, '1536 KiB'],
    [100_000_000, '95.4 MiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
