"""gunicorn settings from the lab's environment (see config/env.py for the defaults).

WORKERS processes; WORKER_CLASS `gthread` (default) with THREADS threads each, or `sync`
(one request at a time per process, and no keep-alive). Nothing is logged per request.
"""

from config.env import read_env

_env = read_env()

wsgi_app = "config.wsgi:application"
bind = f"{_env.host}:{_env.port}"
workers = _env.workers
worker_class = _env.worker_class
threads = _env.threads if _env.worker_class == "gthread" else 1
# Keep-alive (gthread only; sync closes after every response): wrk and k6 reuse connections.
keepalive = 65
# The longest requests (bulk operations on 10,000 rows take seconds) must not get a sync worker
# killed by the heartbeat timeout. gthread workers keep beating anyway.
timeout = 300
graceful_timeout = 10
# A long but well-formed URL (e.g. a 5,000-character `q`) reaches Django and is answered 422 like
# any other invalid parameter, instead of gunicorn's HTML 414 at 4,094 bytes. 0 means no
# configured limit; gunicorn still refuses request lines over 1 MiB.
limit_request_line = 0
accesslog = None
errorlog = "-"
loglevel = "warning"
# Each worker imports Django itself, so every connection (PostgreSQL, Redis, upstream) is opened
# after the fork and belongs to one process.
preload_app = False
