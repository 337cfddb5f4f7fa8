import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifests } from './load-manifests';

const manifest = {
  language: 'python',
  languageVersion: '3.11',
  framework: 'fastapi',
  frameworkVersion: '0.115',
  server: 'uvicorn',
  orm: 'SQLAlchemy',
  serializer: 'JSON.stringify',
  description: 'FastAPI',
  build: { command: 'python3 -m venv .venv' },
  start: { command: '.venv/bin/uvicorn app:app' },
  test: { command: '.venv/bin/pytest' },
  pool: { env: 'DB_POOL_SIZE', default: 10 },
  workers: { env: 'WORKERS', default: 1 },
  concurrency: { model: 'event-loop' },
  toolchain: { versionCommand: 'python3 --version' },
};

describe('loadManifests', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lab-manifest-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds implementations and scenarios, sorted by id', () => {
    write('implementations/python-fastapi/lab.json', JSON.stringify(manifest));
    write('implementations/go-chi/lab.json', JSON.stringify({ ...manifest, language: 'go' }));
    write('implementations/work-in-progress/README.md', 'no manifest yet');
    write('scenarios/02-json/scenario.ts', '');
    write('scenarios/01-hello/scenario.ts', '');
    const loaded = loadManifests(root);
    expect(loaded.impls.map((i) => [i.id, i.root, i.manifest.language])).toEqual([
      ['go-chi', 'implementations/go-chi', 'go'],
      ['python-fastapi', 'implementations/python-fastapi', 'python'],
    ]);
    expect(loaded.impls[0]?.dir).toBe(join(root, 'implementations/go-chi'));
    expect(loaded.scenarios).toEqual([
      { id: '01-hello', root: 'scenarios/01-hello' },
      { id: '02-json', root: 'scenarios/02-json' },
    ]);
    expect(loaded.problems).toEqual([]);
  });

  it('leaves invalid manifests and badly named folders out and lists their problems', () => {
    write('implementations/python-fastapi/lab.json', JSON.stringify(manifest));
    write('implementations/ruby-rails/lab.json', JSON.stringify({ ...manifest, language: 'cobol', start: {} }));
    write('implementations/Bad_Name/lab.json', JSON.stringify(manifest));
    write('scenarios/hello/scenario.ts', '');
    const loaded = loadManifests(root);
    expect(loaded.impls.map((i) => i.id)).toEqual(['python-fastapi']);
    expect(loaded.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'implementations/Bad_Name/lab.json (folder)',
      'implementations/ruby-rails/lab.json language',
      'implementations/ruby-rails/lab.json start.command',
      'scenarios/hello/scenario.ts (folder)',
    ]);
  });

  it('returns nothing for a workspace without those folders', () => {
    expect(loadManifests(root)).toEqual({ impls: [], scenarios: [], problems: [] });
  });
});
