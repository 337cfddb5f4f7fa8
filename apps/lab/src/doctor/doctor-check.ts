/** How one doctor line turned out: `missing` fails `lab doctor` only when the check is required. */
export type CheckStatus = 'ok' | 'missing' | 'warn';

/** One line of `lab doctor`. */
export interface DoctorCheck {
  /** Stable id, e.g. `postgres`, `toolchain:python`. */
  id: string;
  /** What was checked, for people. */
  label: string;
  status: CheckStatus;
  /** A missing required check makes `lab doctor` exit 1. */
  required: boolean;
  /** What was found: a version, a path, a count. */
  detail: string;
  /** One line saying how to fix it (when not ok). */
  fix?: string;
}

/** A passed check. */
export function ok(id: string, label: string, detail: string, required = true): DoctorCheck {
  return { id, label, status: 'ok', required, detail };
}

/** A failed check: `missing` when required, `warn` when optional. */
export function failed(id: string, label: string, detail: string, fix: string, required = true): DoctorCheck {
  return { id, label, status: required ? 'missing' : 'warn', required, detail, fix };
}
