import { matchPath, type EndpointDef } from '@lab/contract';
import type { FuzzRequest, UrlText } from './fuzz-request';
import { fillTemplate } from './fuzz-request';

/** Methods tried on paths that do not serve them: the usual ones, TRACE, OPTIONS, QUERY and a made-up token. */
export const PROBE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS', 'QUERY', 'FUZZ'] as const;

/** A known path and the methods it serves. */
export interface PathMethods {
  template: string;
  /** Sorted, e.g. `['DELETE', 'GET', 'PUT']`. */
  methods: string[];
  /** A concrete path with valid parameter values, e.g. `/users/1`. */
  example: string;
}

/** Every path template of `endpoints` with the methods it serves, in first-seen order. */
export function pathTable(endpoints: readonly EndpointDef[]): PathMethods[] {
  const byTemplate = new Map<string, Set<string>>();
  for (const e of endpoints) {
    const set = byTemplate.get(e.path) ?? new Set<string>();
    set.add(e.method);
    byTemplate.set(e.path, set);
  }
  return [...byTemplate].map(([template, methods]) => ({
    template,
    methods: [...methods].sort(),
    example: fillTemplate(template, examplePathParams(template)),
  }));
}

function examplePathParams(template: string): Record<string, UrlText> {
  return Object.fromEntries([...template.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1]!, '1']));
}

/**
 * The unserved-method requests of one path: every probe method the path does not serve, except
 * where another endpoint with that method matches the same concrete path (`DELETE /users/offset`
 * is `DELETE /users/{id}` with a non-integer id, not an unserved method).
 */
export function methodRequests(path: PathMethods, endpoints: readonly EndpointDef[]): FuzzRequest[] {
  return PROBE_METHODS.filter((m) => !path.methods.includes(m))
    .filter((m) => !endpoints.some((e) => e.method === m && matchPath(e.path, path.example) !== null))
    .map((method) => ({
      method,
      path: path.example,
      headers: {},
      endpoint: null,
      template: path.template,
      expect: 'method' as const,
      label: `method ${method} not served (serves ${path.methods.join(', ')})`,
    }));
}

/**
 * The method lists an `Allow` header may give for a concrete path: what its template serves, or
 * what every template matching the path serves (`/users/offset` also reaches `PUT /users/{id}`
 * with a non-integer id, so `GET, PUT, DELETE` is right too). Duplicates removed.
 */
export function acceptedAllowSets(all: readonly EndpointDef[], template: string, concretePath: string): string[][] {
  const own = [...new Set(all.filter((e) => e.path === template).map((e) => e.method))].sort();
  const reachable = [...new Set(all.filter((e) => matchPath(e.path, concretePath) !== null).map((e) => e.method))].sort();
  return own.join() === reachable.join() ? [own] : [own, reachable];
}

/** Parses an `Allow` header value into upper-case method names. */
export function parseAllow(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter((m) => m !== '');
}

/**
 * Null when `allow` lists exactly `served` (HEAD tolerated beside GET, OPTIONS always tolerated),
 * else what is wrong.
 */
export function allowProblem(allow: string | null, served: readonly string[]): string | null {
  if (allow === null) return `no Allow header (expected: ${served.join(', ')})`;
  const listed = new Set(parseAllow(allow));
  const tolerated = new Set(['OPTIONS', ...(served.includes('GET') ? ['HEAD'] : [])]);
  const missing = served.filter((m) => !listed.has(m));
  const extra = [...listed].filter((m) => !served.includes(m) && !tolerated.has(m));
  if (missing.length === 0 && extra.length === 0) return null;
  return `Allow: ${allow} (expected ${served.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not served: ${extra.join(', ')}` : ''})`;
}
