"""Cache-aside reads of users."""

from __future__ import annotations

from app.application.timing import elapsed_ms, start
from app.domain.entities import CachedUser, CacheRead, User
from app.domain.errors import UserNotFound
from app.domain.repositories import UserCache, UserRepository


def _projection(user: User) -> CachedUser:
    return CachedUser(user.id, user.name, user.email)


class ReadUserCaching:
    def __init__(self, users: UserRepository, cache: UserCache) -> None:
        self.users, self.cache = users, cache

    async def _from_database(self, user_id: int) -> CachedUser:
        user = await self.users.get(user_id)
        if user is None:
            raise UserNotFound()  # misses are not cached
        return _projection(user)

    async def without_cache(self, user_id: int) -> CacheRead:
        started = start()
        user = await self._from_database(user_id)
        return CacheRead("database", user, elapsed_ms(started))

    async def through_cache(self, user_id: int) -> CacheRead:
        started = start()
        cached = await self.cache.get(user_id)
        if cached is not None:
            return CacheRead("cache", cached, elapsed_ms(started))
        user = await self._from_database(user_id)
        await self.cache.put(user)
        return CacheRead("database", user, elapsed_ms(started))


class ManageCache:
    def __init__(self, users: UserRepository, cache: UserCache) -> None:
        self.users, self.cache = users, cache

    async def warm_up(self, count: int) -> tuple[int, float]:
        """Caches the first `count` users by id → (how many, elapsed ms)."""
        started = start()
        users = [_projection(u) for u in await self.users.first(count)]
        await self.cache.put_many(users)
        return len(users), elapsed_ms(started)

    async def flush(self) -> None:
        await self.cache.clear()

    async def evict(self, user_id: int) -> tuple[str, bool]:
        return await self.cache.evict(user_id)
