#!/usr/bin/env bash
# Compares the generator's HTTP clients (fasthttp, net/http, raw, epoll) on this host: the same minimal
# node:http server as `lab calibrate` (a 17-byte JSON body with Content-Length) pinned to CPU 0,
# the generator pinned to CPU 1 with GOMAXPROCS=1, closed loops of 10 and 50 connections, the
# clients alternating round by round so that the machine's drift hits both alike. Prints one
# line per run: req/s, the generator's and the server's CPU (cores), the generator's CPU per
# request (µs, user + system) and p50/p99 (µs).
# Usage: bash tools/loadgen/compare-clients.sh [seconds] [rounds] [clients, comma-separated]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-5}
rounds=${2:-3}
clients=${3:-fasthttp,nethttp,raw}
go build -buildvcs=false -trimpath -o bin/loadgen .
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
server_js='const body = Buffer.from(`{"status":"ok"}\n`);
const headers = { "content-type": "application/json", "content-length": body.length };
require("node:http").createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(Number(process.env.PORT), "127.0.0.1");'
PORT=$port taskset -c 0 node -e "$server_js" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
echo "uptime: $(uptime)"
printf '%-8s %5s %4s %9s %8s %9s %18s %6s %6s\n' client conns run 'req/s' 'gen CPU' 'srv CPU' 'µs CPU/req (usr+sys)' p50 p99
for round in $(seq "$rounds"); do
  for conns in 10 50; do
    for client in ${clients//,/ }; do
      plan="{\"target\":\"http://127.0.0.1:$port\",\"connections\":$conns,\"durationMs\":$((seconds * 1000)),\"requests\":[{\"method\":\"GET\",\"path\":\"/health\"}]}"
      before=$(ticks)
      out=$(echo "$plan" | GOMAXPROCS=1 taskset -c 1 bin/loadgen -client "$client")
      after=$(ticks)
      echo "$out" | node -e "
        const r = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const s = r.durationMs / 1000, server = ($after - $before) / $hz / s;
        const p = r.overall.latencyUs.percentiles;
        console.log([r.client.padEnd(8), String($conns).padStart(5), String($round).padStart(4), Math.round(r.ratePerSec).toLocaleString('en-US').padStart(9),
          (r.cpuSeconds.total / s).toFixed(2).padStart(8), server.toFixed(2).padStart(9), ((1e6 * r.cpuSeconds.total / r.requests).toFixed(2) + ' (' + (1e6 * r.cpuSeconds.user / r.requests).toFixed(1) + '+' + (1e6 * r.cpuSeconds.system / r.requests).toFixed(1) + ')').padStart(18),
          String(p['50']).padStart(6), String(p['99']).padStart(6)].join(' '));"
    done
  done
done
