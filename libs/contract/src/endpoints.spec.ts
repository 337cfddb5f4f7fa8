import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpointGroups } from './endpoint-def';
import { endpointById, endpoints, findEndpoint } from './endpoints';
import { responseExamples } from './response-examples';
import { objectSites } from './schema-walk';

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
const takesInput = (e: (typeof endpoints)[number]) => Boolean(e.params || e.query || e.body || e.multipart);

describe('endpoint registry', () => {
  it('has the 60 endpoints of the README', () => expect(endpoints).toHaveLength(60));

  it('has unique ids', () => expect(new Set(endpoints.map((e) => e.id)).size).toBe(60));

  it('has unique method + path pairs', () => {
    expect(new Set(endpoints.map((e) => `${e.method} ${e.path}`)).size).toBe(60);
  });

  it.each([
    ['basic', 10],
    ['pagination', 2],
    ['column-overhead', 9],
    ['n-plus-one', 3],
    ['bulk', 6],
    ['transactions', 6],
    ['caching', 5],
    ['auth', 5],
    ['aggregation', 6],
    ['server-config', 6],
    ['search', 2],
  ] as const)('group %s has %d endpoints', (group, count) => {
    expect(endpoints.filter((e) => e.group === group)).toHaveLength(count);
  });

  it('uses only known groups', () => {
    for (const e of endpoints) expect(endpointGroups).toContain(e.group);
  });

  it.each(endpoints.map((e) => [e.id, e] as const))('%s: path parameters match the params schema', (_, e) => {
    expect(Object.keys(e.params?.shape ?? {}).sort()).toEqual(pathParams(e.path).sort());
  });

  it.each(endpoints.map((e) => [e.id, e] as const))('%s: 422 documented exactly when it takes input', (_, e) => {
    expect(422 in e.responses).toBe(takesInput(e));
  });

  it.each(endpoints.map((e) => [e.id, e] as const))('%s: only 204 has no body', (_, e) => {
    for (const [status, r] of Object.entries(e.responses)) expect(r.schema === null, status).toBe(status === '204');
  });

  it.each(endpoints.map((e) => [e.id, e] as const))('%s: error bodies are {detail}', (_, e) => {
    for (const [status, r] of Object.entries(e.responses)) {
      if (Number(status) < 400) continue;
      const object = r.schema as z.ZodObject;
      expect(object).toBeInstanceOf(z.ZodObject);
      expect(Object.keys(object.shape)).toEqual(['detail']);
    }
  });

  it('has a non-empty summary on every endpoint', () => {
    for (const e of endpoints) expect(e.summary.length, e.id).toBeGreaterThan(0);
  });
});

