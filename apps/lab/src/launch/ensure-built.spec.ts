import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, shouldBuild } from './ensure-built';

/** A workspace whose `node_modules/.bin/nx` is a script: it records its arguments and exits with `code`. */
function fakeWorkspace(code: number): string {
  const root = mkdtempSync(join(tmpdir(), 'lab-ensure-built-'));
  mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
  const nx = join(root, 'node_modules/.bin/nx');
  writeFileSync(nx, `#!/bin/sh\necho "args: $*"\necho "compiling" >&2\nexit ${code}\n`);
  chmodSync(nx, 0o755);
  return root;
}

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
const noNx = { PATH: process.env.PATH ?? '' };

describe('shouldBuild', () => {
  it.each([
    [{}, true],
    [{ NX_TASK_TARGET_PROJECT: 'go-fiber' }, false],
    [{ LAB_NO_BUILD: '1' }, false],
  ])('%j → %s', (env, expected) => expect(shouldBuild(env)).toBe(expected));
});

describe('ensureBuilt', () => {
  it("runs the implementation's Nx build target and streams its output", async () => {
    const root = fakeWorkspace(0);
    roots.push(root);
    const lines: string[] = [];
    await ensureBuilt(root, 'go-fiber', (l) => lines.push(l), noNx);
    expect(lines).toContain('  go-fiber build | args: run go-fiber:build --outputStyle=static');
    expect(lines).toContain('  go-fiber build | compiling');
  });

  it('fails with LAB_IMPL_BUILD_FAILED and the output tail', async () => {
    const root = fakeWorkspace(2);
    roots.push(root);
    const error = await ensureBuilt(root, 'go-fiber', () => {}, noNx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LAB_IMPL_BUILD_FAILED', exitCode: 3 });
    expect((error as { details: string[] }).details).toContain('compiling');
  });

  it('does nothing inside an Nx task', async () => {
    const lines: string[] = [];
    await ensureBuilt('/nonexistent', 'go-fiber', (l) => lines.push(l), { ...noNx, NX_TASK_TARGET_PROJECT: 'go-fiber' });
    expect(lines).toEqual([]);
  });
});
