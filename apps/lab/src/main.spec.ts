import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureWorkspace, fixtureManifest, labEnv, REPO_ROOT, runLab, type FixtureWorkspace } from './testing/fixture-workspace';

/** The `error[CODE]` of a run's stderr. */
const errorCode = (stderr: string) => /^error\[([A-Z_]+)\]/m.exec(stderr)?.[1];

describe('lab (subprocess, fixture workspaces)', () => {
  /** A fresh workspace per test, for the describe blocks whose tests run one at a time. */
  let ws: FixtureWorkspace;
  const freshWorkspace = () => {
    beforeEach(() => {
      ws = createFixtureWorkspace();
    });
    afterEach(() => ws.remove());
  };

  describe('list', () => {
    freshWorkspace();
    beforeEach(() => {
      ws.impl('python-fastapi', fixtureManifest('python', { framework: 'fastapi', server: 'uvicorn', orm: 'SQLAlchemy' }));
      ws.impl('go-chi', fixtureManifest('go', { variants: [{ id: 'procs-2', description: 'GOMAXPROCS=2', env: { GOMAXPROCS: '2' } }] }));
      ws.scenario('02-json');
      ws.scenario('01-hello');
    });

    it('--json prints implementations, variants and scenarios on stdout only', async () => {
      const run = await runLab(['list', '--json', '--workspace', ws.root]);
      expect([run.code, run.stderr]).toEqual([0, '']);
      const out = JSON.parse(run.stdout);
      expect(out.implementations.map((i: { id: string; language: string }) => [i.id, i.language])).toEqual([
        ['go-chi', 'go'],
        ['python-fastapi', 'python'],
      ]);
      expect(out.implementations[1]).toMatchObject({
        framework: 'fastapi',
        server: 'uvicorn',
        orm: 'SQLAlchemy',
        root: 'implementations/python-fastapi',
        variants: [],
      });
      expect(out.implementations[0].variants).toEqual([{ id: 'procs-2', description: 'GOMAXPROCS=2' }]);
      expect(out.scenarios).toEqual([
        { id: '01-hello', root: 'scenarios/01-hello', project: 'scenario-01-hello' },
        { id: '02-json', root: 'scenarios/02-json', project: 'scenario-02-json' },
      ]);
      expect(out.problems).toEqual([]);
    });

    it('prints a table for people on stderr and nothing on stdout', async () => {
      const run = await runLab(['list'], { LAB_WORKSPACE: ws.root });
      expect([run.code, run.stdout]).toEqual([0, '']);
      expect(run.stderr).toMatch(/go-chi\s+go\s+go-fw\s+go-server\s+raw SQL\s+procs-2/);
      expect(run.stderr).toContain('01-hello');
      expect(run.stderr).not.toContain('\u001b['); // not a TTY: no colour
    });
  });

  // Read-only runs against one workspace: concurrent, to save subprocess start-up time.
  describe.concurrent('usage errors exit 2 with error[CODE] and a hint, never a stack trace', () => {
    let ws: FixtureWorkspace;
    beforeAll(() => {
      ws = createFixtureWorkspace();
      ws.impl('go-chi', fixtureManifest('go'));
    });
    afterAll(() => ws.remove());

    it.each([
      ['an unknown command', ['frobnicate'], 'LAB_USAGE_UNKNOWN_COMMAND', 'list, doctor, up, verify'],
      ['an unknown flag', ['list', '--jsn'], 'LAB_USAGE_UNKNOWN_FLAG', '--json'],
      ['a flag of another command', ['list', '--variant', 'x'], 'LAB_USAGE_UNKNOWN_FLAG', 'lab list accepts'],
      ['a missing flag value', ['up', 'go-chi', '--variant'], 'LAB_USAGE_MISSING_VALUE', '--variant <value>'],
      ['a bad port', ['up', 'go-chi', '--port', 'http'], 'LAB_USAGE_BAD_VALUE', '1 to 65535'],
      ['a missing implementation', ['up'], 'LAB_USAGE_BAD_ARGUMENTS', 'lab up <impl>'],
      ['an extra argument', ['list', 'extra'], 'LAB_USAGE_BAD_ARGUMENTS', 'usage: lab list'],
      ['both an implementation and --all', ['verify', 'go-chi', '--all'], 'LAB_USAGE_BAD_ARGUMENTS', '--all'],
      ['an unknown implementation', ['up', 'ruby-rails'], 'LAB_UNKNOWN_IMPL', 'known implementations: go-chi'],
      ['an unknown variant', ['verify', 'go-chi', '--variant', 'turbo'], 'LAB_UNKNOWN_VARIANT', 'declares no variants'],
      ['an unknown --only group', ['verify', 'go-chi', '--only', 'basic,nope'], 'LAB_UNKNOWN_GROUP', 'groups: basic'],
      ['no command', [], 'LAB_USAGE_BAD_ARGUMENTS', 'lab --help'],
    ])('%s', async (_name, args, code, hint) => {
      const run = await runLab([...args, '--workspace', ws.root]);
      expect(run.code).toBe(2);
      expect(errorCode(run.stderr)).toBe(code);
      expect(run.stderr).toMatch(new RegExp(`^hint: .*${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    });

    it('a workspace without nx.json', async () => {
      const run = await runLab(['list', '--workspace', `${ws.root}/nowhere`]);
      expect([run.code, errorCode(run.stderr)]).toEqual([2, 'LAB_WORKSPACE_NOT_FOUND']);
    });
  });

  describe('invalid manifests', () => {
    freshWorkspace();
    beforeEach(() => {
      ws.impl('go-chi', fixtureManifest('go'));
      ws.impl(
        'ruby-rails',
        fixtureManifest('ruby', { language: 'cobol', build: { command: '' }, port: 3000, variants: [{ id: 'Bad Id', description: 'x', env: {} }] }),
      );
      ws.impl('Bad_Folder', fixtureManifest('go'));
    });

    it('list shows the valid ones, then every problem with file and path (exit 3)', async () => {
      const run = await runLab(['list', '--workspace', ws.root]);
      expect(run.code).toBe(3);
      expect(errorCode(run.stderr)).toBe('LAB_MANIFEST_INVALID');
      expect(run.stderr).toContain('go-chi');
      for (const line of [
        'implementations/ruby-rails/lab.json',
        'language:',
        'build.command:',
        'port:',
        'variants.0.id:',
        'implementations/Bad_Folder/lab.json',
        '(folder):',
      ]) {
        expect(run.stderr).toContain(line);
      }
      expect(run.stderr).toMatch(/^hint: /m);
    });

    it('list --json carries the problems with their paths', async () => {
      const run = await runLab(['list', '--json', '--workspace', ws.root]);
      expect(run.code).toBe(3);
      const { problems, implementations } = JSON.parse(run.stdout);
      expect(implementations.map((i: { id: string }) => i.id)).toEqual(['go-chi']);
      expect(problems.map((p: { file: string; path: string }) => `${p.file}#${p.path}`)).toEqual([
        'implementations/Bad_Folder/lab.json#(folder)',
        'implementations/ruby-rails/lab.json#language',
        'implementations/ruby-rails/lab.json#build.command',
        'implementations/ruby-rails/lab.json#variants.0.id',
        'implementations/ruby-rails/lab.json#port',
      ]);
    });

    it('up on the broken implementation is a setup error naming its problems', async () => {
      const run = await runLab(['up', 'ruby-rails', '--workspace', ws.root]);
      expect([run.code, errorCode(run.stderr)]).toEqual([3, 'LAB_MANIFEST_INVALID']);
      expect(run.stderr).toContain('build.command:');
      expect(run.stderr).not.toContain('Bad_Folder');
    });

    it('invalid JSON is one problem at the root', async () => {
      ws.impl('go-chi', '{ "language": ');
      const run = await runLab(['list', '--json', '--workspace', ws.root]);
      expect(JSON.parse(run.stdout).problems).toContainEqual(expect.objectContaining({ file: 'implementations/go-chi/lab.json', path: '(root)' }));
    });
  });

  describe('doctor', () => {
    freshWorkspace();
    it('--json reports every check with a status, and exits 0 only when the required ones are ok', async () => {
      ws.impl('go-chi', fixtureManifest('go', { toolchain: { versionCommand: 'exit 7' } }));
      ws.impl('python-fastapi', fixtureManifest('python'));
      const run = await runLab(['doctor', '--json', '--workspace', ws.root]);
      const report = JSON.parse(run.stdout) as { ok: boolean; checks: Array<Record<string, unknown>> };
      expect(Object.keys(report)).toEqual(['ok', 'checks']);
      for (const check of report.checks) {
        expect(check).toEqual(
          expect.objectContaining({ id: expect.any(String), label: expect.any(String), required: expect.any(Boolean), detail: expect.any(String) }),
        );
        expect(['ok', 'missing', 'warn']).toContain(check.status);
        if (check.status !== 'ok') expect(check.fix).toEqual(expect.any(String));
      }
      const ids = report.checks.map((c) => c.id);
      for (const id of [
        'node',
        'node_modules',
        'postgres',
        'pg_stat_statements',
        'redis',
        'wrk',
        'manifests',
        'docker',
        'cgroups',
        'lab-cache',
        'nx-cache',
        'toolchain:go',
        'toolchain:python',
      ]) {
        expect(ids).toContain(id);
      }
      const go = report.checks.find((c) => c.id === 'toolchain:go');
      expect(go).toMatchObject({ status: 'missing', required: true });
      expect(report.ok).toBe(false);
      expect(run.code).toBe(1);
    });

    it('prints one line per check with a fix for people', async () => {
      const run = await runLab(['doctor', '--workspace', ws.root]);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^\s+(ok|missing|warn)\s+Node\.js\s+\d+\.\d+/m);
      expect(run.stderr).toMatch(/lab doctor: /);
    });
  });

  describe.concurrent('help and configuration', () => {
    it('--help lists the commands and documents every exit code', async () => {
      const run = await runLab(['--help']);
      expect(run.code).toBe(0);
      for (const text of ['list', 'doctor', 'up', 'verify', 'Exit codes', 'NO_COLOR']) expect(run.stderr).toContain(text);
      for (const code of ['0', '1', '2', '3', '4', '130']) expect(run.stderr).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
    });

    it.each(['list', 'doctor', 'up', 'verify'])('%s --help shows usage, defaults and an example', async (command) => {
      const run = await runLab([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Usage: lab ${command}`);
      expect(run.stderr).toContain('(default: ');
      expect(run.stderr).toMatch(new RegExp(`Examples:\\n  lab ${command}`));
    });

    it('bench --help documents --interleave and its default', async () => {
      const run = await runLab(['bench', '--help']);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('[--interleave]');
      expect(run.stderr).toMatch(/--interleave\s+with several cells, interleave their runs[^\n]*\(default: off/);
    });

    it('bin/lab runs the CLI from any directory', async () => {
      const ws = createFixtureWorkspace();
      try {
        ws.impl('go-chi', fixtureManifest('go'));
        const child = spawn(join(REPO_ROOT, 'apps/lab/bin/lab'), ['list', '--json', '--workspace', '.'], { cwd: ws.root, env: labEnv() });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        const [code] = await once(child, 'close');
        expect(code).toBe(0);
        expect(JSON.parse(stdout).implementations[0].id).toBe('go-chi');
      } finally {
        ws.remove();
      }
    });

    it('--print-config prints the resolved configuration (flags over LAB_WORKSPACE)', async () => {
      const ws = createFixtureWorkspace();
      const other = createFixtureWorkspace();
      try {
        const run = await runLab(['verify', 'go-chi', '--only', 'basic, users', '--print-config', '--workspace', ws.root], { LAB_WORKSPACE: other.root });
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({
          workspace: ws.root,
          color: false,
          debug: false,
          printConfig: true,
          command: { name: 'verify', impl: 'go-chi', variant: undefined, only: ['basic', 'users'], json: false, writeFacts: false },
        });
      } finally {
        ws.remove();
        other.remove();
      }
    });
  });
});
