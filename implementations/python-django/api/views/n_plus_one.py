"""N+1 (scenario 11): the same authors page with posts, loaded three ways.

Every variant renders `[{id, name, email, bio, created_at, posts: [{id, title, content,
view_count, created_at}]}]`, authors ORDER BY id, posts ORDER BY id (Post.Meta.ordering).
"""

from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import F, Q, Value
from django.db.models.functions import JSONObject
from rest_framework.response import Response
from rest_framework.views import APIView

from api.models import Author
from api.params import LimitOffsetQuery, parse_query
from api.serializers import AuthorWithPostsSerializer


def authors_page(request):
    """Authors ORDER BY id for the request's `limit` / `offset` (a lazy queryset)."""
    q = parse_query(request, LimitOffsetQuery)
    return Author.objects.order_by("id")[q["offset"] : q["offset"] + q["limit"]]


class LazyView(APIView):
    """1 + N queries: the page, then `author.posts.all()` per author as the serializer walks it."""

    def get(self, request):
        return Response(AuthorWithPostsSerializer(authors_page(request), many=True).data)


class SubqueryView(APIView):
    """2 queries: `prefetch_related('posts')` = the page, then `… WHERE author_id IN (…)`."""

    def get(self, request):
        q = parse_query(request, LimitOffsetQuery)
        page = Author.objects.order_by("id").prefetch_related("posts")[q["offset"] : q["offset"] + q["limit"]]
        return Response(AuthorWithPostsSerializer(page, many=True).data)


#: One post as PostgreSQL builds it inside the aggregate (timestamps come out ISO 8601).
POST_JSON = JSONObject(
    id=F("posts__id"),
    title=F("posts__title"),
    content=F("posts__content"),
    view_count=F("posts__view_count"),
    created_at=F("posts__created_at"),
)


class EagerView(APIView):
    """1 query. Django has no joined eager load for a reverse FK (select_related follows forward
    FKs only; prefetch_related is always a second query), so the ORM aggregates the posts in the
    same statement, after windowing the authors in a subquery:
    `SELECT authors.…, COALESCE(JSONB_AGG(JSONB_BUILD_OBJECT(…) ORDER BY posts.id) FILTER (WHERE
    posts.id IS NOT NULL), '[]') FROM authors LEFT OUTER JOIN posts ON … WHERE authors.id IN
    (SELECT id FROM authors ORDER BY id LIMIT … OFFSET …) GROUP BY authors.id ORDER BY authors.id`.
    """

    def get(self, request):
        q = parse_query(request, LimitOffsetQuery)
        window = Author.objects.order_by("id").values("id")[q["offset"] : q["offset"] + q["limit"]]
        rows = (
            Author.objects.filter(id__in=window)
            .order_by("id")
            .values("id", "name", "email", "bio", "created_at")
            .annotate(
                posts_json=JSONBAgg(
                    POST_JSON,
                    filter=Q(posts__id__isnull=False),
                    order_by=F("posts__id"),
                    default=Value([]),
                )
            )
        )
        return Response([with_posts(row) for row in rows])


def with_posts(row: dict) -> dict:
    """Renames the aggregate to `posts` (a values() row is a fresh dict per author)."""
    row["posts"] = row.pop("posts_json")
    return row
