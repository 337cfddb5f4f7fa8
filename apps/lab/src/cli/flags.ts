import type { Invocation } from './parse-command-line';

/** A flag's value, trimmed; undefined when absent or empty. */
export function flagText(raw: Invocation['values'][string]): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** A repeatable flag's values, also split on commas; duplicates dropped, first mention first. */
export function flagList(raw: Invocation['values'][string]): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return [
    ...new Set(
      items
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
