import type { ContractView, EndpointKey } from './contract-view';
import type { Database } from './database';
import type { RedisView } from './redis';
import type { Difference } from './compare';
import { preview } from './compare';
import type { Observation, Problem, ProblemSink } from './types';
import type { CallSpec, Exchange } from './exchange';

/** What a check may use: the live server, the database when given, and the run settings. */
export interface CheckContext {
  /** Sends one request, validates status, body schema and framing against the contract. */
  call(endpoint: EndpointKey, spec?: CallSpec): Promise<Exchange | null>;
  /** The implementation's database (semantic checks); null without `databaseUrl`. */
  db: Database | null;
  /** The implementation's Redis (what it stored); null without `redisUrl`. */
  redis: RedisView | null;
  /** The upstream stub and its request counter; null without `upstreamUrl`. */
  upstream: UpstreamView | null;
  contract: ContractView;
  implId: string | undefined;
  upstreamDelayMs: number;
  /** Records an error-severity problem `<check id>.<aspect>`. */
  fail(aspect: string, endpoint: EndpointKey, message: string, detail?: { expected?: unknown; actual?: unknown }): void;
  /** Records a warning `<check id>.<aspect>`. */
  warn(aspect: string, endpoint: EndpointKey, message: string, detail?: { expected?: unknown; actual?: unknown }): void;
  /** Records an error for a value difference found by `findDifference`; no-op for null. */
  differs(aspect: string, endpoint: EndpointKey, what: string, diff: Difference | null): boolean;
  observe(aspect: string, endpoint: EndpointKey, message: string, value: unknown): void;
}

/** The upstream stub as checks see it. */
export interface UpstreamView {
  url: string;
  /** Requests the stub's `/delay` has received so far. */
  hits(): Promise<number>;
}

/** One named check: a small function over a `CheckContext`. It reports problems, never throws for a wrong server. */
export interface Check {
  /** Stable id, e.g. `users.list`; its problems are `<id>.<aspect>`. */
  id: string;
  /** Every endpoint the check exercises; the first is its primary endpoint. */
  endpoints: readonly EndpointKey[];
  /** The check needs `databaseUrl`; skipped without it. */
  needsDatabase?: boolean;
  /** The check needs `redisUrl`; skipped without it. */
  needsRedis?: boolean;
  /** The check needs `upstreamUrl`; skipped without it. */
  needsUpstream?: boolean;
  run(ctx: CheckContext): Promise<void>;
}

/** Identity helper that types a check definition. */
export function defineCheck(check: Check): Check {
  return check;
}

/** Collects what one check reports. */
export class CheckRecorder implements ProblemSink {
  readonly problems: Problem[] = [];
  readonly observations: Observation[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly checkId: string) {}

  add(problem: Problem): void {
    const key = `${problem.severity}|${problem.check}|${problem.endpoint}|${problem.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push(problem);
  }

  report(severity: Problem['severity'], aspect: string, endpoint: string, message: string, detail: { expected?: unknown; actual?: unknown } = {}): void {
    this.add({ severity, endpoint, check: `${this.checkId}.${aspect}`, message, ...detail });
  }

  differs(aspect: string, endpoint: string, what: string, diff: Difference | null): boolean {
    if (!diff) return false;
    this.report('error', aspect, endpoint, `${what}: differs at ${diff.path}: expected ${preview(diff.expected)}, got ${preview(diff.actual)}`, {
      expected: diff.expected,
      actual: diff.actual,
    });
    return true;
  }
}
