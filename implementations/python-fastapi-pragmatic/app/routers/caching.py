"""Cache-aside reads of users through Redis (key user:{id}, TTL 300 s)."""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from sqlalchemy import select

from app.clients import RedisClient
from app.db import Session
from app.models import User
from app.params import MAX_ID, IntText
from app.timing import elapsed_ms

router = APIRouter(prefix="/cache")

UserId = Annotated[IntText, Path(ge=1, le=MAX_ID)]
#: Seconds a cached user lives.
CACHE_TTL_S = 300


def _key(user_id: int) -> str:
    return f"user:{user_id}"


def _payload(user: User) -> str:
    return json.dumps({"id": user.id, "name": user.name, "email": user.email})


async def _load(session: Session, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(404, "User not found")
    return user


def _body(source: str, user_id: int, name: str, email: str, started: float) -> dict[str, Any]:
    return {"source": source, "user_id": user_id, "name": name, "email": email, "elapsed_ms": elapsed_ms(started)}


@router.get("/users/{id}/no-cache")
async def no_cache(id: UserId, session: Session) -> dict[str, Any]:
    started = time.perf_counter()
    user = await _load(session, id)
    return _body("database", user.id, user.name, user.email, started)


@router.get("/users/{id}/cached")
async def cached(id: UserId, session: Session, redis: RedisClient) -> dict[str, Any]:
    started = time.perf_counter()
    hit = await redis.get(_key(id))
    if hit is not None:
        data = json.loads(hit)
        return _body("cache", data["id"], data["name"], data["email"], started)
    user = await _load(session, id)  # misses of unknown users are not cached
    await redis.set(_key(id), _payload(user), ex=CACHE_TTL_S)
    return _body("database", user.id, user.name, user.email, started)


@router.post("/warmup")
async def warmup(session: Session, redis: RedisClient, count: Annotated[IntText, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    started = time.perf_counter()
    users = (await session.scalars(select(User).order_by(User.id).limit(count))).all()
    async with redis.pipeline(transaction=False) as pipe:  # one round trip for all SETs
        for user in users:
            pipe.set(_key(user.id), _payload(user), ex=CACHE_TTL_S)
        await pipe.execute()
    return {"warmed_count": len(users), "elapsed_ms": elapsed_ms(started)}


@router.delete("/flush")
async def flush(redis: RedisClient) -> dict[str, str]:
    await redis.flushdb()
    return {"message": "Cache flushed"}


@router.delete("/users/{id}")
async def delete_key(id: UserId, redis: RedisClient) -> dict[str, Any]:
    removed = await redis.delete(_key(id))
    return {"deleted": _key(id), "success": removed > 0}
