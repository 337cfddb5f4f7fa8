"""Per-process clients for Redis and the upstream, created with the app (in each worker, after
gunicorn's fork) and shared by the worker's threads."""

from __future__ import annotations

import redis
import urllib3
from flask import Flask, current_app

from app.config import Settings


def init_clients(app: Flask, settings: Settings) -> None:
    """Creates both clients; neither connects before its first use."""
    # redis-py's pool is thread-safe and grows to the number of threads using it.
    app.extensions["lab.redis"] = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    # Keep-alive HTTP/1.1 pool for /external: up to one kept connection per worker thread.
    app.extensions["lab.upstream"] = urllib3.PoolManager(num_pools=4, maxsize=settings.threads, block=False, retries=False, timeout=urllib3.Timeout(total=10.0))


def cache() -> redis.Redis:
    """The process's Redis client (`decode_responses=True`)."""
    return current_app.extensions["lab.redis"]


def upstream() -> urllib3.PoolManager:
    """The process's keep-alive upstream pool."""
    return current_app.extensions["lab.upstream"]
