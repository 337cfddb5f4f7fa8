"""The engine, its session factory and the per-request session dependency."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.config import Settings

#: PostgreSQL's `integer` range: an id outside it can name no row.
INT4_MIN, INT4_MAX = -(2**31), 2**31 - 1


def fits_int4(value: int) -> bool:
    """True when `value` fits a PostgreSQL `integer` column (asyncpg refuses to send it otherwise)."""
    return INT4_MIN <= value <= INT4_MAX


def create_engine(settings: Settings) -> AsyncEngine:
    """One pool of `DB_POOL_SIZE` connections per process, no overflow, no SQL echo."""
    return create_async_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=0,
        pool_timeout=30,
        echo=False,
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions keep loaded values after commit (no refresh SELECT)."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One AsyncSession per request; closing it returns the connection to the pool.

    Used with scope="function": the session closes (ending its transaction, returning its
    connection) once the response is built, before it is sent — not after, as a request-scoped
    yield dependency would, which would hold the connection while the client reads."""
    async with request.app.state.sessionmaker() as session:
        yield session


#: Injects the request's AsyncSession.
Session = Annotated[AsyncSession, Depends(get_session, scope="function")]