describe('README decisions', () => {
  it('keys are snake_case in every response example', () => {
    for (const e of endpoints) {
      for (const [status, r] of Object.entries(e.responses)) {
        if (!r.schema) continue;
        const example = (responseExamples as Record<string, Record<string, unknown>>)[e.id]?.[status];
        for (const site of objectSites(r.schema, example)) {
          for (const key of Object.keys(site.schema.shape)) expect(key, `${e.id} ${status}`).toMatch(/^[a-z][a-z0-9_]*$/);
        }
      }
    }
  });

  it('unknown user and product ids are 404', () => {
    const withId = endpoints.filter((e) => e.params?.shape.id && e.id !== 'cache.users.delete');
    const withProductId = endpoints.filter((e) => e.query?.shape.product_id);
    expect(withId).toHaveLength(6);
    expect(withProductId).toHaveLength(4);
    for (const e of [...withId, ...withProductId]) expect(404 in e.responses, e.id).toBe(true);
  });

  it('409 is the duplicate-email answer of create and update only', () => {
    expect(endpoints.filter((e) => 409 in e.responses).map((e) => e.id)).toEqual(['users.create', 'users.update']);
    expect(endpointById('users.create').responses[409].schema.parse({ detail: 'Email already exists' })).toBeTruthy();
  });

  it('bearer endpoints answer 401 and nothing else does except login', () => {
    const with401 = endpoints.filter((e) => 401 in e.responses).map((e) => e.id);
    const bearer = endpoints.filter((e) => e.auth === 'bearer').map((e) => e.id);
    expect(bearer).toEqual(['protected', 'auth.protected.jwt', 'auth.protected.session']);
    expect(with401.sort()).toEqual([...bearer, 'auth.login.jwt', 'auth.login.session'].sort());
  });

  it('DELETE /users/{id} answers 204 with no body', () => {
    expect(endpointById('users.delete').responses[204].schema).toBeNull();
  });

  it('POST /users answers 201', () => expect(Object.keys(endpointById('users.create').responses)).toContain('201'));

  it('/upload is multipart with a file part', () => {
    expect(endpointById('upload').multipart).toEqual({ fields: { file: 'file' } });
  });

  it.each([
    ['protected', 'Authorization header required'],
    ['protected', 'Invalid authorization format'],
    ['protected', 'Invalid token'],
    ['auth.protected.jwt', 'Invalid JWT token'],
    ['auth.protected.session', 'Invalid or expired session'],
    ['auth.protected.session', 'Invalid authorization header'],
  ] as const)('%s 401 accepts "%s"', (id, detail) => {
    expect(endpointById(id).responses[401].schema.safeParse({ detail }).success).toBe(true);
  });

  it('a failed decrement must carry an error, a successful one must not', () => {
    const schema = endpointById('transactions.decrement.serializable').responses[200].schema;
    const base = { success: false, method: 'serializable', product_id: 1, old_stock: 0, new_stock: 0, retries: 0, elapsed_ms: 1 };
    expect(schema.safeParse({ ...base, error: 'could not serialize access' }).success).toBe(true);
    expect(schema.safeParse({ ...base, error: null }).success).toBe(false);
    expect(schema.safeParse({ ...base, success: true, error: 'x' }).success).toBe(false);
  });

  it('/cache/users/{id}/no-cache never reports the cache as its source', () => {
    const body = { source: 'cache', user_id: 1, name: 'User1', email: 'u@b', elapsed_ms: 0 };
    expect(endpointById('cache.users.no-cache').responses[200].schema.safeParse(body).success).toBe(false);
  });

  it('the mixed report lists exactly 10 authors per ranking', () => {
    const example = responseExamples['mixed.report'][200] as { top_by_posts: unknown[] };
    const short = { ...example, top_by_posts: example.top_by_posts.slice(0, 9) };
    expect(endpointById('mixed.report').responses[200].schema.safeParse(short).success).toBe(false);
  });

  it.each([
    ['column-overhead.wide', 'birth_date', '1990-05-17T00:00:00'],
    ['column-overhead.wide', 'preferences', '{"theme":"dark"}'],
    ['column-overhead.type.jsonb', 'json_col_01', '{"id":1}'],
    ['column-overhead.type.uuid', 'uuid_col_01', '01234567-89AB-4DEF-8123-456789ABCDEF'],
  ] as const)('%s rejects %s = %j', (id, key, value) => {
    const row = { ...(responseExamples[id][200] as Record<string, unknown>[])[0], [key]: value };
    expect(endpointById(id).responses[200].schema.safeParse([row]).success).toBe(false);
  });

  it('extra-wide rows have 49 columns', () => {
    const row = (responseExamples['column-overhead.extra-wide'][200] as object[])[0]!;
    expect(Object.keys(row)).toHaveLength(49);
  });
});

describe('findEndpoint', () => {
  it.each([
    ['GET', '/users/offset', 'users.offset'],
    ['GET', '/users/cursor?cursor=20', 'users.cursor'],
    ['GET', '/users/42', 'users.get'],
    ['GET', '/users/abc', 'users.get'],
    ['put', '/users/7', 'users.update'],
    ['DELETE', '/users/7', 'users.delete'],
    ['GET', '/users', 'users.list'],
    ['POST', '/users', 'users.create'],
    ['GET', '/cache/users/5/cached', 'cache.users.cached'],
    ['DELETE', '/cache/users/5', 'cache.users.delete'],
    ['GET', '/column-overhead/type/uuid?limit=1', 'column-overhead.type.uuid'],
    ['GET', '/transactions/products/3', 'transactions.products.get'],
  ])('%s %s → %s', (method, path, id) => expect(findEndpoint(method, path)?.id).toBe(id));

  it.each([
    ['POST', '/users/offset'],
    ['GET', '/nope'],
    ['GET', '/users/1/extra'],
    ['PATCH', '/users/1'],
  ])('%s %s → undefined', (method, path) => expect(findEndpoint(method, path)).toBeUndefined());
});

describe('endpointById', () => {
  it('finds every endpoint by its id', () => {
    for (const e of endpoints) expect(endpointById(e.id)).toBe(e);
  });
  it('returns undefined for an unknown id', () => expect(endpointById('nope')).toBeUndefined());
});
