import type pg from 'pg';

/** A request as the proxy received it. */
export interface ProxiedRequest {
  method: string;
  /** Path with query string. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** A response the proxy will send. */
export interface ProxiedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Send with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
}

/** What a fault may use besides the request. */
export interface FaultTools {
  /** Sends a (possibly rewritten) request to the real implementation. */
  forward(req: ProxiedRequest): Promise<ProxiedResponse>;
  /** The implementation's database, for faults that act on it on the side. */
  db: pg.Pool | null;
  /** State that lives as long as the proxy. */
  state: Map<string, unknown>;
}

/** One deliberate deviation from the contract. */
export interface Fault {
  name: string;
  description: string;
  handle(req: ProxiedRequest, tools: FaultTools): Promise<ProxiedResponse>;
}
