/**
 * Builds this implementation's Fastify route schemas from `@lab/contract`'s zod schemas.
 *
 * The conversion is the contract's own (`toOpenApiSchema`, zod 4's `z.toJSONSchema`, the code
 * that writes `docs/openapi.json`); this module only arranges its output the way Fastify takes
 * it: path and query objects built field by field, the JSON body as an input schema, one
 * response schema per status, and `$ref`s to shared components inlined so that each route
 * schema stands alone. Nothing is added: the integer bounds and the no-NUL rule are the
 * contract's (`contract-routes.test.ts` checks that every integer parameter stays inside
 * PostgreSQL's `integer` range).
 *
 * Imported relatively (not as `@lab/contract`) so that it runs from any working directory.
 */
import type { z } from 'zod';
import {
  COMPONENT_REF_PREFIX,
  CONTRACT_VERSION,
  endpoints,
  toOpenApiSchema,
  type ComponentSchemas,
  type EndpointDef,
  type JsonSchema,
} from '../../../libs/contract/src/index';

/** Where the generated file lives, relative to this implementation's folder. */
export const GENERATED_FILE = 'src/generated/contract-routes.json';

/** The command that rewrites it, from the workspace root. */
export const REGENERATE_COMMAND = 'node --import tsx implementations/typescript-fastify/scripts/gen-schemas.ts';

/** One route as the generated file describes it. */
export interface GeneratedRoute {
  id: string;
  method: string;
  /** The contract's path template, e.g. `/users/{id}`. */
  path: string;
  /** The same path in Fastify's syntax, e.g. `/users/:id`. */
  url: string;
  /** multipart/form-data parts (name → kind) for upload endpoints; no body schema then. */
  multipart?: Record<string, string>;
  schema: {
    params?: JsonSchema;
    querystring?: JsonSchema;
    body?: JsonSchema;
    response: Record<string, JsonSchema>;
  };
}

/**
 * A path or query object: each field converted on its own (as `docs/openapi.json` does), required
 * when it has no default, unknown keys allowed (the contract ignores them).
 */
function parameterObject(object: z.ZodObject, components: ComponentSchemas): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(object.shape)) {
    const fieldSchema = field as z.ZodType;
    properties[name] = toOpenApiSchema(fieldSchema, 'output', components);
    if (!fieldSchema.safeParse(undefined).success) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** Replaces every `{"$ref": "#/components/schemas/X", ...}` by X (recursively), keeping sibling keys. */
function inlineRefs(value: unknown, components: ComponentSchemas): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(item, components));
  if (value === null || typeof value !== 'object') return value;
  const { $ref, ...rest } = value as Record<string, unknown>;
  const inlinedRest = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inlineRefs(v, components)]));
  if (typeof $ref !== 'string') return inlinedRest;
  if (!$ref.startsWith(COMPONENT_REF_PREFIX)) throw new Error(`unexpected $ref ${$ref}`);
  const target = components[$ref.slice(COMPONENT_REF_PREFIX.length)];
  if (!target) throw new Error(`unknown component ${$ref}`);
  return { ...(inlineRefs(target, components) as JsonSchema), ...inlinedRest };
}

function route(def: EndpointDef, components: ComponentSchemas): GeneratedRoute {
  const schema: GeneratedRoute['schema'] = { response: {} };
  if (def.params) schema.params = parameterObject(def.params, components);
  if (def.query) schema.querystring = parameterObject(def.query, components);
  if (def.body) schema.body = toOpenApiSchema(def.body, 'input', components);
  for (const [status, response] of Object.entries(def.responses)) {
    if (response.schema !== null) schema.response[status] = toOpenApiSchema(response.schema, 'output', components);
  }
  return {
    id: def.id,
    method: def.method,
    path: def.path,
    url: def.path.replace(/\{([^}]+)\}/g, ':$1'),
    ...(def.multipart ? { multipart: { ...def.multipart.fields } } : {}),
    schema: inlineRefs(schema, components) as GeneratedRoute['schema'],
  };
}

/** The generated document: the contract version and one entry per endpoint, in contract order. */
export function buildRouteSchemas(): { $comment: string; contractVersion: string; routes: GeneratedRoute[] } {
  const components: ComponentSchemas = {};
  const routes = endpoints.map((def) => route(def, components));
  return {
    $comment: `Generated from @lab/contract by scripts/route-schemas.ts; do not edit. Regenerate from the workspace root: ${REGENERATE_COMMAND}`,
    contractVersion: CONTRACT_VERSION,
    routes,
  };
}

/** `buildRouteSchemas()` as the committed file's text: 2-space JSON and a trailing newline. */
export function renderRouteSchemas(): string {
  return `${JSON.stringify(buildRouteSchemas(), null, 2)}\n`;
}
