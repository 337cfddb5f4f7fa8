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
# The contract allows /cpu/fibonacci?n=40 (tens of seconds of pure Python): a sync worker busy
# that long must not be killed by the heartbeat timeout. gthread workers keep beating anyway.
timeout = 300
graceful_timeout = 10
accesslog = None
errorlog = "-"
loglevel = "warning"
# Each worker imports Django itself, so every connection (PostgreSQL, Redis, upstream) is opened
# after the fork and belongs to one process.
preload_app = False
