import { ContractError } from './errors';

/** Values substituted into a path template; numbers are written in decimal. */
export type PathParams = Record<string, string | number>;

const PARAM = /^\{([^}]+)\}$/;

function segments(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((s) => s !== '');
}

/**
 * Matches a concrete path (`/users/42`, a query string is ignored) against an OpenAPI-style
 * template (`/users/{id}`). Returns the decoded raw parameter strings, or null when the path does
 * not fit. Parameter segments match any non-empty segment: validation is the schema's job.
 */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const want = segments(template);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = PARAM.exec(want[i]!)?.[1];
    if (name !== undefined) params[name] = decodeURIComponent(got[i]!);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

/**
 * How specific a template is, for precedence: one digit per segment, 1 for a literal and 0 for a
 * parameter, so `/users/offset` ('11') outranks `/users/{id}` ('10').
 */
export function templateSpecificity(template: string): string {
  return segments(template)
    .map((s) => (PARAM.test(s) ? '0' : '1'))
    .join('');
}

/**
 * Fills a template's `{name}` placeholders with URI-encoded values: `expandPath('/users/{id}',
 * {id: 42})` is `/users/42`. Throws `LAB_CONTRACT_MISSING_PATH_PARAM` when a value is missing.
 */
export function expandPath(path: string, params: PathParams = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new ContractError('LAB_CONTRACT_MISSING_PATH_PARAM', `path ${path} needs parameter "${name}"`, `pass { ${name}: <value> } to expandPath`);
    }
    return encodeURIComponent(String(value));
  });
}
