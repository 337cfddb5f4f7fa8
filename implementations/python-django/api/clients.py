"""Per-process clients, created on first use (after gunicorn's fork) and shared by its threads."""

from functools import cache

import redis
import urllib3
from django.conf import settings


@cache
def redis_client() -> redis.Redis:
    """redis-py client; its connection pool is thread-safe and grows to the number of threads."""
    return redis.Redis.from_url(settings.ENV.redis_url, decode_responses=True)


@cache
def upstream_pool() -> urllib3.PoolManager:
    """Keep-alive HTTP pool for /external: one idle connection kept per worker thread."""
    return urllib3.PoolManager(maxsize=settings.ENV.threads, block=False, retries=False)
