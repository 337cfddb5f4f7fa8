/** Where two values first differ. */
export interface Difference {
  /** JSON path, e.g. `$[3].created_at`. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Tolerances of `findDifference`. */
export interface CompareOptions {
  /** Absolute-or-relative tolerance for non-integer numbers. Default 1e-6. */
  floatTolerance?: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO-8601 / PostgreSQL timestamp to epoch milliseconds (sub-millisecond digits
 * truncated). A value without an offset is read as UTC (the contract's rule). Null if not a timestamp.
 */
export function parseInstantMs(value: string): number | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  ms += Number(((frac ?? '') + '000').slice(0, 3));
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  }
  return ms;
}

function closeEnough(a: number, b: number, tolerance: number): boolean {
  if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compares parsed JSON values the way the contract does: timestamps as instants to the
 * millisecond (±1 ms for rounding), floats within a tolerance, object keys as sets.
 * Returns the first difference, or null when equal.
 */
export function findDifference(expected: unknown, actual: unknown, options: CompareOptions = {}, path = '$'): Difference | null {
  const tolerance = options.floatTolerance ?? 1e-6;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return closeEnough(expected, actual, tolerance) ? null : { path, expected, actual };
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    if (expected === actual) return null;
    const a = parseInstantMs(expected);
    const b = parseInstantMs(actual);
    if (a !== null && b !== null && Math.abs(a - b) <= 1) return null;
    return { path, expected, actual };
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return { path, expected, actual };
    if (expected.length !== actual.length) {
      return { path: `${path}.length`, expected: expected.length, actual: actual.length };
    }
    for (let i = 0; i < expected.length; i++) {
      const d = findDifference(expected[i], actual[i], options, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(expected) && isObject(actual)) {
    const keysE = Object.keys(expected).sort();
    const keysA = Object.keys(actual).sort();
    if (keysE.join(',') !== keysA.join(',')) return { path: `${path} (keys)`, expected: keysE, actual: keysA };
    for (const k of keysE) {
      const d = findDifference(expected[k], actual[k], options, `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : { path, expected, actual };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Shortens a value for a problem message. */
export function preview(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
