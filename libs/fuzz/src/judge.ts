import { detailBody, type EndpointDef } from '@lab/contract';
import type { z } from 'zod';
import type { FuzzRequest } from './fuzz-request';
import { allowProblem } from './methods';

/** An answer as the fuzz stage saw it. */
export interface FuzzReply {
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  bodyText: string;
}

/** What kind of contract breach a failure is. */
export type FailureKind = 'server-error' | 'status' | 'body' | 'allow' | 'timeout' | 'connection' | 'unresponsive' | 'setup' | 'cleanup' | 'state';

/** One problem with one answer. */
export interface Judgement {
  kind: FailureKind;
  problem: string;
}

const methodNotAllowedBody = detailBody('Method Not Allowed');

/** The statuses `request` may be answered with (see `Expectation`). */
export function allowedStatuses(request: FuzzRequest, def: EndpointDef | undefined): number[] {
  if (request.expect === 'method') {
    if (request.method === 'OPTIONS') return [405, 200, 204];
    // A token that is no registered method (e.g. FUZZ) may be refused by the server's HTTP parser
    // before any application code runs (Node's llhttp, uvicorn's httptools): 400, never a 5xx.
    return REGISTERED_METHODS.has(request.method) ? [405] : [405, 400];
  }
  const documented = Object.keys(def?.responses ?? {}).map(Number);
  switch (request.expect) {
    case 'valid':
      return documented.filter((s) => s !== 422);
    case 'invalid':
      return [422];
    case 'invalid-body':
      return documented.filter((s) => s === 422 || s === 404);
    case 'lenient':
      return documented;
  }
}

/** The methods of the IANA HTTP method registry that a server is expected to parse (RFC 9110, RFC 5789 PATCH, QUERY). */
const REGISTERED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'QUERY']);

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? issue.path.join('.') : '(root)';
  return `${where}: ${issue.message}${error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : ''}`;
}

function bodyProblem(status: number, schema: z.ZodType | null, bodyText: string): string | null {
  if (schema === null) return bodyText.length === 0 ? null : `${status} must have an empty body, got ${bodyText.length} bytes`;
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return `${status} body is not JSON: ${JSON.stringify(bodyText.slice(0, 80))}`;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? null : `${status} body does not match the contract: ${firstIssue(parsed.error)}`;
}

function describeExpectation(request: FuzzRequest): string {
  switch (request.expect) {
    case 'valid':
      return 'valid input';
    case 'invalid':
      return 'invalid parameter';
    case 'invalid-body':
      return 'invalid body';
    case 'lenient':
      return 'edge-case input';
    case 'method':
      return 'method not served';
  }
}

/**
 * Judges one answer: never 5xx; a status the expectation allows (documented ones only); the body of
 * that status per its schema (empty for 204); a 405 carries `{"detail":"Method Not Allowed"}` and
 * an `Allow` header listing exactly the path's methods (also required on a 200/204 to OPTIONS).
 * `served` are the method lists the path's `Allow` header may give (see `acceptedAllowSets`).
 * Returns every problem found (usually none).
 */
export function judgeReply(request: FuzzRequest, def: EndpointDef | undefined, served: readonly (readonly string[])[], reply: FuzzReply): Judgement[] {
  const { status } = reply;
  if (status >= 500) return [{ kind: 'server-error', problem: `${status} for ${describeExpectation(request)}: ${reply.bodyText.slice(0, 120)}` }];
  const allowed = allowedStatuses(request, def);
  if (!allowed.includes(status)) {
    return [{ kind: 'status', problem: `status ${status} for ${describeExpectation(request)}; expected ${allowed.join(' or ')}` }];
  }
  const problems: Judgement[] = [];
  if (request.expect === 'method') {
    // The HTTP parser's refusal of an unregistered token has no Allow header to check.
    if (status === 400) return [];
    const allows = served.map((methods) => allowProblem(reply.headers['allow'] ?? null, methods));
    if (!allows.includes(null)) problems.push({ kind: 'allow', problem: allows[0] ?? 'no Allow header' });
    if (status === 405) {
      const body = bodyProblem(405, methodNotAllowedBody, reply.bodyText);
      if (body) problems.push({ kind: 'body', problem: body });
    }
    return problems;
  }
  const response = def?.responses[status];
  if (response) {
    const body = bodyProblem(status, response.schema, reply.bodyText);
    if (body) problems.push({ kind: 'body', problem: body });
  }
  return problems;
}
