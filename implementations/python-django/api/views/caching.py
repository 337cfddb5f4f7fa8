"""Caching (scenarios 14–16): cache-aside in Redis, key `user:{id}`, JSON `{id, name, email}`, TTL 300 s."""

import json
import time

from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from api.clients import redis_client
from api.models import User
from api.params import WarmupQuery, parse_path_int, parse_query

TTL_SECONDS = 300


def cache_key(user_id: int) -> str:
    return f"user:{user_id}"


def cache_value(user: dict) -> str:
    """The cached JSON: `{"id","name","email"}`."""
    return json.dumps({"id": user["id"], "name": user["name"], "email": user["email"]}, separators=(",", ":"))


def load_user(user_id: int) -> dict:
    """`SELECT id, name, email FROM users WHERE id = %s`, or a 404."""
    user = User.objects.filter(pk=user_id).values("id", "name", "email").first()
    if user is None:
        raise NotFound("User not found")
    return user


def body(source: str, user: dict, started: float) -> dict:
    elapsed_ms = (time.perf_counter() - started) * 1000
    return {"source": source, "user_id": user["id"], "name": user["name"], "email": user["email"], "elapsed_ms": round(elapsed_ms, 3)}


class NoCacheView(APIView):
    def get(self, request, pk):
        started = time.perf_counter()
        return Response(body("database", load_user(parse_path_int(pk)), started))


class CachedView(APIView):
    """`GET user:{id}`; on a miss the database, then `SET … EX 300` (misses are not cached)."""

    def get(self, request, pk):
        user_id = parse_path_int(pk)
        started = time.perf_counter()
        redis = redis_client()
        cached = redis.get(cache_key(user_id))
        if cached is not None:
            return Response(body("cache", json.loads(cached), started))
        user = load_user(user_id)
        redis.set(cache_key(user_id), cache_value(user), ex=TTL_SECONDS)
        return Response(body("database", user, started))


class WarmupView(APIView):
    """Users ORDER BY id LIMIT count, every `SET … EX 300` in one pipeline (one round trip)."""

    def post(self, request):
        count = parse_query(request, WarmupQuery)["count"]
        started = time.perf_counter()
        users = User.objects.order_by("id").values("id", "name", "email")[:count]
        with redis_client().pipeline(transaction=False) as pipe:
            for user in users:
                pipe.set(cache_key(user["id"]), cache_value(user), ex=TTL_SECONDS)
            warmed = len(pipe.execute())
        elapsed_ms = (time.perf_counter() - started) * 1000
        return Response({"warmed_count": warmed, "elapsed_ms": round(elapsed_ms, 3)})


class FlushView(APIView):
    """`FLUSHDB` (also removes sessions)."""

    def delete(self, request):
        redis_client().flushdb()
        return Response({"message": "Cache flushed"})


class DeleteKeyView(APIView):
    """`DEL user:{id}` → whether a key was removed."""

    def delete(self, request, pk):
        key = cache_key(parse_path_int(pk))
        return Response({"deleted": key, "success": redis_client().delete(key) == 1})
