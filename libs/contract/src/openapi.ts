import type { z } from 'zod';
import { endpointGroups, type EndpointDef } from './endpoint-def';
import { endpoints } from './endpoints';
import { type ComponentSchemas, type JsonSchema, toOpenApiSchema } from './json-schema';

/** Version of the API contract, reported as `info.version`; bump when a shape changes. */
export const CONTRACT_VERSION = '1.0.0';

/** Command that regenerates `docs/openapi.json` from the schemas (run from the workspace root). */
export const OPENAPI_REGENERATE_COMMAND = 'node --import tsx tools/openapi/generate.ts';

/** Path of the generated document, relative to the workspace root. */
export const OPENAPI_PATH = 'docs/openapi.json';

function parameters(def: EndpointDef, components: ComponentSchemas): JsonSchema[] {
  const from = (location: 'path' | 'query', object: z.ZodObject | undefined) =>
    Object.entries(object?.shape ?? {}).map(([name, field]) => {
      const fieldSchema = field as z.ZodType;
      const { description, ...schema } = toOpenApiSchema(fieldSchema, 'output', components);
      return {
        name,
        in: location,
        required: location === 'path' || !fieldSchema.safeParse(undefined).success,
        ...(description === undefined ? {} : { description }),
        schema,
      };
    });
  return [...from('path', def.params), ...from('query', def.query)];
}

function requestBody(def: EndpointDef, components: ComponentSchemas): JsonSchema | undefined {
  if (def.body) {
    return { required: true, content: { 'application/json': { schema: toOpenApiSchema(def.body, 'input', components) } } };
  }
  if (def.multipart) {
    const fields = Object.entries(def.multipart.fields);
    const properties = Object.fromEntries(
      fields.map(([name, kind]) => [name, kind === 'file' ? { type: 'string', contentMediaType: 'application/octet-stream' } : { type: 'string' }]),
    );
    const schema = { type: 'object', properties, required: fields.map(([name]) => name) };
    return { required: true, content: { 'multipart/form-data': { schema } } };
  }
  return undefined;
}

function operation(def: EndpointDef, components: ComponentSchemas): JsonSchema {
  const params = parameters(def, components);
  const body = requestBody(def, components);
  const responses = Object.fromEntries(
    Object.entries(def.responses).map(([status, response]) => [
      status,
      response.schema === null
        ? { description: response.description }
        : {
            description: response.description,
            content: { 'application/json': { schema: toOpenApiSchema(response.schema, 'output', components) } },
          },
    ]),
  );
  return {
    operationId: def.id,
    tags: [def.group],
    summary: def.summary,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    ...(def.auth === 'bearer' ? { security: [{ bearer: [] }] } : {}),
  };
}

/**
 * The OpenAPI 3.1 document of the contract, generated from the zod schemas: one operation per
 * endpoint (operationId = id, tag = group), shared schemas under `components.schemas`.
 */
export function buildOpenApi(): Record<string, unknown> {
  const components: ComponentSchemas = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const def of endpoints) {
    (paths[def.path] ??= {})[def.method.toLowerCase()] = operation(def, components);
  }
  const schemas = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Backend Benchmark Lab API',
      version: CONTRACT_VERSION,
      description: 'The one HTTP API every implementation serves. Generated from @lab/contract; see docs/contract.md.',
    },
    tags: endpointGroups.map((name) => ({ name })),
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

/** `buildOpenApi()` as the committed file's text: 2-space JSON and a trailing newline. */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}
