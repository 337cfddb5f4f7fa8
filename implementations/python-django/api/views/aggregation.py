"""Aggregation (scenario 18): each statistic with the ORM and with one hand-written query."""

from django.db import connection
from django.db.models import Avg, Count, F, Sum
from rest_framework.response import Response
from rest_framework.views import APIView

from api.models import Post, WideUser
from api.params import StatsQuery, parse_query

COUNT_SQL = "SELECT count(*), count(id), count(DISTINCT status) FROM users_wide"

COUNTRY_SQL = """
SELECT country, count(*) AS user_count, coalesce(sum(login_count), 0) AS total_logins,
       avg(login_count)::float8 AS avg_logins
  FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT %s
"""

AUTHOR_SQL = """
SELECT a.id AS author_id, a.name AS author_name, count(p.id) AS post_count,
       coalesce(sum(p.view_count), 0) AS total_views, avg(p.view_count)::float8 AS avg_views
  FROM authors a JOIN posts p ON p.author_id = a.id
 GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT %s
"""


def fetch_dicts(sql: str, params=()) -> list[dict]:
    """Runs `sql` on Django's connection; rows as dicts keyed by column name."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def country_row(row: dict) -> dict:
    return {**row, "country": row["country"] or "", "avg_logins": float(row["avg_logins"] or 0)}


def author_row(row: dict) -> dict:
    return {**row, "avg_views": float(row["avg_views"] or 0)}


class CountOrmView(APIView):
    """Three ORM queries: `count()`, `Count('id')`, `Count('status', distinct=True)`."""

    def get(self, request):
        users = WideUser.objects.all()
        return Response(
            {
                "count_star": users.count(),
                "count_id": users.aggregate(n=Count("id"))["n"],
                "count_distinct_status": users.aggregate(n=Count("status", distinct=True))["n"],
            }
        )


class CountRawView(APIView):
    def get(self, request):
        with connection.cursor() as cursor:
            cursor.execute(COUNT_SQL)
            star, ids, statuses = cursor.fetchone()
        return Response({"count_star": star, "count_id": ids, "count_distinct_status": statuses})


class CountryOrmView(APIView):
    """`values('country').annotate(Count, Sum, Avg).order_by('-user_count', 'country')[:limit]`."""

    def get(self, request):
        limit = parse_query(request, StatsQuery)["limit"]
        rows = (
            WideUser.objects.values("country")
            .annotate(user_count=Count("id"), total_logins=Sum("login_count", default=0), avg_logins=Avg("login_count"))
            .order_by("-user_count", "country")[:limit]
        )
        return Response([country_row(row) for row in rows])


class CountryRawView(APIView):
    def get(self, request):
        limit = parse_query(request, StatsQuery)["limit"]
        return Response([country_row(row) for row in fetch_dicts(COUNTRY_SQL, [limit])])


class AuthorOrmView(APIView):
    """From posts (an INNER JOIN to authors): `values('author_id', author_name).annotate(…)`."""

    def get(self, request):
        limit = parse_query(request, StatsQuery)["limit"]
        rows = (
            Post.objects.values("author_id", author_name=F("author__name"))
            .annotate(post_count=Count("id"), total_views=Sum("view_count", default=0), avg_views=Avg("view_count"))
            .order_by("-post_count", "author_id")[:limit]
        )
        return Response([author_row(row) for row in rows])


class AuthorRawView(APIView):
    def get(self, request):
        limit = parse_query(request, StatsQuery)["limit"]
        return Response([author_row(row) for row in fetch_dicts(AUTHOR_SQL, [limit])])
