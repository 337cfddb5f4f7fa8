"""The lab's environment variables, read once per process, with every default in one place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

#: The implementation id, reported by GET /health.
SERVER_NAME = "python-flask"
#: The contract's default JWT secret.
DEFAULT_JWT_SECRET = "benchmark-secret-key-12345"
#: gunicorn worker classes this implementation is run with.
WORKER_CLASSES = ("gthread", "sync")


@dataclass(frozen=True)
class Settings:
    """The normalised environment of one server process (see README, Environment)."""

    host: str
    port: int
    database_url: str
    redis_url: str
    upstream_url: str
    #: Connections per process: the engine's pool_size (max_overflow is 0).
    db_pool_size: int
    #: gunicorn worker processes.
    workers: int
    #: `gthread` (default) or `sync`.
    worker_class: str
    #: Threads per gthread worker (default DB_POOL_SIZE); 1 for sync workers.
    threads: int
    jwt_secret: str


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    value = int(raw)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {raw!r}")
    return value


def psycopg_url(url: str) -> str:
    """`postgresql://…` (the lab's form) → `postgresql+psycopg://…` (SQLAlchemy's psycopg 3 URL)."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise ValueError(f"DATABASE_URL must start with postgresql://, got {url!r}")


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Reads the environment (default: os.environ)."""
    e = os.environ if env is None else env
    pool = _positive_int(e, "DB_POOL_SIZE", 10)
    worker_class = (e.get("WORKER_CLASS") or "gthread").strip()
    if worker_class not in WORKER_CLASSES:
        raise ValueError(f"WORKER_CLASS must be one of {', '.join(WORKER_CLASSES)}, got {worker_class!r}")
    threads = _positive_int(e, "THREADS", pool) if worker_class == "gthread" else 1
    return Settings(
        host=e.get("HOST") or "127.0.0.1",
        port=_positive_int(e, "PORT", 8000),
        database_url=psycopg_url(e.get("DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/benchmark"),
        redis_url=e.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        upstream_url=(e.get("UPSTREAM_URL") or "http://127.0.0.1:8081").rstrip("/"),
        db_pool_size=pool,
        workers=_positive_int(e, "WORKERS", 1),
        worker_class=worker_class,
        threads=threads,
        jwt_secret=e.get("JWT_SECRET") or DEFAULT_JWT_SECRET,
    )
