"""UserCache on Redis: key user:{id}, JSON {"id","name","email"}, TTL 300 s."""

from __future__ import annotations

import json
from collections.abc import Sequence

from redis.asyncio import Redis

from app.domain.entities import CachedUser
from app.domain.rules import CACHE_TTL_S


def key(user_id: int) -> str:
    return f"user:{user_id}"


def encode(user: CachedUser) -> str:
    return json.dumps({"id": user.id, "name": user.name, "email": user.email})


def decode(raw: str) -> CachedUser:
    data = json.loads(raw)
    return CachedUser(data["id"], data["name"], data["email"])


class RedisUserCache:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def get(self, user_id: int) -> CachedUser | None:
        raw = await self.redis.get(key(user_id))
        return decode(raw) if raw is not None else None

    async def put(self, user: CachedUser) -> None:
        await self.redis.set(key(user.id), encode(user), ex=CACHE_TTL_S)

    async def put_many(self, users: Sequence[CachedUser]) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:  # one round trip
            for user in users:
                pipe.set(key(user.id), encode(user), ex=CACHE_TTL_S)
            await pipe.execute()

    async def evict(self, user_id: int) -> tuple[str, bool]:
        return key(user_id), await self.redis.delete(key(user_id)) > 0

    async def clear(self) -> None:
        await self.redis.flushdb()
