"""Composition root: builds the infrastructure in the lifespan and mounts the presentation layer."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import jwt
from fastapi import FastAPI
from redis.asyncio import Redis

from app.config import load_settings
from app.infrastructure.database.engine import create_engine, create_sessionmaker
from app.infrastructure.http.upstream import create_client
from app.presentation import errors
from app.presentation.dependencies import token_service
from app.presentation.routers import (
    aggregation,
    auth,
    basic,
    bulk,
    caching,
    column_overhead,
    n_plus_one,
    pagination,
    search,
    server_config,
    transactions,
    users,
)

# The contract fixes a 26-byte HS256 secret; PyJWT would warn about its length on every call.
warnings.filterwarnings("ignore", category=jwt.InsecureKeyLengthWarning)

# pagination before users: /users/offset and /users/cursor win over /users/{id}.
ROUTERS = (basic, pagination, users, column_overhead, n_plus_one, bulk, transactions, caching, auth, aggregation, server_config, search)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Per process: engine + pool, Redis client, keep-alive upstream client, token service; closed on shutdown."""
    settings = load_settings()
    engine = create_engine(settings)
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.redis = Redis.from_url(settings.redis_url, decode_responses=True)
    app.state.upstream = create_client(settings.upstream_url)
    app.state.tokens = token_service(settings.jwt_secret)
    try:
        yield
    finally:
        await app.state.upstream.aclose()
        await app.state.redis.aclose()
        await engine.dispose()


def create_app() -> FastAPI:
    """The app; no docs UI (nothing beyond the contract is served). Without redirect_slashes,
    `/users/` is an unknown path (404 JSON), not a 307 redirect without a body."""
    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False)
    for module in ROUTERS:
        app.include_router(module.router)
    errors.register(app, (route for module in ROUTERS for route in module.router.routes))
    return app


app = create_app()
