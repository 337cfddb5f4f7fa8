import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Pool } from 'undici';
import { ConformanceError } from '../errors';
import { faults } from './faults';
import type { FaultName } from './faults';
import type { Fault, FaultTools, ProxiedRequest, ProxiedResponse } from './fault-types';

export type { Fault, FaultTools, ProxiedRequest, ProxiedResponse } from './fault-types';

/** A running fault proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

/**
 * Starts an in-process HTTP proxy on 127.0.0.1 in front of `target` that applies ONE named fault,
 * so tests can prove each check catches the wrong behaviour it is written for.
 */
export async function startFaultProxy(options: { target: string; fault: FaultName | Fault; databaseUrl?: string }): Promise<FaultProxy> {
  const fault = typeof options.fault === 'string' ? faults[options.fault] : options.fault;
  if (!fault)
    throw new ConformanceError('LAB_CONFORMANCE_FAULT_UNKNOWN', `unknown fault ${String(options.fault)}`, `one of: ${Object.keys(faults).join(', ')}`);
  const upstream = new Pool(options.target, { connections: 32 });
  const db = options.databaseUrl ? new pg.Pool({ connectionString: options.databaseUrl, max: 2 }) : null;
  const tools: FaultTools = {
    db,
    state: new Map(),
    async forward(req) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
      const res = await upstream.request({ method: req.method as 'GET', path: req.path, headers, body: req.body.length ? req.body : undefined });
      const body = Buffer.from(await res.body.arrayBuffer());
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
      return { status: res.statusCode, headers: out, body };
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const incoming: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks) };
      fault
        .handle(incoming, tools)
        .then((out) => {
          if (out.chunked) {
            res.writeHead(out.status, out.headers);
            if (out.body.length) res.write(out.body);
            res.end();
          } else {
            res.writeHead(out.status, { ...out.headers, 'content-length': String(out.body.length) });
            res.end(out.body);
          }
        })
        .catch((error: Error) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ detail: `fault proxy: ${error.message}` }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
      await db?.end();
    },
  };
}
