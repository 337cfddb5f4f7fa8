import type {
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import { rejectMalformedBody } from './body.js';
import generated from './generated/contract-routes.json' with { type: 'json' };

/** A JSON Schema object, as generated from the contract. */
export type JsonSchema = Record<string, unknown>;

/** One endpoint of the contract with its Fastify schemas (see `scripts/route-schemas.ts`). */
export interface ContractRoute {
  /** The contract's endpoint id, e.g. `users.get`. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template, e.g. `/users/{id}`. */
  path: string;
  /** The same path in Fastify's syntax, e.g. `/users/:id`. */
  url: string;
  /** multipart/form-data parts for upload endpoints. */
  multipart?: Record<string, string>;
  schema: {
    params?: JsonSchema;
    querystring?: JsonSchema;
    body?: JsonSchema;
    response: Record<string, JsonSchema>;
  };
}

/** The contract version the generated schemas were built from. */
export const CONTRACT_VERSION: string = generated.contractVersion;

/** Every endpoint of the contract (60), in contract order. */
export const contractRoutes: readonly ContractRoute[] = generated.routes as unknown as ContractRoute[];

const byId = new Map(contractRoutes.map((route) => [route.id, route]));

/** The generated route of endpoint `id`; throws for an id the contract does not have. */
export function contractRoute(id: string): ContractRoute {
  const route = byId.get(id);
  if (!route) throw new Error(`the contract has no endpoint '${id}'`);
  return route;
}

/**
 * Registers `handler` for contract endpoint `id`: method, URL and the generated schemas
 * (request validation with Ajv, response serialisation with fast-json-stringify) come from the
 * contract, so a route module only says which endpoint it implements.
 */
export function serve<T extends RouteGenericInterface = RouteGenericInterface>(
  app: FastifyInstance,
  id: string,
  handler: RouteHandlerMethod<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, T>,
): void {
  const route = contractRoute(id);
  app.route<T>({
    method: route.method,
    url: route.url,
    schema: route.schema as FastifySchema,
    ...(route.schema.body ? { preValidation: rejectMalformedBody } : {}),
    handler,
  });
}

/** Splits a path into segments; `{name}` segments are parameters. */
interface PathPattern {
  segments: readonly string[];
  methods: Set<string>;
  isStatic: boolean;
}

const patterns = new Map<string, PathPattern>();
for (const route of contractRoutes) {
  let pattern = patterns.get(route.path);
  if (!pattern) {
    pattern = { segments: route.path.split('/'), methods: new Set(), isStatic: !route.path.includes('{') };
    patterns.set(route.path, pattern);
  }
  pattern.methods.add(route.method);
  // Fastify answers HEAD on every GET route (exposeHeadRoutes).
  if (route.method === 'GET') pattern.methods.add('HEAD');
}

function matches(pattern: PathPattern, segments: readonly string[]): boolean {
  if (pattern.segments.length !== segments.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const expected = pattern.segments[i]!;
    const actual = segments[i]!;
    // A parameter matches any segment, even an empty one, as in Fastify's router.
    if (!expected.startsWith('{') && expected !== actual) {
      return false;
    }
  }
  return true;
}

/**
 * The methods the contract serves on `pathname` (the URL path without its query), in a stable
 * order, or an empty list for a path it does not know. Static paths win over `{param}` ones, as
 * in Fastify's router (`/users/offset` is never `/users/{id}`).
 */
export function allowedMethods(pathname: string): string[] {
  const exact = patterns.get(pathname);
  if (exact?.isStatic) return [...exact.methods].sort();
  const segments = pathname.split('/');
  const methods = new Set<string>();
  for (const pattern of patterns.values()) {
    if (!pattern.isStatic && matches(pattern, segments)) for (const method of pattern.methods) methods.add(method);
  }
  return [...methods].sort();
}
