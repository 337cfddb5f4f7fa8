"""Pure helpers the routers share (no I/O): unit-tested in tests/."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

import jwt

#: JWT and session lifetime in seconds.
TOKEN_TTL_S = 1800


def escape_like(q: str) -> str:
    """An ILIKE pattern matching `q` literally anywhere: `\\`, `%` and `_` escaped with `\\`
    (PostgreSQL's default LIKE escape character)."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fibonacci(n: int) -> int:
    """Naive doubly recursive Fibonacci (fib(1) = fib(2) = 1): CPU work on purpose."""
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


def json_serialize_bytes(count: int = 10_000) -> int:
    """Builds `count` item dicts, serialises them as compact JSON; the UTF-8 byte length."""
    items = [{"id": i, "name": f"item_{i}", "email": f"item_{i}@benchmark.com", "value": i * 3} for i in range(count)]
    return len(json.dumps(items, separators=(",", ":")).encode())


def bearer_check(authorization: str | None) -> tuple[str | None, str | None]:
    """GET /protected's simulated check → (user, None) or (None, 401 detail), in the README's order."""
    if authorization is None:
        return None, "Authorization header required"
    if not authorization.startswith("Bearer "):
        return None, "Invalid authorization format"
    token = authorization[7:]
    if len(token) < 10:
        return None, "Invalid token"
    return f"user_from_token_{token[:8]}", None


def bearer_token(authorization: str | None) -> str | None:
    """The token of `Authorization: Bearer <token>`, or None when missing or malformed."""
    if not authorization or not authorization.startswith("Bearer ") or len(authorization) == 7:
        return None
    return authorization[7:]


def issue_jwt(user_id: int, email: str, secret: str, now: float | None = None) -> str:
    """HS256 JWT with claims {sub: "<id>", email, exp: now + 1800 (integer seconds)}."""
    issued = int(time.time() if now is None else now)
    return jwt.encode({"sub": str(user_id), "email": email, "exp": issued + TOKEN_TTL_S}, secret, algorithm="HS256")


def verify_jwt(token: str, secret: str) -> int | None:
    """The user id of a valid, unexpired HS256 token; None otherwise (alg "none" included)."""
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
        return int(claims["sub"])
    except (jwt.PyJWTError, ValueError, TypeError):
        return None


def insert_values_sql(count: int) -> str:
    """One literal multi-row INSERT of item_0..item_<count-1> (generated integers only)."""
    values = ",".join(f"('item_{i}',{i},NOW())" for i in range(count))
    return f"INSERT INTO bulk_items (name, value, created_at) VALUES {values}"


def build_report(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """GET /mixed/report from (id, name, post_count, total_views) rows: summary and the top 10
    by posts and by views, ties broken by id."""
    entries = [{"id": r[0], "name": r[1], "post_count": r[2], "total_views": r[3], "avg_views": r[3] / r[2] if r[2] else 0.0} for r in rows]
    total_posts = sum(e["post_count"] for e in entries)
    total_views = sum(e["total_views"] for e in entries)
    return {
        "summary": {
            "total_authors": len(entries),
            "total_posts": total_posts,
            "total_views": total_views,
            "avg_posts_per_author": total_posts / len(entries) if entries else 0.0,
            "avg_views_per_post": total_views / total_posts if total_posts else 0.0,
        },
        "top_by_posts": sorted(entries, key=lambda e: (-e["post_count"], e["id"]))[:10],
        "top_by_views": sorted(entries, key=lambda e: (-e["total_views"], e["id"]))[:10],
    }
