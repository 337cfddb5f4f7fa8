"""The engine (one pool per process), its session factory and the request's Session."""

from __future__ import annotations

from typing import Any

import psycopg
from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings

_EXTENSION = "lab.sessionmaker"


def create_db_engine(settings: Settings) -> Engine:
    """`DB_POOL_SIZE` psycopg 3 connections per process, no overflow, no SQL echo.

    Nothing connects here: the pool opens its connections on first use, in the worker."""
    engine = create_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=0,
        pool_timeout=30,
        echo=False,
    )
    event.listen(engine, "checkin", plain_begin)
    return engine


def plain_begin(dbapi_connection: Any, _record: Any) -> None:
    """Pool checkin: leaves the isolation level to the server again.

    After the serializable endpoint SQLAlchemy restores the connection's level by setting
    psycopg's `isolation_level` to READ COMMITTED explicitly, and psycopg would then begin every
    later transaction on that connection with `BEGIN ISOLATION LEVEL READ COMMITTED` instead of
    `BEGIN`. `None` is the same level (the server's default) with the plain `BEGIN` every other
    connection sends. Runs after SQLAlchemy's reset, on an idle connection."""
    if (
        isinstance(dbapi_connection, psycopg.Connection)
        and dbapi_connection.isolation_level is not None
        and dbapi_connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    ):
        dbapi_connection.isolation_level = None


def init_db(app: Flask, engine: Engine) -> None:
    """Registers the session factory and closes each request's Session in teardown."""
    # expire_on_commit=False: loaded values stay readable after a commit (no refresh SELECT).
    app.extensions[_EXTENSION] = sessionmaker(engine, expire_on_commit=False)
    app.extensions["lab.engine"] = engine
    app.teardown_appcontext(close_session)


def db() -> Session:
    """The request's Session, opened on first use. Its transaction begins with the first
    statement (psycopg sends BEGIN) and ends with a commit, a rollback or the teardown."""
    session = g.get("_db_session")
    if session is None:
        session = g._db_session = current_app.extensions[_EXTENSION]()
    return session


def close_session(_error: BaseException | None = None) -> None:
    """Teardown: rolls back whatever is still open and returns the connection to the pool.

    Flask runs it when the request context is popped, which is before the WSGI server writes
    the response body: the connection is free again before the client has its answer."""
    session = g.pop("_db_session", None)
    if session is not None:
        session.close()
