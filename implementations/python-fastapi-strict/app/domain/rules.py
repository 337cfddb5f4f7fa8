"""Pure domain rules and computations (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.entities import AuthorTotals, Report, ReportSummary
from app.domain.errors import AuthenticationFailed

#: JWT and session lifetime in seconds.
TOKEN_TTL_S = 1800
#: Seconds a cached user lives.
CACHE_TTL_S = 300


def simulated_bearer_user(authorization: str | None) -> str:
    """GET /protected's simulated check, rules in order; the granted user name or AuthenticationFailed."""
    if authorization is None:
        raise AuthenticationFailed("Authorization header required")
    if not authorization.startswith("Bearer "):
        raise AuthenticationFailed("Invalid authorization format")
    token = authorization[7:]
    if len(token) < 10:
        raise AuthenticationFailed("Invalid token")
    return f"user_from_token_{token[:8]}"


def bearer_token(authorization: str | None) -> str:
    """The token of `Bearer <token>` for /auth/protected/*; AuthenticationFailed when missing or malformed."""
    if not authorization or not authorization.startswith("Bearer ") or len(authorization) == 7:
        raise AuthenticationFailed("Invalid authorization header")
    return authorization[7:]


def fibonacci(n: int) -> int:
    """Naive doubly recursive Fibonacci: CPU work on purpose."""
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


def json_items(count: int) -> list[dict[str, int | str]]:
    """The objects /cpu/json-serialize serialises."""
    return [{"id": i, "name": f"item_{i}", "email": f"item_{i}@benchmark.com", "value": i * 3} for i in range(count)]


def build_report(totals: Sequence[AuthorTotals]) -> Report:
    """Summary plus the top 10 authors by posts and by views, ties broken by id."""
    total_posts = sum(t.post_count for t in totals)
    total_views = sum(t.total_views for t in totals)
    summary = ReportSummary(
        total_authors=len(totals),
        total_posts=total_posts,
        total_views=total_views,
        avg_posts_per_author=total_posts / len(totals) if totals else 0.0,
        avg_views_per_post=total_views / total_posts if total_posts else 0.0,
    )
    return Report(
        summary=summary,
        top_by_posts=sorted(totals, key=lambda t: (-t.post_count, t.id))[:10],
        top_by_views=sorted(totals, key=lambda t: (-t.total_views, t.id))[:10],
    )
