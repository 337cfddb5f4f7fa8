"""The engine and its session factory."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.config import Settings

#: PostgreSQL's `integer` range: an id outside it can name no row.
INT4_MIN, INT4_MAX = -(2**31), 2**31 - 1


def fits_int4(value: int) -> bool:
    """True when `value` fits a PostgreSQL `integer` (asyncpg refuses to send it otherwise)."""
    return INT4_MIN <= value <= INT4_MAX


def create_engine(settings: Settings) -> AsyncEngine:
    """One pool of `DB_POOL_SIZE` connections per process, no overflow, no SQL echo."""
    return create_async_engine(settings.database_url, pool_size=settings.db_pool_size, max_overflow=0, pool_timeout=30, echo=False)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions keep loaded values after commit (no refresh SELECT)."""
    return async_sessionmaker(engine, expire_on_commit=False)
