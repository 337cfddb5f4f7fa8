"""gunicorn settings from the lab's environment (defaults in app/config.py).

WORKERS processes of WORKER_CLASS: `gthread` (default; THREADS threads each, THREADS defaults
to DB_POOL_SIZE) or `sync` (one request at a time per process, no keep-alive). Nothing is
logged per request.
"""

from app.config import load_settings

_settings = load_settings()

wsgi_app = "app.wsgi:app"
bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
worker_class = _settings.worker_class
# gunicorn turns a sync worker with threads > 1 into gthread: sync keeps exactly one.
threads = _settings.threads
# Idle keep-alive connections stay open between a load generator's phases (gthread only:
# sync workers close the connection after every response).
keepalive = 65
# The longest requests (bulk operations on 10,000 rows take seconds) must not get a sync worker
# killed by the heartbeat timeout (gthread workers keep beating from their main loop).
timeout = 300
graceful_timeout = 10
# A long but well-formed URL (e.g. a 5,000-character `q`) reaches the app and is answered 422
# like any other invalid parameter, instead of gunicorn's HTML 414 at 4,094 bytes. 0 means no
# configured limit; gunicorn still refuses request lines over 1 MiB.
limit_request_line = 0
accesslog = None
errorlog = "-"
loglevel = "warning"
# Each worker imports the app itself: the engine's pool, the Redis client and the upstream
# pool are created after the fork and belong to one process.
preload_app = False
