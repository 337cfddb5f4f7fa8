import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { echoCheck, healthCheck, uploadCheck } from './checks/basic';
import { usersListCheck } from './checks/users';
import type { ContractView } from './contract-view';
import { runChecks } from './run-checks';

const User = z.strictObject({ id: z.number().int(), name: z.string(), email: z.string(), created_at: z.string() });
const Detail = z.strictObject({ detail: z.union([z.string(), z.array(z.unknown())]) });

/** A three-endpoint slice of the contract, enough to exercise the runner and a few checks. */
const contract: ContractView = {
  seedRowCounts: { users: 3 },
  endpoints: [
    { id: 'health', method: 'GET', path: '/health', responses: { 200: { schema: z.strictObject({ status: z.literal('ok'), server: z.string() }) } } },
    {
      id: 'echo',
      method: 'POST',
      path: '/echo',
      responses: { 200: { schema: z.strictObject({ message: z.string(), data: z.record(z.string(), z.unknown()).nullable() }) }, 422: { schema: Detail } },
    },
    { id: 'users.list', method: 'GET', path: '/users', responses: { 200: { schema: z.array(User) } } },
    {
      id: 'upload',
      method: 'POST',
      path: '/upload',
      responses: { 200: { schema: z.strictObject({ filename: z.string(), size: z.number().int(), content_type: z.string() }) }, 422: { schema: Detail } },
    },
  ],
};

type Mode = 'correct' | 'chunked' | 'echo-verbatim' | 'camel' | 'drop-row' | 'text-plain' | 'upload-off-by-one';
let mode: Mode = 'correct';

const users = [1, 2, 3].map((id) => ({ id, name: `User${id}`, email: `user${id}@benchmark.com`, created_at: '2025-01-01T00:00:00' }));

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const type = mode === 'text-plain' ? 'text/plain' : 'application/json';
  if (mode === 'chunked') res.writeHead(status, { 'content-type': type });
  else res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A tiny correct server for the slice, with one switchable fault. */
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (req.url === '/health') return send(res, 200, { status: 'ok', server: 'fixture' });
    if (req.url === '/users') {
      const rows = mode === 'camel' ? users.map(({ created_at, ...u }) => ({ ...u, createdAt: created_at })) : users;
      return send(res, 200, mode === 'drop-row' ? rows.slice(1) : rows);
    }
    if (req.url === '/echo') {
      let body: any;
      try {
        body = JSON.parse(raw.toString());
      } catch {
        return send(res, 422, { detail: 'Invalid JSON' });
      }
      if (typeof body?.message !== 'string') return send(res, 422, { detail: 'message required' });
      if (body.data !== undefined && body.data !== null && (typeof body.data !== 'object' || Array.isArray(body.data)))
        return send(res, 422, { detail: 'bad data' });
      return send(res, 200, mode === 'echo-verbatim' ? body : { message: body.message, data: body.data ?? null });
    }
    if (req.url === '/upload') {
      const text = raw.toString('latin1');
      const m = /name="file"; filename="([^"]+)"\r\nContent-Type: ([^\r]+)\r\n\r\n/.exec(text);
      if (!m) return send(res, 422, { detail: 'No file uploaded' });
      const start = m.index + m[0].length;
      const end = text.lastIndexOf('\r\n--');
      const size = end - start + (mode === 'upload-off-by-one' ? 1 : 0);
      return send(res, 200, { filename: m[1], size, content_type: m[2] });
    }
    send(res, 404, { detail: 'Not found' });
  });
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const checks = [healthCheck, echoCheck, usersListCheck, uploadCheck];

describe('runChecks against an in-process fixture', () => {
  it('passes a correct server with no problems and records framing', async () => {
    mode = 'correct';
    const report = await runChecks(checks, contract, { baseUrl, implId: 'fixture' });
    expect(report.problems).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(['health', 'echo', 'users.list', 'upload']);
    expect(report.framing.find((f) => f.endpoint === 'GET /users')).toMatchObject({ status: 200, chunked: false, keepAlive: true });
  });

  it.each<[Mode, string, 'error' | 'warning']>([
    ['chunked', 'framing.chunked', 'warning'],
    ['echo-verbatim', 'contract.schema', 'error'],
    ['camel', 'contract.schema', 'error'],
    ['drop-row', 'users.list.row-count', 'error'],
    ['text-plain', 'framing.content-type', 'error'],
    ['upload-off-by-one', 'upload.size', 'error'],
  ])('reports %s as %s', async (fault, check, severity) => {
    mode = fault;
    const report = await runChecks(checks, contract, { baseUrl, implId: 'fixture' });
    expect(report.problems).toContainEqual(expect.objectContaining({ check, severity }));
    expect(report.passed).toBe(severity === 'warning');
  });

  it('turns a refused connection into a transport problem', async () => {
    const report = await runChecks([healthCheck], contract, { baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    expect(report.passed).toBe(false);
    expect(report.problems[0]).toMatchObject({ check: 'transport.network', endpoint: 'GET /health' });
  });

  it('selects checks by endpoint id with `only`', async () => {
    mode = 'correct';
    const report = await runChecks(checks, contract, { baseUrl, only: (id) => id === 'echo' });
    expect(report.checks.map((c) => c.id)).toEqual(['echo']);
  });
});
