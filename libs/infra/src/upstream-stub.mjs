// The slow-upstream stub as a process of its own, started by start-upstream.ts (plain JavaScript
// so that bare `node` runs it: no TypeScript loader in the helper process).
//
//   GET /delay   {"message":"External API response"} after UPSTREAM_DELAY_MS (`?ms=` overrides)
//   GET /__hits  {"hits": <requests /delay has received so far>}
//
// Listens on 127.0.0.1:UPSTREAM_PORT (default 0: any free port) and prints one line
// `upstream listening on http://127.0.0.1:<port>` once bound. Exits on SIGTERM/SIGINT, and on
// its own when its parent is gone (reparented), so a killed lab leaves nothing bound.
import { createServer } from 'node:http';

const delayMs = Number(process.env.UPSTREAM_DELAY_MS ?? '100');
const body = JSON.stringify({ message: 'External API response' });
const notFound = JSON.stringify({ detail: 'Not Found' });
let hits = 0;

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://upstream');
  if (req.method === 'GET' && url.pathname === '/delay') {
    hits += 1;
    const requested = Number(url.searchParams.get('ms'));
    const waitMs = url.searchParams.has('ms') && Number.isFinite(requested) && requested >= 0 ? requested : delayMs;
    setTimeout(() => send(res, 200, body), waitMs);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/__hits') {
    send(res, 200, JSON.stringify({ hits }));
    return;
  }
  send(res, 404, notFound);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.UPSTREAM_PORT ?? '0'), '127.0.0.1', () => {
  process.stdout.write(`upstream listening on http://127.0.0.1:${server.address().port}\n`);
});

for (const name of ['SIGTERM', 'SIGINT']) process.on(name, () => process.exit(0));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();
