import { ResultsError } from './errors';
import { toResultIssues } from './issues';
import { RESULT_SCHEMA_VERSION, resultFileSchema, type ResultFile } from './result-schema';
import { upgradeV1 } from './upgrade-result';

/**
 * Validates an already-parsed JSON value as a result file. The schema version is checked
 * first: schema 1 is read through {@link upgradeV1}; any other version fails with
 * LAB_RESULT_VERSION_MISMATCH (naming both versions) instead of a wall of field errors; anything
 * else that does not match fails with LAB_RESULT_INVALID listing every issue path. `file` only
 * labels the error.
 */
export function parseResult(value: unknown, file?: string): ResultFile {
  const where = file ?? 'result';
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const version = (value as { schemaVersion: unknown }).schemaVersion;
    if (version === 1) return parseResult(upgradeV1(value as Record<string, unknown>), file);
    if (version !== RESULT_SCHEMA_VERSION) {
      throw new ResultsError(
        'LAB_RESULT_VERSION_MISMATCH',
        `${where} has schemaVersion ${JSON.stringify(version)}; this lab reads schemaVersion ${RESULT_SCHEMA_VERSION} (and 1)`,
        { file },
      );
    }
  }
  const parsed = resultFileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toResultIssues(parsed.error.issues);
  throw new ResultsError('LAB_RESULT_INVALID', `${where} is not a valid result file:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`, {
    file,
    issues,
  });
}
