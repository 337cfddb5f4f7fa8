"""Cache-aside reads of users through Redis (key user:{id}, TTL 300 s)."""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Blueprint
from sqlalchemy import select

from app.clients import cache
from app.db import db
from app.errors import ApiError
from app.models import User
from app.params import path_int, query_int
from app.timing import elapsed_ms

bp = Blueprint("caching", __name__, url_prefix="/cache")

#: Seconds a cached user lives.
CACHE_TTL_S = 300


def _key(user_id: int) -> str:
    return f"user:{user_id}"


def _payload(user: User) -> str:
    return json.dumps({"id": user.id, "name": user.name, "email": user.email})


def _load(user_id: int) -> User:
    user = db().get(User, user_id)
    if user is None:
        raise ApiError(404, "User not found")
    return user


def _body(source: str, user_id: int, name: str, email: str, started: float) -> dict[str, Any]:
    return {"source": source, "user_id": user_id, "name": name, "email": email, "elapsed_ms": elapsed_ms(started)}


@bp.get("/users/<id>/no-cache")
def no_cache(id: str) -> dict[str, Any]:
    user_id = path_int("id", id)
    started = time.perf_counter()
    user = _load(user_id)
    return _body("database", user.id, user.name, user.email, started)


@bp.get("/users/<id>/cached")
def cached(id: str) -> dict[str, Any]:
    user_id = path_int("id", id)
    started = time.perf_counter()
    hit = cache().get(_key(user_id))
    if hit is not None:
        data = json.loads(hit)
        return _body("cache", data["id"], data["name"], data["email"], started)
    user = _load(user_id)  # misses of unknown users are not cached
    cache().set(_key(user_id), _payload(user), ex=CACHE_TTL_S)
    return _body("database", user.id, user.name, user.email, started)


@bp.post("/warmup")
def warmup() -> dict[str, Any]:
    count = query_int("count", 100, 1, 1000)
    started = time.perf_counter()
    users = db().scalars(select(User).order_by(User.id).limit(count)).all()
    pipe = cache().pipeline(transaction=False)  # every SET in one round trip
    for user in users:
        pipe.set(_key(user.id), _payload(user), ex=CACHE_TTL_S)
    pipe.execute()
    return {"warmed_count": len(users), "elapsed_ms": elapsed_ms(started)}


@bp.delete("/flush")
def flush() -> dict[str, str]:
    cache().flushdb()
    return {"message": "Cache flushed"}


@bp.delete("/users/<id>")
def delete_key(id: str) -> dict[str, Any]:
    key = _key(path_int("id", id))
    return {"deleted": key, "success": cache().delete(key) > 0}
