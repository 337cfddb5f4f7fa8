import type { ContractEndpoint, ContractView, EndpointKey } from './contract-view';
import { endpointKey, fillPath, queryString } from './contract-view';
import type { HttpClient, HttpReply } from './http-client';
import { multipartBody } from './http-client';
import type { FramingRecord, ProblemSink } from './types';

/** How a check describes one request. */
export interface CallSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  /** JSON request body (serialised compactly). */
  json?: unknown;
  /** Raw request body, sent as application/json unless headers say otherwise. */
  raw?: string;
  headers?: Record<string, string>;
  multipart?: { field: string; filename: string; contentType: string; data: Buffer };
  /** Expected status; a different one is an error `<check>.status`. Default 200. */
  expect?: number;
}

/** A finished request as checks see it. */
export interface Exchange {
  status: number;
  /** Parsed JSON body; undefined when empty or not JSON. */
  body: unknown;
  text: string;
  durationMs: number;
  /** True when the status was the expected one and the body matched the contract's schema. */
  ok: boolean;
  reply: HttpReply;
}

/** Sends requests for checks and validates every reply against the contract. */
export class ContractCaller {
  private readonly byKey = new Map<EndpointKey, ContractEndpoint>();
  readonly framing = new Map<EndpointKey, FramingRecord>();
  /** Endpoint keys that received at least one request. */
  readonly called = new Set<EndpointKey>();
  /** `check|endpoint` of framing problems already reported: once per endpoint, not once per check. */
  private readonly framingReported = new Set<string>();

  constructor(
    private readonly http: HttpClient,
    contract: ContractView,
  ) {
    for (const e of contract.endpoints) this.byKey.set(endpointKey(e), e);
  }

  async call(recorder: ProblemSink, key: EndpointKey, spec: CallSpec = {}): Promise<Exchange | null> {
    const def = this.byKey.get(key);
    const [method, template] = key.split(' ') as [string, string];
    if (!def) recorder.report('error', 'unknown-endpoint', key, `the contract has no endpoint ${key}`);
    const headers: Record<string, string> = { ...spec.headers };
    let body: string | Buffer | undefined;
    if (spec.multipart) {
      const m = multipartBody(spec.multipart.field, spec.multipart.filename, spec.multipart.contentType, spec.multipart.data);
      body = m.body;
      headers['content-type'] = m.contentType;
    } else if (spec.json !== undefined || spec.raw !== undefined) {
      body = spec.raw ?? JSON.stringify(spec.json);
      headers['content-type'] ??= 'application/json';
    }
    const path = fillPath(template, spec.params) + queryString(spec.query);
    let reply: HttpReply;
    try {
      reply = await this.http.send({ method, path, headers, body });
    } catch (error) {
      recorder.add({
        severity: 'error',
        endpoint: key,
        check: 'transport.network',
        message: `${method} ${path}: ${(error as Error).message}`,
      });
      return null;
    }
    this.called.add(key);
    const expected = spec.expect ?? 200;
    let ok = true;
    if (reply.status !== expected) {
      ok = false;
      recorder.report('error', 'status', key, `${method} ${path}: expected status ${expected}, got ${reply.status}`, {
        expected,
        actual: reply.status,
      });
    }
    this.recordFraming(recorder, key, reply);
    const parsed = this.parseBody(recorder, key, reply);
    if (def && !this.validate(recorder, def, key, reply, parsed)) ok = false;
    return { status: reply.status, body: parsed.value, text: reply.bodyText, durationMs: reply.durationMs, ok, reply };
  }

  private recordFraming(recorder: ProblemSink, key: EndpointKey, reply: HttpReply): void {
    const record: FramingRecord = {
      endpoint: key,
      status: reply.status,
      contentLength: reply.contentLength,
      chunked: reply.chunked,
      keepAlive: reply.keepAlive,
      contentType: reply.contentType,
    };
    const previous = this.framing.get(key);
    const success = reply.status >= 200 && reply.status < 300;
    if (!previous || (success && !(previous.status >= 200 && previous.status < 300))) this.framing.set(key, record);
    const once = (check: string): boolean => {
      const key2 = `${check}|${key}`;
      if (this.framingReported.has(key2)) return false;
      this.framingReported.add(key2);
      return true;
    };
    if (reply.chunked && once('framing.chunked')) {
      recorder.add({
        severity: 'warning',
        endpoint: key,
        check: 'framing.chunked',
        message: `status ${reply.status} sent with Transfer-Encoding: chunked and no Content-Length (chunked Node responses stall 40-200 ms on loopback)`,
      });
    }
    if (!reply.keepAlive && once('framing.keep-alive')) {
      recorder.add({ severity: 'warning', endpoint: key, check: 'framing.keep-alive', message: 'server closed the connection (Connection: close)' });
    }
    if (reply.status !== 204 && !/^application\/json\b/i.test(reply.contentType ?? '') && once('framing.content-type')) {
      recorder.add({
        severity: 'error',
        endpoint: key,
        check: 'framing.content-type',
        message: `status ${reply.status}: Content-Type ${reply.contentType ?? '(none)'}, expected application/json`,
        expected: 'application/json',
        actual: reply.contentType,
      });
    }
  }

  private parseBody(recorder: ProblemSink, key: EndpointKey, reply: HttpReply): { value: unknown; valid: boolean } {
    if (reply.bodyText === '') return { value: undefined, valid: reply.status === 204 };
    try {
      return { value: JSON.parse(reply.bodyText), valid: true };
    } catch {
      if (reply.status !== 204) {
        recorder.add({
          severity: 'error',
          endpoint: key,
          check: 'contract.json',
          message: `status ${reply.status}: body is not JSON: ${reply.bodyText.slice(0, 80)}`,
        });
      }
      return { value: undefined, valid: false };
    }
  }

  private validate(recorder: ProblemSink, def: ContractEndpoint, key: EndpointKey, reply: HttpReply, parsed: { value: unknown; valid: boolean }): boolean {
    const response = def.responses[reply.status] ?? def.responses[String(reply.status)];
    if (!response) {
      recorder.add({
        severity: 'error',
        endpoint: key,
        check: 'contract.undeclared-status',
        message: `status ${reply.status} is not a response of ${key} (declared: ${Object.keys(def.responses).join(', ')})`,
        actual: reply.status,
      });
      return false;
    }
    if (response.schema === null) {
      if (reply.bodyText !== '') {
        recorder.add({
          severity: 'error',
          endpoint: key,
          check: 'contract.empty-body',
          message: `status ${reply.status} must have an empty body`,
          actual: reply.bodyText.slice(0, 80),
        });
        return false;
      }
      return true;
    }
    if (!parsed.valid) {
      if (reply.bodyText === '') recorder.add({ severity: 'error', endpoint: key, check: 'contract.json', message: `status ${reply.status}: empty body` });
      return false;
    }
    const result = response.schema.safeParse(parsed.value);
    if (result.success) return true;
    const issues = result.error.issues;
    const listed = issues
      .slice(0, 3)
      .map((i) => `${['$', ...i.path.map(String)].join('.')}: ${i.message}`)
      .join('; ');
    recorder.add({
      severity: 'error',
      endpoint: key,
      check: 'contract.schema',
      message: `status ${reply.status} body does not match the contract (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${listed}`,
      actual: issues.slice(0, 10).map((i) => ({ path: i.path.map(String), message: i.message })),
    });
    return false;
  }
}
