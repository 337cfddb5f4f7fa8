import type { RequestHandler, Router } from 'express';

/**
 * The methods a route serves, for `Allow`: its handlers' methods in registration order, with
 * HEAD beside GET (Express answers HEAD with the GET handler).
 */
export function allowedMethods(methods: Record<string, boolean>): string[] {
  const allowed: string[] = [];
  for (const method of Object.keys(methods)) {
    if (method === '_all') continue;
    allowed.push(method.toUpperCase());
    if (method === 'get' && !methods['head']) allowed.push('HEAD');
  }
  return allowed;
}

/**
 * Last handler of a route: a method the path does not serve (TRACE, OPTIONS, `PUT /health` …)
 * → 405 `{"detail":"Method Not Allowed"}` with `Allow` listing the methods the route serves.
 */
export const methodNotAllowed: RequestHandler = (req, res) => {
  res.set('Allow', allowedMethods(req.route.methods).join(', '));
  res.status(405).json({ detail: 'Method Not Allowed' });
};

/** A route layer of a router's stack; `match(path)` is how Express tests a path against it. */
interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * The `Allow` methods of `path`: those of the first route of `routers` matching it (the route
 * Express dispatches it to), or undefined for an unknown path. For a request Express never sees
 * (see `clientErrorListener`).
 */
export function methodsOfPath(routers: readonly Router[], path: string): string[] | undefined {
  for (const router of routers) {
    for (const layer of router.stack as unknown as RouteLayer[]) {
      if (!layer.route) continue;
      let matched: unknown;
      try {
        matched = layer.match(path);
      } catch {
        matched = true; // the pattern matched; only decoding a parameter (%ZZ) failed
      }
      if (matched) return allowedMethods(layer.route.methods);
    }
  }
  return undefined;
}

/**
 * Ends every route of `router` with `methodNotAllowed` (Express's `route.all`), so a known path
 * answers 405 for any other method — OPTIONS included, instead of Express's automatic text
 * answer — while unknown paths still fall through to the 404 handler. A path must be declared
 * once per router (`router.route(path).get(…).put(…)`): a second route for the same path would
 * never be reached, so it is refused at startup.
 */
export function rejectOtherMethods(router: Router): Router {
  const paths = new Set<string>();
  for (const { route } of router.stack) {
    if (!route) continue;
    if (paths.has(route.path)) throw new Error(`${route.path} has two routes: declare its methods with router.route()`);
    paths.add(route.path);
    route.all(methodNotAllowed);
  }
  return router;
}
