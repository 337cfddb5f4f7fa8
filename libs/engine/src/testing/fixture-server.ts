import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * A real node:http server on 127.0.0.1, port 0, running in a worker thread so its event loop
 * (and its deliberate stalls) is separate from the load generator's. Test-only.
 *
 * Routes: GET /fast; GET /delay/<ms> (answers after ms, with Content-Length); GET /stall (blocks
 * the server's event loop for 200 ms at most once per second, then answers); any /echo (echoes
 * the body and content-type); GET /status/<code>; GET /reset (destroys the socket);
 * POST /stock/reset, POST /stock/decrement, GET /stock; GET /stats (requests per path).
 */
const SERVER_SOURCE = String.raw`
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const counts = {};
let lastStall = 0;
let stock = 0;
const send = (res, status, body, type = 'application/json') => {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'content-type': type, 'content-length': buf.length });
  res.end(buf);
};
const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  const key = req.method + ' ' + path;
  counts[key] = (counts[key] || 0) + 1;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    let m;
    if (path === '/fast') return send(res, 200, { ok: true });
    if ((m = /^\/delay\/(\d+)$/.exec(path))) return setTimeout(() => send(res, 200, { ok: true }), Number(m[1]));
    if (path === '/stall') {
      const now = Date.now();
      if (now - lastStall >= 1000) {
        lastStall = now;
        while (Date.now() - now < 200) {}
      }
      return send(res, 200, { ok: true });
    }
    if (path === '/echo') return send(res, 200, body, req.headers['content-type'] || 'application/octet-stream');
    if ((m = /^\/status\/(\d{3})$/.exec(path))) return send(res, Number(m[1]), { status: Number(m[1]) });
    if (path === '/reset') return req.socket.destroy();
    if (path === '/stock/reset') { stock = 100; return send(res, 200, { stock }); }
    if (path === '/stock/decrement') { stock -= 1; return send(res, 200, { stock }); }
    if (path === '/stock') return send(res, 200, { stock });
    if (path === '/stats') return send(res, 200, counts);
    send(res, 404, { error: 'not found' });
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** A running fixture server. */
export interface FixtureServer {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the fixture server in a worker thread. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const worker = new Worker(SERVER_SOURCE, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await worker.terminate();
    },
  };
}

/** A loopback port with nothing listening (bound, read, closed), for connection-refused tests. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
