/** The part of a zod schema the gate uses. */
export interface ResponseSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** The part of `@lab/contract`'s EndpointDef the gate uses. */
export interface ContractEndpoint {
  id: string;
  method: string;
  path: string;
  responses: Record<string | number, { description?: string; schema: ResponseSchema | null } | undefined>;
}

/** What the gate needs from `@lab/contract`; injectable so checks can be unit-tested against fixtures. */
export interface ContractView {
  endpoints: readonly ContractEndpoint[];
  seedRowCounts: Record<string, number>;
}

/** `METHOD /path/{param}` — how checks and problems name an endpoint. */
export type EndpointKey = string;

export function endpointKey(e: { method: string; path: string }): EndpointKey {
  return `${e.method.toUpperCase()} ${e.path}`;
}

/** Fills `{name}` placeholders; values are URI-encoded. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** Builds `?a=1&b=2`, skipping undefined values. */
export function queryString(query: Record<string, string | number | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
