"""Environment → Settings, read once at startup. Every default lives here."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: The implementation id, reported by GET /health.
SERVER_NAME = "python-fastapi-strict"


@dataclass(frozen=True)
class Settings:
    """Runtime configuration (see README, Environment)."""

    database_url: str
    redis_url: str
    upstream_url: str
    #: Connections per process (pool_size; max_overflow is 0). Default 10.
    db_pool_size: int
    jwt_secret: str


def asyncpg_url(url: str) -> str:
    """`postgresql://…` (the lab's form) → `postgresql+asyncpg://…` (SQLAlchemy's driver URL)."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError(f"DATABASE_URL must start with postgresql://, got {url!r}")


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Reads the environment (PORT, HOST and WORKERS are the launcher's, see app/serve.py)."""
    e = os.environ if env is None else env
    return Settings(
        database_url=asyncpg_url(e.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/benchmark")),
        redis_url=e.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        upstream_url=e.get("UPSTREAM_URL", "http://127.0.0.1:8081").rstrip("/"),
        db_pool_size=int(e.get("DB_POOL_SIZE", "10")),
        jwt_secret=e.get("JWT_SECRET", "benchmark-secret-key-12345"),
    )
