import type { z } from 'zod';
import type { ResultIssue } from './errors';

/**
 * Flattens zod issues into {@link ResultIssue}s with readable paths (`runs[0].errors.timeout`,
 * `(root)` for the top level). An unrecognised-keys issue becomes one issue per extra key, so
 * every offending path is listed.
 */
export function toResultIssues(issues: readonly z.core.$ZodIssue[]): ResultIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unrecognized key' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/** `['runs', 0, 'errors']` → `runs[0].errors`; `[]` → `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
