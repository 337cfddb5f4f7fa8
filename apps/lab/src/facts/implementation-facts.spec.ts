import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '@lab/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { FACTS_FILE, emptyFacts, factsOf, mergeFacts, readFacts, writeFacts, type ImplFacts } from './implementation-facts';

const dirs: string[] = [];
const workspace = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-facts-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const facts = (perRequest: number): ImplFacts => ({
  verifiedOn: '2026-12-04',
  passed: true,
  statements: [{ endpoint: 'GET /users', requests: 5, perRequest, byKind: { SELECT: perRequest } }],
});

describe('factsOf', () => {
  it('keeps the verdict, the day and each profile without its statement texts', () => {
    const report: ConformanceReport = {
      passed: false,
      checks: [],
      problems: [],
      framing: [],
      observations: [
        {
          check: 'statements.per-request',
          endpoint: 'GET /users',
          message: '',
          value: {
            endpoint: 'GET /users',
            requests: 5,
            perRequest: 3,
            byKind: { BEGIN: 1, ROLLBACK: 1, SELECT: 1 },
            statements: [{ query: 'BEGIN', calls: 5 }],
          },
        },
      ],
    };
    expect(factsOf(report, new Date('2026-12-04T23:59:00Z'))).toEqual({
      verifiedOn: '2026-12-04',
      passed: false,
      statements: [{ endpoint: 'GET /users', requests: 5, perRequest: 3, byKind: { BEGIN: 1, ROLLBACK: 1, SELECT: 1 } }],
    });
  });
});

describe('mergeFacts', () => {
  it('replaces only the implementations given and sorts the ids', () => {
    const before = mergeFacts(emptyFacts(), { 'ruby-rails': facts(3), 'go-fiber': facts(1) });
    const after = mergeFacts(before, { 'go-fiber': facts(2), 'python-flask': facts(1) });
    expect(Object.keys(after.implementations)).toEqual(['go-fiber', 'python-flask', 'ruby-rails']);
    expect(after.implementations['go-fiber']?.statements[0]?.perRequest).toBe(2);
    expect(after.implementations['ruby-rails']).toEqual(facts(3));
  });
});

describe('readFacts and writeFacts', () => {
  it('reads an absent file as empty', () => {
    expect(readFacts(workspace())).toEqual(emptyFacts());
  });

  it('reads back what it wrote', () => {
    const ws = workspace();
    const written = mergeFacts(emptyFacts(), { 'go-fiber': facts(1) });
    expect(writeFacts(ws, written)).toBe(join(ws, FACTS_FILE));
    expect(readFacts(ws)).toEqual(written);
    expect(readFileSync(join(ws, FACTS_FILE), 'utf8').endsWith('}\n')).toBe(true);
  });

  it('rejects text that is not JSON as a setup error naming the file', () => {
    const ws = workspace();
    mkdirSync(join(ws, 'docs/data'), { recursive: true });
    writeFileSync(join(ws, FACTS_FILE), '{"schema": 1,');
    expect(() => readFacts(ws)).toThrow(expect.objectContaining({ code: 'LAB_FACTS_INVALID', exitCode: 3, message: expect.stringContaining(FACTS_FILE) }));
  });

  it('names the field of a wrong value', () => {
    // The same setup error, with the dotted path of the field.
    const ws = workspace();
    mkdirSync(join(ws, 'docs/data'), { recursive: true });
    writeFileSync(join(ws, FACTS_FILE), JSON.stringify({ ...emptyFacts(), implementations: { 'go-fiber': { ...facts(1), passed: 'yes' } } }));
    expect(() => readFacts(ws)).toThrow(
      expect.objectContaining({ code: 'LAB_FACTS_INVALID', message: expect.stringContaining('implementations.go-fiber.passed') }),
    );
  });
});
