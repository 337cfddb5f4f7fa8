"""Cache-aside and authentication use cases."""

import pytest

from app.application.auth import Authentication
from app.application.caching import ManageCache, ReadUserCaching
from app.domain.entities import User
from app.domain.errors import AuthenticationFailed, UserNotFound
from tests.fakes import NOW, FakeCache, FakeSessions, FakeTokens, FakeUsers


@pytest.fixture
def users():
    return FakeUsers([User(i, f"U{i}", f"u{i}@x", NOW) for i in range(1, 8)])


async def test_cache_aside_miss_then_hit(users):
    cache = FakeCache()
    reader = ReadUserCaching(users, cache)
    first = await reader.through_cache(7)
    second = await reader.through_cache(7)
    assert (first.source, second.source, users.gets) == ("database", "cache", 1)
    assert (second.user.name, second.user.email) == ("U7", "u7@x")
    assert (await reader.without_cache(7)).source == "database"


async def test_misses_are_not_cached(users):
    cache = FakeCache()
    with pytest.raises(UserNotFound):
        await ReadUserCaching(users, cache).through_cache(99)
    assert cache.entries == {}


async def test_warmup_caches_the_first_users_and_evict_reports_existence(users):
    cache = FakeCache()
    manage = ManageCache(users, cache)
    warmed, _ = await manage.warm_up(5)
    assert (warmed, sorted(cache.entries)) == (5, [1, 2, 3, 4, 5])
    assert await manage.evict(3) == ("user:3", True)
    assert await manage.evict(3) == ("user:3", False)
    await manage.flush()
    assert cache.entries == {}


async def test_jwt_login_and_access(users):
    auth = Authentication(users, FakeTokens(), FakeSessions())
    issued = await auth.login_jwt(2)
    who = await auth.authenticate_jwt(issued.token)
    assert (who.auth_type, who.user.id) == ("jwt", 2)
    with pytest.raises(AuthenticationFailed, match="Invalid JWT token"):
        await auth.authenticate_jwt("garbage")
    with pytest.raises(AuthenticationFailed, match="User not found"):
        await auth.login_jwt(99)


async def test_session_login_and_access(users):
    auth = Authentication(users, FakeTokens(), FakeSessions())
    issued = await auth.login_session(3)
    assert (await auth.authenticate_session(issued.token)).user.id == 3
    with pytest.raises(AuthenticationFailed, match="Invalid or expired session"):
        await auth.authenticate_session("unknown")
