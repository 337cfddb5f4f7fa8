import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeConfig } from './normalize-config';
import { parseCommandLine } from './parse-command-line';

const home = mkdtempSync(join(tmpdir(), 'lab-config-'));
writeFileSync(join(home, 'nx.json'), '{}');
afterAll(() => rmSync(home, { recursive: true, force: true }));

const config = (argv: string[], env: NodeJS.ProcessEnv = {}, stderrIsTTY = false) =>
  normalizeConfig(parseCommandLine(argv), { env, stderrIsTTY, homeWorkspace: home });

describe('normalizeConfig', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, {}, false],
  ])('colour on a TTY=%s with %j: %s', (tty, env, color) => {
    expect(config(['list'], env, tty).color).toBe(color);
  });

  it('reads LAB_DEBUG=1', () => {
    expect(config(['list'], { LAB_DEBUG: '1' }).debug).toBe(true);
  });

  it('accepts global flags before the command', () => {
    expect(config(['--workspace', home, 'up', 'go-chi', '--port', '8000']).command).toEqual({ name: 'up', impl: 'go-chi', variant: undefined, port: 8000 });
  });

  it('lab publish: every implementation × every scenario with the publish preset unless told otherwise', () => {
    expect(config(['publish']).command).toEqual({
      name: 'publish',
      impls: ['all'],
      scenarios: ['all'],
      preset: 'publish',
      profile: undefined,
      dryRun: false,
      json: false,
      skipReport: false,
      remeasure: ['noisy'],
    });
    expect(config(['publish', '--remeasure', 'noisy,unstable']).command).toMatchObject({ remeasure: ['noisy', 'unstable'] });
    expect(config(['publish', '--remeasure', 'none']).command).toMatchObject({ remeasure: [] });
    expect(
      config(['publish', '--impl', 'go-fiber,typescript-fastify', '--scenario', 'basic', '--preset', 'quick', '--profile', 'none', '--dry-run']).command,
    ).toMatchObject({
      impls: ['go-fiber', 'typescript-fastify'],
      scenarios: ['basic'],
      preset: 'quick',
      profile: 'none',
      dryRun: true,
    });
  });

  it.each([[['publish', '--preset', 'fast']], [['publish', '--runs', '3']], [['publish', '--remeasure', 'valid']], [['publish', '--remeasure', 'slow']]])(
    'lab publish refuses %j (exit 2): only what the pair task hash covers may be chosen',
    (argv) => {
      expect(() => config(argv)).toThrow(expect.objectContaining({ exitCode: 2 }));
    },
  );

  it('defaults: a free port, every group, no variant', () => {
    expect(config(['up', 'go-chi']).command).toMatchObject({ port: 0, variant: undefined });
    expect(config(['verify', '--all']).command).toEqual({ name: 'verify', impl: undefined, variant: undefined, only: [], json: false, writeFacts: false });
    expect(config(['verify', '--all', '--write-facts']).command).toMatchObject({ name: 'verify', writeFacts: true });
  });

  it.each([
    [['--interleave'], true],
    [[], false],
  ])('bench %j → interleave %s', (flags, interleave) => {
    expect(config(['bench', '--impl', 'a,b', '--scenario', '01-x', ...flags]).command).toMatchObject({ name: 'bench', impls: ['a', 'b'], interleave });
  });

  it('bench --interleave takes no value', () => {
    expect(() => config(['bench', '--impl', 'a', '--scenario', '01-x', '--interleave=yes'])).toThrow(
      expect.objectContaining({ code: 'LAB_USAGE_BAD_VALUE', exitCode: 2 }),
    );
  });

  it('bench --vus and --sweep become runner options; malformed values are usage errors', () => {
    expect(config(['bench', '--impl', 'a', '--scenario', '01-x', '--vus', '50', '--sweep', '20:10:8:250']).command).toMatchObject({
      options: { vus: 50, sweep: { startRatePerSec: 20, stepRatePerSec: 10, maxSteps: 8, p99Ms: 250 } },
    });
    for (const bad of [
      ['--vus', '0'],
      ['--sweep', '20:10:8'],
      ['--sweep', '20:10:2.5:250'],
    ]) {
      expect(() => config(['bench', '--impl', 'a', '--scenario', '01-x', ...bad])).toThrow(
        expect.objectContaining({ code: 'LAB_USAGE_BAD_VALUE', exitCode: 2 }),
      );
    }
  });

  it('--help wins over missing arguments', () => {
    expect(config(['up', '--help']).command).toEqual({ name: 'help', topic: 'up' });
  });

  it.each([
    [['up', 'x', '--port', '0'], 'LAB_USAGE_BAD_VALUE'],
    [['up', 'x', '--port', '70000'], 'LAB_USAGE_BAD_VALUE'],
    [['verify'], 'LAB_USAGE_BAD_ARGUMENTS'],
    [['verify', '--all', '--write-facts', '--only', 'basic'], 'LAB_USAGE_BAD_ARGUMENTS'],
    [['verify', 'go-chi', '--write-facts', '--variant', 'cluster-2'], 'LAB_USAGE_BAD_ARGUMENTS'],
    [['list', '--json=yes'], 'LAB_USAGE_BAD_VALUE'],
    [['list', '--workspace'], 'LAB_USAGE_MISSING_VALUE'],
  ])('%j → %s', (argv, code) => {
    expect(() => config(argv)).toThrow(expect.objectContaining({ code, exitCode: 2 }));
  });

  it('LAB_WORKSPACE without nx.json is a setup error (3), a bad --workspace a usage error (2)', () => {
    expect(() => config(['list'], { LAB_WORKSPACE: join(home, 'nope') })).toThrow(expect.objectContaining({ code: 'LAB_WORKSPACE_NOT_FOUND', exitCode: 3 }));
    expect(() => config(['list', '--workspace', join(home, 'nope')])).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
