import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findEndpoint, responseExamples } from '@lab/contract';

/** A request the fake server received. `endpoint` is the contract id it matched, if any. */
export interface FakeRequest {
  method: string;
  path: string;
  endpoint: string | undefined;
}

/** A running fake of the contract. */
export interface ContractFakeServer {
  baseUrl: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/**
 * A tiny in-process stand-in for an implementation (test-only): every request is written down
 * and answered with the contract's example body for the endpoint it matches (its lowest 2xx
 * status), or 404. Plausible enough for scenarios to run; it checks nothing itself.
 */
export async function startContractFake(): Promise<ContractFakeServer> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const def = findEndpoint(method, path);
      requests.push({ method, path, endpoint: def?.id });
      const examples = def ? (responseExamples as Record<string, Record<number, unknown>>)[def.id] : undefined;
      const status = def
        ? Math.min(
            ...Object.keys(def.responses)
              .map(Number)
              .filter((s) => s >= 200 && s < 300),
          )
        : 404;
      const body = status === 204 ? '' : JSON.stringify(examples?.[status] ?? { detail: 'Not Found' });
      res.writeHead(status, status === 204 ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
