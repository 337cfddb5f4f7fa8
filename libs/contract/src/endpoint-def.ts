import type { z } from 'zod';
import { ValidationErrorBody } from './schemas/error-body';

/** HTTP methods the contract uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The endpoint groups of the README, one per scenario family; used as OpenAPI tags. */
export type EndpointGroup =
  | 'basic'
  | 'pagination'
  | 'column-overhead'
  | 'n-plus-one'
  | 'bulk'
  | 'transactions'
  | 'caching'
  | 'auth'
  | 'aggregation'
  | 'server-config'
  | 'search';

/** Every group, in README order. */
export const endpointGroups: readonly EndpointGroup[] = [
  'basic',
  'pagination',
  'column-overhead',
  'n-plus-one',
  'bulk',
  'transactions',
  'caching',
  'auth',
  'aggregation',
  'server-config',
  'search',
];

/** One documented response of an endpoint; `schema` is null when there is no body (204). */
export interface ResponseDef {
  /** What this status means for this endpoint. */
  description: string;
  /** The JSON body's schema (strict), or null for an empty body. */
  schema: z.ZodType | null;
}

/** Kind of a multipart form part: an uploaded file or a plain text field. */
export type MultipartFieldKind = 'file' | 'text';

/** One endpoint of the contract: its route, inputs and responses per status code. */
export interface EndpointDef {
  /** Stable identifier, e.g. `users.list`; also the OpenAPI operationId. */
  id: string;
  /** HTTP method. */
  method: HttpMethod;
  /** OpenAPI-style path template, e.g. `/users/{id}`. */
  path: string;
  /** Scenario family; the OpenAPI tag. */
  group: EndpointGroup;
  /** One-line description. */
  summary: string;
  /** Path parameters (values arrive as strings; integer ones are parsed strictly). */
  params?: z.ZodObject;
  /** Query parameters with their defaults; unknown keys are ignored. */
  query?: z.ZodObject;
  /** JSON request body. */
  body?: z.ZodType;
  /** multipart/form-data request body: part name → kind. */
  multipart?: { fields: Record<string, MultipartFieldKind> };
  /** Response per HTTP status. */
  responses: Record<number, ResponseDef>;
  /** `bearer`: the endpoint reads `Authorization: Bearer <token>`. */
  auth?: 'bearer';
}

/** Identity function that checks `def` against `EndpointDef` while keeping its literal types. */
export function defineEndpoint<const T extends EndpointDef>(def: T): T {
  return def;
}

/** The 422 response shared by every endpoint that takes input. */
export const invalidInput = {
  description: 'Invalid input: malformed JSON, missing or mistyped fields, non-integer or out-of-range parameters.',
  schema: ValidationErrorBody,
} as const satisfies ResponseDef;

/** The 204 response: no body. */
export const noContent = { description: 'Deleted; empty body.', schema: null } as const satisfies ResponseDef;
