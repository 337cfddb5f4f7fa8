import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler receives: the raw request and response, path parameters and the query. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path parameters by name, URL-decoded (`/users/{id}` → `{ id: '42' }`). */
  params: Record<string, string>;
  query: URLSearchParams;
}

/** A route handler; it writes the response itself (see `sendJson`). */
export type Handler = (ctx: RequestContext) => void | Promise<void>;

/** The outcome of `Router.match`. */
export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface ParamRoute {
  method: string;
  segments: string[];
  handler: Handler;
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A tiny method + path router. Patterns are literal segments and `{name}` parameters.
 * Static routes always win over parametric ones (so `/users/offset` beats `/users/{id}`
 * whatever the registration order); parametric routes are tried in registration order.
 * A path that exists under other methods only is reported with the methods it serves: a static
 * path's own methods (those of `/users/offset` are GET, although `PUT /users/offset` reaches
 * `PUT /users/{id}` and its 422), else those of every parametric route matching it.
 */
export class Router {
  private readonly staticRoutes = new Map<string, Handler>();
  /** Methods of each static path, in registration order. */
  private readonly staticMethods = new Map<string, string[]>();
  private readonly paramRoutes: ParamRoute[] = [];

  /** Registers `handler` for `method` (upper case) and `pattern` (e.g. `/users/{id}`). */
  add(method: string, pattern: string, handler: Handler): this {
    if (!pattern.includes('{')) {
      this.staticRoutes.set(`${method} ${pattern}`, handler);
      const methods = this.staticMethods.get(pattern) ?? [];
      if (!methods.includes(method)) methods.push(method);
      this.staticMethods.set(pattern, methods);
    } else {
      this.paramRoutes.push({ method, segments: pattern.split('/'), handler });
    }
    return this;
  }

  /** Shorthand for `add('GET', …)`. */
  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  /** Shorthand for `add('POST', …)`. */
  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  /** Shorthand for `add('PUT', …)`. */
  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }

  /** Shorthand for `add('DELETE', …)`. */
  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  /**
   * Finds the handler for `method` and `path` (the URL path without the query string); when
   * the path exists under other methods only, those methods (for the `Allow` header).
   */
  match(method: string, path: string): RouteMatch {
    const handler = this.staticRoutes.get(`${method} ${path}`);
    if (handler) return { kind: 'found', handler, params: NO_PARAMS };
    const staticMethods = this.staticMethods.get(path);
    let paramMethods: string[] | undefined;

    const segments = path.split('/');
    for (const route of this.paramRoutes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      paramMethods ??= [];
      if (!paramMethods.includes(route.method)) paramMethods.push(route.method);
    }
    const allowed = staticMethods ?? paramMethods;
    return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.startsWith('{') && expected.endsWith('}')) {
      if (actual === '') return undefined;
      params ??= {};
      params[expected.slice(1, -1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params ?? NO_PARAMS;
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
