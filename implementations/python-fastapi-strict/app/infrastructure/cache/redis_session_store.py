"""SessionStore on Redis: session:<token> → "<user id>", TTL 1800 s."""

from __future__ import annotations

import secrets

from redis.asyncio import Redis

from app.domain.rules import TOKEN_TTL_S


class RedisSessionStore:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def create(self, user_id: int) -> str:
        token = secrets.token_urlsafe(32)  # 32 random bytes → 43 base64url characters
        await self.redis.set(f"session:{token}", str(user_id), ex=TOKEN_TTL_S)
        return token

    async def resolve(self, token: str) -> int | None:
        stored = await self.redis.get(f"session:{token}")
        return int(stored) if stored is not None else None
