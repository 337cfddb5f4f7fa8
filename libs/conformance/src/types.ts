/** How bad a problem is: an `error` fails the gate, a `warning` is reported but does not. */
export type Severity = 'error' | 'warning';

/** One thing a server got wrong. */
export interface Problem {
  severity: Severity;
  /** The endpoint as `METHOD /path/{param}`, e.g. `GET /users/{id}`. */
  endpoint: string;
  /** A stable id, e.g. `users.list.row-count`; tests and reports key on it. */
  check: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Something measured that is not a failure (e.g. lost updates of the no-lock variant). */
/** Where an exchange records what it finds: one check's problems (`CheckRecorder` in check.ts). */
export interface ProblemSink {
  add(problem: Problem): void;
  report(severity: Severity, aspect: string, endpoint: string, message: string, detail?: { expected?: unknown; actual?: unknown }): void;
}

export interface Observation {
  check: string;
  endpoint: string;
  message: string;
  value: unknown;
}

/** One check function's result. */
export interface CheckOutcome {
  id: string;
  /** The check's primary endpoint, `METHOD /path`. */
  endpoint: string;
  /** True when the check raised no error-severity problem. */
  ok: boolean;
  /** Wall time of the check, milliseconds. */
  durationMs: number;
  /** Set when the check did not run (e.g. `needs a databaseUrl`). */
  skipped?: string;
}

/** How one endpoint framed its first response. */
export interface FramingRecord {
  endpoint: string;
  status: number;
  /** The Content-Length header, null when absent. */
  contentLength: number | null;
  chunked: boolean;
  keepAlive: boolean;
  contentType: string | null;
}

/** What `runConformance` returns. */
export interface ConformanceReport {
  /** True when no error-severity problem was found. */
  passed: boolean;
  checks: CheckOutcome[];
  problems: Problem[];
  framing: FramingRecord[];
  observations: Observation[];
}

/** Progress event, one per finished check. */
export interface ConformanceProgress {
  check: string;
  done: number;
  total: number;
}

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /** The implementation's origin, e.g. `http://127.0.0.1:8000`. */
  baseUrl: string;
  /** The implementation's database; enables semantic comparisons and query counts. */
  databaseUrl?: string;
  /**
   * The implementation's Redis (`redis://host:port`); enables the checks that cached users and
   * sessions are really stored there (keys, values, TTLs).
   */
  redisUrl?: string;
  /**
   * The upstream stub the implementation calls (`UPSTREAM_URL`); enables the check that
   * `GET /external` really reaches it (the stub's `GET /__hits` counter).
   */
  upstreamUrl?: string;
  /** Expected `server` of `GET /health`; not checked when absent. */
  implId?: string;
  /** The upstream stub's delay, milliseconds. Default 100. */
  upstreamDelayMs?: number;
  /** Restricts the run to checks that touch at least one endpoint id it accepts. */
  only?: (endpointId: string) => boolean;
  onProgress?: (e: ConformanceProgress) => void;
  /** Per-request timeout, milliseconds. Default 10 000. */
  timeoutMs?: number;
}
