// The generated docs of this repository match what they are made from: the README's scenarios
// table (each scenarios/<id>/scenario.ts), its implementations rows (each implementations/<id>/lab.json)
// and docs/implementations.md (the manifests and docs/data/implementation-facts.json). Run through
// the CLI, as a person runs it; on failure the output names each file and the fix.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('lab docs --check on this repository', () => {
  it('finds every generated section up to date and a README row for every implementation', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'apps/lab/src/main.ts', 'docs', '--check'], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr, 'npm run lab -- docs rewrites the generated sections; rows it names are added by hand').toContain(
      'every generated section is up to date',
    );
    expect(run.code).toBe(0);
  });
});
