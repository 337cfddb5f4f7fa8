import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints } from './endpoints';
import { buildOpenApi, OPENAPI_PATH, OPENAPI_REGENERATE_COMMAND, renderOpenApi } from './openapi';

type Json = Record<string, any>;
const doc = buildOpenApi() as Json;
const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })),
);

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

describe('docs/openapi.json', () => {
  it('is up to date with the schemas', () => {
    const committed = readFileSync(new URL(`../../../${OPENAPI_PATH}`, import.meta.url), 'utf8');
    expect(committed, `${OPENAPI_PATH} is stale: run \`${OPENAPI_REGENERATE_COMMAND}\` from the workspace root`).toBe(renderOpenApi());
  });
});

describe('buildOpenApi', () => {
  it('is an OpenAPI 3.1 document with info', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  });

  it('has 60 operations with unique operationIds', () => {
    expect(operations).toHaveLength(60);
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(60);
  });

  it('uses endpoint ids, groups and summaries', () => {
    for (const e of endpoints) {
      const op = doc.paths[e.path][e.method.toLowerCase()];
      expect(op).toMatchObject({ operationId: e.id, tags: [e.group], summary: e.summary });
    }
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s is well formed', (_, { path, method, op }) => {
    expect(['get', 'post', 'put', 'delete']).toContain(method);
    expect(path).toMatch(/^\/[a-z0-9\-/{}]*$/);
    const declared = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const pathParams = (op.parameters ?? []).filter((p: Json) => p.in === 'path');
    expect(pathParams.map((p: Json) => p.name)).toEqual(declared);
    for (const p of pathParams) expect(p.required).toBe(true);
    for (const p of op.parameters ?? []) expect(p.schema).toBeTypeOf('object');
    expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    for (const [status, response] of Object.entries(op.responses as Json)) {
      expect(status).toMatch(/^[1-5]\d\d$/);
      expect(response.description).toBeTypeOf('string');
      if (status === '204') expect(response.content).toBeUndefined();
      else expect(response.content['application/json'].schema).toBeTypeOf('object');
    }
    if (op.security) expect(Object.keys(doc.components.securitySchemes)).toContain('bearer');
  });

  it('resolves every $ref to a component', () => {
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z0-9._-]+$/);
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
  });

  it('describes /upload as multipart/form-data with a binary file part', () => {
    const schema = doc.paths['/upload'].post.requestBody.content['multipart/form-data'].schema;
    expect(schema).toMatchObject({ type: 'object', required: ['file'], properties: { file: { type: 'string' } } });
  });

  it('documents query defaults and bounds', () => {
    const size = doc.paths['/users/offset'].get.parameters.find((p: Json) => p.name === 'size');
    expect(size).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } });
  });

  it('is deterministic', () => expect(renderOpenApi()).toBe(renderOpenApi()));
});
