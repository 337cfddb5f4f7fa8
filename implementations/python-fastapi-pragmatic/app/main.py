"""The FastAPI application: lifespan-owned clients, the routers, a JSON 500 handler."""

from __future__ import annotations

import logging
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import jwt
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from redis.asyncio import Redis

from app.config import load_settings
from app.db import create_engine, create_sessionmaker
from app.routers import aggregation, auth, basic, bulk, caching, column_overhead, n_plus_one, pagination, search, server_config, transactions, users

# The contract fixes a 26-byte HS256 secret; PyJWT would warn about its length on every call.
warnings.filterwarnings("ignore", category=jwt.InsecureKeyLengthWarning)
log = logging.getLogger("uvicorn.error")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Per process: engine + pool, Redis client, keep-alive upstream client; closed on shutdown."""
    settings = load_settings()
    engine = create_engine(settings)
    app.state.settings = settings
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.redis = Redis.from_url(settings.redis_url, decode_responses=True)
    app.state.upstream = httpx.AsyncClient(
        base_url=settings.upstream_url,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=100),
        timeout=httpx.Timeout(10.0),
    )
    try:
        yield
    finally:
        await app.state.upstream.aclose()
        await app.state.redis.aclose()
        await engine.dispose()


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """Unexpected errors keep the contract's error body: 500 {"detail": …}."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal Server Error"}, status_code=500)


def create_app() -> FastAPI:
    """The app; no docs UI (nothing beyond the contract is served)."""
    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.add_exception_handler(Exception, internal_error)
    # pagination before users: /users/offset and /users/cursor win over /users/{id}.
    for module in (basic, pagination, users, column_overhead, n_plus_one, bulk, transactions, caching, auth, aggregation, server_config, search):
        app.include_router(module.router)
    return app


app = create_app()
