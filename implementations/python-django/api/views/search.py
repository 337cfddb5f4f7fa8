"""Text search (scenario 19) on `posts`: ILIKE substring and full-text on the stored tsvector."""

from django.contrib.postgres.search import SearchQuery as TsQuery
from django.contrib.postgres.search import SearchRank
from django.db.models import F, Q
from rest_framework.response import Response
from rest_framework.views import APIView

from api.lookups import like_pattern
from api.models import Post
from api.params import SearchQuery, parse_query


class LikeView(APIView):
    """`WHERE title ILIKE %s OR content ILIKE %s ORDER BY id LIMIT %s` (q's wildcards escaped)."""

    def get(self, request):
        q = parse_query(request, SearchQuery)
        pattern = like_pattern(q["q"])
        rows = Post.objects.filter(Q(title__ilike=pattern) | Q(content__ilike=pattern)).order_by("id").values("id", "author_id", "title")[: q["limit"]]
        return Response(list(rows))


class FulltextView(APIView):
    """`ts_rank(search_vector, plainto_tsquery('english', q))` over `search_vector @@ …`,
    ORDER BY rank DESC, id."""

    def get(self, request):
        q = parse_query(request, SearchQuery)
        query = TsQuery(q["q"], config="english", search_type="plain")
        rows = (
            Post.objects.annotate(rank=SearchRank(F("search_vector"), query))
            .filter(search_vector=query)
            .order_by("-rank", "id")
            .values("id", "author_id", "title", "rank")[: q["limit"]]
        )
        return Response(list(rows))
