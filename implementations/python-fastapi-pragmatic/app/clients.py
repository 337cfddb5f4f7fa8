"""Per-process clients created in the lifespan (Redis, the upstream HTTP client) as dependencies."""

from __future__ import annotations

from typing import Annotated

import httpx
from fastapi import Depends, Request
from redis.asyncio import Redis


def _redis(request: Request) -> Redis:
    return request.app.state.redis


def _upstream(request: Request) -> httpx.AsyncClient:
    return request.app.state.upstream


#: The shared redis.asyncio client (decode_responses=True).
RedisClient = Annotated[Redis, Depends(_redis)]
#: The shared keep-alive httpx.AsyncClient whose base_url is UPSTREAM_URL.
UpstreamClient = Annotated[httpx.AsyncClient, Depends(_upstream)]
