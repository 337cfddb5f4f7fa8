import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { contractRegistry } from './schemas/contract-registry';

/** A JSON Schema (draft 2020-12) object as produced by `z.toJSONSchema`. */
export type JsonSchema = Record<string, unknown>;

/** Where shared schemas are collected: component name → JSON Schema. */
export type ComponentSchemas = Record<string, JsonSchema>;

/** Prefix of references to shared schemas in the OpenAPI document. */
export const COMPONENT_REF_PREFIX = '#/components/schemas/';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, COMPONENT_REF_PREFIX) : rewriteRefs(v)]),
  );
}

/**
 * Converts a zod schema with zod 4's native `z.toJSONSchema` (draft 2020-12, descriptions and
 * component names from `contractRegistry`) for embedding in OpenAPI 3.1: schemas registered with an
 * `id` move to `components` (conflicting duplicates throw), `$ref`s point there, and the implicit
 * safe-integer bounds zod adds to `.int()` are dropped.
 */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output', components: ComponentSchemas): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    metadata: contractRegistry,
    unrepresentable: 'throw',
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = rewriteRefs(converted) as JsonSchema;
  for (const [name, def] of Object.entries(($defs ?? {}) as ComponentSchemas)) {
    if (name.startsWith('__')) throw new Error(`anonymous recursive schema ${name}: give it an id`);
    const existing = components[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, def)) {
      throw new Error(`component ${name} differs between uses (${io}); give the variants distinct ids`);
    }
    components[name] = def;
  }
  return rest;
}
