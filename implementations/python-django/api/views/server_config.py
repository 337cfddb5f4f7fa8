"""Server-configuration endpoints: I/O wait, DB, CPU (fibonacci, bcrypt, JSON) and a mixed report.

In a WSGI worker every wait blocks the worker thread: `time.sleep` and the DB calls release the
GIL (other threads of the process go on), CPU-bound Python code does not.
"""

import json
import time

import bcrypt
from django.db.models import Count, Sum
from rest_framework.response import Response
from rest_framework.views import APIView

from api.models import Author
from api.params import FibonacciQuery, parse_query

PASSWORD = b"benchmark-password"
BCRYPT_COST = 12
JSON_ITEMS = 10_000


def fibonacci(n: int) -> int:
    """Naive doubly-recursive Fibonacci (fib(1) = fib(2) = 1)."""
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


def json_items(count: int = JSON_ITEMS) -> list[dict]:
    return [{"id": i, "name": f"item_{i}", "email": f"item_{i}@benchmark.com", "value": i * 3} for i in range(count)]


def json_bytes(items: list[dict]) -> int:
    """UTF-8 length of the compact JSON of `items` (non-ASCII unescaped, as JSON.stringify)."""
    return len(json.dumps(items, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def author_totals(*fields: str) -> list[dict]:
    """`SELECT <fields>, COUNT(posts.id), COALESCE(SUM(posts.view_count), 0) FROM authors LEFT
    OUTER JOIN posts … GROUP BY <fields> ORDER BY authors.id` (values() before annotate() groups
    by those fields only)."""
    return list(Author.objects.order_by("id").values(*fields).annotate(post_count=Count("posts"), total_views=Sum("posts__view_count", default=0)))


def build_report(authors: list[dict]) -> dict:
    """Summary and top-10 lists (ties by id) from `[{id, name, post_count, total_views}]`."""
    entries = [{**a, "avg_views": a["total_views"] / a["post_count"] if a["post_count"] else 0.0} for a in authors]
    total_posts = sum(a["post_count"] for a in entries)
    total_views = sum(a["total_views"] for a in entries)
    report = {
        "summary": {
            "total_authors": len(entries),
            "total_posts": total_posts,
            "total_views": total_views,
            "avg_posts_per_author": total_posts / len(entries) if entries else 0.0,
            "avg_views_per_post": total_views / total_posts if total_posts else 0.0,
        },
        "top_by_posts": sorted(entries, key=lambda a: (-a["post_count"], a["id"]))[:10],
        "top_by_views": sorted(entries, key=lambda a: (-a["total_views"], a["id"]))[:10],
    }
    # The original's CPU phase ends with a serialise + parse round trip of the report.
    return json.loads(json.dumps(report))


class SleepView(APIView):
    """`time.sleep(0.1)`: the worker thread waits; with gthread the others keep serving."""

    def get(self, request):
        time.sleep(0.1)
        return Response({"status": "ok", "slept": 0.1})


class IoDbView(APIView):
    def get(self, request):
        authors = author_totals("id", "name", "email")
        return Response({"count": len(authors), "authors": authors})


class FibonacciView(APIView):
    def get(self, request):
        n = parse_query(request, FibonacciQuery)["n"]
        return Response({"n": n, "result": fibonacci(n)})


class HashView(APIView):
    """bcrypt cost 12 (bcrypt releases the GIL while hashing)."""

    def get(self, request):
        hashed = bcrypt.hashpw(PASSWORD, bcrypt.gensalt(rounds=BCRYPT_COST))
        return Response({"status": "ok", "hash_length": len(hashed)})


class JsonSerializeView(APIView):
    def get(self, request):
        return Response({"status": "ok", "items": JSON_ITEMS, "bytes": json_bytes(json_items())})


class MixedReportView(APIView):
    def get(self, request):
        authors = author_totals("id", "name")
        return Response(build_report(authors))
