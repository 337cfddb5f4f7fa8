import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Implementations that compare architectures must differ only in code structure: the same
 * pinned libraries, server start-up, pool sizes and variants. This guards the fairness of the
 * pragmatic-vs-strict comparison (the original lab compared a --reload + SQL-echo app with a
 * production one).
 */
const workspaceRoot = resolve(import.meta.dirname, '../../..');

/** Pairs of implementation folders and the files that must be byte-identical between them. */
const architecturePairs = [
  {
    a: 'python-fastapi-pragmatic',
    b: 'python-fastapi-strict',
    identicalFiles: ['requirements.txt', 'requirements-dev.txt', 'app/serve.py', 'Dockerfile'],
  },
];

function readManifest(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(workspaceRoot, 'implementations', id, 'lab.json'), 'utf8')) as Record<string, unknown>;
}

describe.each(architecturePairs)('$a vs $b', ({ a, b, identicalFiles }) => {
  const present = existsSync(join(workspaceRoot, 'implementations', a)) && existsSync(join(workspaceRoot, 'implementations', b));

  it.skipIf(!present).each(identicalFiles)('%s is identical', (file) => {
    // Comment lines may name the implementation; everything else must match.
    const read = (id: string) =>
      readFileSync(join(workspaceRoot, 'implementations', id, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n');
    expect(read(b)).toBe(read(a));
  });

  it.skipIf(!present)('manifests differ only in their description', () => {
    const { description: _da, ...restA } = readManifest(a);
    const { description: _db, ...restB } = readManifest(b);
    expect(restB).toEqual(restA);
  });
});
