import { z } from 'zod';

/** Metadata the contract attaches to a schema: a component name and/or a description. */
export interface ContractMeta {
  /** Name under `components.schemas` in the OpenAPI document (shared schemas only). */
  id?: string;
  /** Human description, copied into the OpenAPI document. */
  description?: string;
}

/**
 * The contract's own zod metadata registry. Kept apart from zod's global registry so that
 * component names cannot collide with other libraries loaded in the same process.
 */
export const contractRegistry = z.registry<ContractMeta>();

/** Attaches a description to `schema` (in `contractRegistry`) and returns the same schema. */
export function described<S extends z.ZodType>(schema: S, description: string): S {
  contractRegistry.add(schema, { ...contractRegistry.get(schema), description });
  return schema;
}

/** Marks `schema` as a shared OpenAPI component named `id`, with a description. */
export function component<S extends z.ZodType>(id: string, schema: S, description: string): S {
  contractRegistry.add(schema, { id, description });
  return schema;
}
