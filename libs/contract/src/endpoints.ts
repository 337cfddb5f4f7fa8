import type { EndpointDef } from './endpoint-def';
import { aggregationEndpoints } from './endpoints/aggregation';
import { authEndpoints } from './endpoints/auth';
import { basicEndpoints } from './endpoints/basic';
import { bulkEndpoints } from './endpoints/bulk';
import { cachingEndpoints } from './endpoints/caching';
import { columnOverheadEndpoints } from './endpoints/column-overhead';
import { nPlusOneEndpoints } from './endpoints/n-plus-one';
import { paginationEndpoints } from './endpoints/pagination';
import { searchEndpoints } from './endpoints/search';
import { serverConfigEndpoints } from './endpoints/server-config';
import { transactionsEndpoints } from './endpoints/transactions';
import { matchPath, templateSpecificity } from './path-template';

export { expandPath, matchPath, type PathParams } from './path-template';

const all = [
  ...basicEndpoints,
  ...paginationEndpoints,
  ...columnOverheadEndpoints,
  ...nPlusOneEndpoints,
  ...bulkEndpoints,
  ...transactionsEndpoints,
  ...cachingEndpoints,
  ...authEndpoints,
  ...aggregationEndpoints,
  ...serverConfigEndpoints,
  ...searchEndpoints,
] as const;

/** The precise type of one of the 60 endpoints (a union over the registry). */
export type Endpoint = (typeof all)[number];

/** Stable id of an endpoint, e.g. `users.list`. */
export type EndpointId = Endpoint['id'];

/** Every endpoint of the contract (60), in README order. */
export const endpoints: readonly EndpointDef[] = all;

const byId = new Map<string, EndpointDef>(all.map((e) => [e.id, e]));

/** The endpoint with this id (precisely typed for a literal id), or undefined for an unknown id. */
export function endpointById<I extends EndpointId>(id: I): Extract<Endpoint, { id: I }>;
export function endpointById(id: string): EndpointDef | undefined;
export function endpointById(id: string): EndpointDef | undefined {
  return byId.get(id);
}

// Most specific first, so literal segments beat parameters (/users/offset before /users/{id}).
const bySpecificity = [...all].sort((a, b) => templateSpecificity(b.path).localeCompare(templateSpecificity(a.path)));

/**
 * The endpoint serving `method` (any case) on a concrete path such as `/users/42` (a query string is
 * ignored), or undefined. Literal segments take precedence over parameters.
 */
export function findEndpoint(method: string, path: string): EndpointDef | undefined {
  const m = method.toUpperCase();
  return bySpecificity.find((e) => e.method === m && matchPath(e.path, path) !== null);
}
