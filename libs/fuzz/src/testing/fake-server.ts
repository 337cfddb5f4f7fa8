import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { endpoints as contractEndpoints, responseExamples, type EndpointDef } from '@lab/contract';

/** A fault the fake injects for the requests `match` selects. */
export interface FakeFault {
  match: (method: string, url: string) => boolean;
  /** `500`: an error status; `hang`: never answers; `reset`: destroys the connection. */
  action: '500' | 'hang' | 'reset';
}

/** A running fake implementation and what it saw. */
export interface FakeServer {
  baseUrl: string;
  /** Ids of users created and not deleted (ids from 5000 up). */
  liveUsers: Set<number>;
  /** `METHOD path` of every request that reached a handler. */
  seen: string[];
  close(): Promise<void>;
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');

function fits(template: string, path: string): boolean {
  const want = segments(template);
  const got = segments(path);
  return want.length === got.length && want.every((w, i) => w.startsWith('{') || w === got[i]);
}

function specificity(template: string): string {
  return segments(template)
    .map((s) => (s.startsWith('{') ? '0' : '1'))
    .join('');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json' } : {}), 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function decodeParams(template: string, path: string): Record<string, string> | null {
  const want = segments(template);
  const got = segments(path);
  const out: Record<string, string> = {};
  try {
    want.forEach((w, i) => {
      if (w.startsWith('{')) out[w.slice(1, -1)] = decodeURIComponent(got[i]!);
    });
  } catch {
    return null;
  }
  return out;
}

function decodeQuery(search: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    try {
      out[decodeURIComponent(k)] = decodeURIComponent(v);
    } catch {
      return null;
    }
  }
  return out;
}

function hasFilePart(contentType: string, body: Buffer, field: string): { filename: string; size: number; type: string } | null {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!contentType.startsWith('multipart/form-data') || !boundary) return null;
  const text = body.toString('latin1');
  const head = new RegExp(
    `--${boundary}\\r\\nContent-Disposition: form-data; name="${field}"; filename="([^"]+)"\\r\\n(?:Content-Type: ([^\\r]+)\\r\\n)?\\r\\n`,
  ).exec(text);
  if (!head) return null;
  const start = head.index + head[0].length;
  const end = text.indexOf(`\r\n--${boundary}`, start);
  if (end < 0) return null;
  return { filename: head[1]!, size: end - start, type: head[2] ?? 'application/octet-stream' };
}

/**
 * A fake implementation of the contract for tests: routes like a careful framework (405 with
 * Allow, 404 for unknown paths, also for unparseable method tokens), validates inputs with the
 * contract's own zod schemas (422), answers with `responseExamples`, tracks created users, and
 * injects `faults`.
 */
export async function startFakeServer(options: { endpoints?: readonly EndpointDef[]; faults?: FakeFault[] } = {}): Promise<FakeServer> {
  const all = options.endpoints ?? contractEndpoints;
  const faults = options.faults ?? [];
  const liveUsers = new Set<number>();
  const seen: string[] = [];
  let nextUser = 5000;
  const sockets = new Set<Socket>();

  const allowOf = (path: string): string[] | null => {
    const candidates = all.filter((e) => fits(e.path, path));
    if (candidates.length === 0) return null;
    const best = [...candidates].sort((a, b) => specificity(b.path).localeCompare(specificity(a.path)))[0]!.path;
    return [...new Set(all.filter((e) => e.path === best).map((e) => e.method))].sort();
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    seen.push(`${method} ${url}`);
    const fault = faults.find((f) => f.match(method, url));
    if (fault?.action === 'hang') return;
    if (fault?.action === 'reset') return req.socket.destroy();
    if (fault?.action === '500') return send(res, 500, { detail: 'Internal Server Error' });
    const [path = '/', search = ''] = url.split('?');
    const routes = all.filter((e) => fits(e.path, path)).sort((a, b) => specificity(b.path).localeCompare(specificity(a.path)));
    if (routes.length === 0) return send(res, 404, { detail: 'Not Found' });
    const def = routes.find((e) => e.method === method);
    if (!def) {
      const allow = allowOf(path)!.join(', ');
      return method === 'OPTIONS' ? send(res, 204, undefined, { allow }) : send(res, 405, { detail: 'Method Not Allowed' }, { allow });
    }
    const params = decodeParams(def.path, path);
    const query = decodeQuery(search);
    if (!params || !query || !(def.params?.safeParse(params).success ?? true) || !(def.query?.safeParse(query).success ?? true)) {
      return send(res, 422, { detail: 'invalid parameter' });
    }
    const id = Number(params.id);
    if (def.body) {
      let value: unknown;
      try {
        if (req.headers['content-type'] !== 'application/json') throw new Error('not JSON');
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
      } catch {
        return send(res, 422, { detail: 'malformed JSON' });
      }
      if (!def.body.safeParse(value).success) return send(res, 422, { detail: 'invalid body' });
    }
    if (def.multipart) {
      const file = hasFilePart(req.headers['content-type'] ?? '', body, 'file');
      return file ? send(res, 200, { filename: file.filename, size: file.size, content_type: file.type }) : send(res, 422, { detail: 'No file uploaded' });
    }
    if (def.id === 'users.create') {
      const created = nextUser++;
      liveUsers.add(created);
      return send(res, 201, { id: created, name: 'x', email: 'x@y', created_at: '2025-01-01T00:00:00' });
    }
    if (def.id === 'users.delete') {
      if (!liveUsers.delete(id)) return send(res, 404, { detail: 'User not found' });
      res.writeHead(204).end();
      return;
    }
    const examples = responseExamples[def.id as keyof typeof responseExamples] as Record<number, unknown>;
    const status = Number(Object.keys(def.responses).find((s) => Number(s) < 300));
    return send(res, status, examples[status]);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  // Methods node:http cannot parse (e.g. FUZZ) arrive here: answer them as a framework would.
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    const line = /^(\S+) (\S+) HTTP/.exec(error.rawPacket?.toString('latin1') ?? '');
    const allow = line ? allowOf(line[2]!.split('?')[0]!) : null;
    const [status, text, headers] = allow ? [405, '{"detail":"Method Not Allowed"}', `Allow: ${allow.join(', ')}\r\n`] : [400, '{"detail":"Bad Request"}', ''];
    socket.end(`HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\n${headers}Content-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    liveUsers,
    seen,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
