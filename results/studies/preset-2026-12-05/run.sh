#!/usr/bin/env bash
# The run-length study of docs/precision.md: 12 runs of 20 s per cell after the publish warm-up (analysed on 5/10/20 s prefixes by `npm run lab -- precision results/studies/preset-2026-12-05`), then a twin study. Run from the repository root on a quiet machine.
cd "$(git rev-parse --show-toplevel)"
export NX_DAEMON=false NX_NO_CLOUD=true NX_ISOLATE_PLUGINS=false
echo "start $(date -u +%FT%TZ) git $(git rev-parse --short HEAD) load $(cut -d' ' -f1-3 /proc/loadavg)"
for cell in typescript-express:03-db-read python-flask:09-db-pagination typescript-express:25-cpu-fibonacci typescript-node-http:02-json-payload ruby-rails:17-b-auth-jwt python-django:01-lightweight; do
  impl=${cell%%:*}; scen=${cell##*:}
  echo "cell $impl × $scen $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
  npm run -s lab -- bench --preset publish --impl $impl --scenario $scen --runs 12 --duration 20s \
    --precision 0.1% --out results/studies/preset-2026-12-05/$impl--$scen.json
done
echo "twin $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
npm run -s lab -- bench --preset publish --impl typescript-express --scenario 03-db-read --twin --runs 8 --duration 10s \
  --precision 0.1% --out results/studies/twin-2026-12-05/twin-express-03.json
echo "end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
