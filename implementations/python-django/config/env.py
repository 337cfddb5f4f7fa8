"""The lab's environment variables, read once, with their defaults in one place."""

import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

#: Default of JWT_SECRET (the contract's).
DEFAULT_JWT_SECRET = "benchmark-secret-key-12345"


@dataclass(frozen=True)
class Env:
    """The normalised environment of one server process."""

    host: str
    port: int
    database_url: str
    redis_url: str
    upstream_url: str
    #: Connections per process the lab allows; with persistent connections this is the default
    #: thread count of a gthread worker (one connection per thread).
    db_pool_size: int
    workers: int
    #: Threads per gthread worker (default: DB_POOL_SIZE).
    threads: int
    worker_class: str
    jwt_secret: str


def _int(environ: dict, name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    value = int(raw)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {raw!r}")
    return value


def read_env(environ: dict | None = None) -> Env:
    """Reads the lab's variables from `environ` (default: os.environ)."""
    environ = os.environ if environ is None else environ
    pool = _int(environ, "DB_POOL_SIZE", 10)
    return Env(
        host=environ.get("HOST") or "127.0.0.1",
        port=_int(environ, "PORT", 8000),
        database_url=environ.get("DATABASE_URL") or "postgresql://benchmark:benchmark@127.0.0.1:5432/benchmark",
        redis_url=environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        upstream_url=(environ.get("UPSTREAM_URL") or "http://127.0.0.1:8001").rstrip("/"),
        db_pool_size=pool,
        workers=_int(environ, "WORKERS", 1),
        threads=_int(environ, "THREADS", pool),
        worker_class=environ.get("WORKER_CLASS") or "gthread",
        jwt_secret=environ.get("JWT_SECRET") or DEFAULT_JWT_SECRET,
    )


def database_settings(url: str) -> dict:
    """`postgresql://user[:password]@host[:port]/db` as Django's DATABASES['default'] (psycopg 3)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL must be a postgresql:// URL, got {parts.scheme!r}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        # Persistent connections: each worker thread keeps its connection between requests.
        "CONN_MAX_AGE": None,
        # Django's default (off): no extra `SELECT 1` per request that the other stacks do not pay.
        "CONN_HEALTH_CHECKS": False,
        # Autocommit (Django's default); transactions only where an endpoint asks for one.
        "ATOMIC_REQUESTS": False,
        "OPTIONS": {},
    }
