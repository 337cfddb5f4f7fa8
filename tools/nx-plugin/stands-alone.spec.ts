import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: its code, comments and docs cite files in this repository or
 * public sources, never a file outside it (a design note of a development machine, a sibling
 * folder) and never an absolute path of one machine. Checked with `git grep` over tracked files.
 */
const workspaceRoot = resolve(import.meta.dirname, '../..');
const SELF = 'tools/nx-plugin/stands-alone.spec.ts';

const FORBIDDEN: readonly [string, RegExp][] = [
  ['a parent folder outside the repository', /\.\.\/shared\b/],
  ['a specification kept outside the repository', new RegExp(['seed', 'spec'].join('-'))],
  ['notes kept outside the repository', /\bnotes\/(feasibility|nx|rails)\b/],
  ['an absolute path of a development machine', /(?<![\w.])\/(work|home\/[a-z]\w*|root)\/[\w.-]/],
];

function trackedMatches(pattern: RegExp): string[] {
  try {
    const out = execFileSync('git', ['grep', '--untracked', '-n', '-I', '-P', pattern.source, '--', '.', ':!package-lock.json', `:!${SELF}`, ':!results/'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\n').filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // git grep: no match
    throw error;
  }
}

describe('the repository stands alone', () => {
  it.each(FORBIDDEN)('nothing cites %s', (_what, pattern) => {
    expect(trackedMatches(pattern)).toEqual([]);
  });
});
