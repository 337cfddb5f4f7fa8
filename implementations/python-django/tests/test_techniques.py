"""Pure pieces of the technique endpoints: LIKE escaping, N+1 rendering, bulk SQL, JWT, CPU work."""

import time
from datetime import datetime

import jwt
import pytest

from api.exceptions import Unauthorized
from api.lookups import escape_like, like_pattern
from api.models import Author, Post
from api.serializers import AuthorWithPostsSerializer
from api.views.auth import issue_jwt, verify_jwt
from api.views.bulk import raw_insert_sql
from api.views.n_plus_one import with_posts
from api.views.server_config import build_report, fibonacci, json_bytes, json_items

SECRET = "benchmark-secret-key-12345"


@pytest.mark.parametrize(
    "text, pattern",
    [("Zeppelin", "%Zeppelin%"), ("100%", "%100\\%%"), ("a_b", "%a\\_b%"), ("\\", "%\\\\%"), ("%_\\", "%\\%\\_\\\\%")],
)
def test_like_pattern_escapes_wildcards(text, pattern):
    assert like_pattern(text) == pattern


def test_escape_escapes_the_escape_first():
    assert escape_like("\\%") == "\\\\\\%"


def test_ilike_lookup_compiles_to_ilike():
    sql = str(Post.objects.filter(title__ilike="%a%").values("id").query)
    assert "ILIKE" in sql and '"posts"."title"' in sql


def author_with_posts() -> Author:
    author = Author(id=2, name="Author2", email="a2@x", bio="bio", created_at=datetime(2024, 9, 16, 3, 25, 52))
    posts = [Post(id=i, author_id=2, title=f"P{i}", content="c", view_count=i, created_at=datetime(2024, 9, 17, 0, 0, i)) for i in (13, 14)]
    author._prefetched_objects_cache = {"posts": posts}  # as prefetch_related leaves it
    return author


def test_n_plus_one_body_shape():
    [body] = AuthorWithPostsSerializer([author_with_posts()], many=True).data
    assert set(body) == {"id", "name", "email", "bio", "created_at", "posts"}
    assert body["created_at"] == "2024-09-16T03:25:52"
    assert [set(p) for p in body["posts"]] == [{"id", "title", "content", "view_count", "created_at"}] * 2
    assert [p["id"] for p in body["posts"]] == [13, 14]


def test_eager_rows_get_the_same_keys():
    row = with_posts({"id": 2, "name": "n", "email": "e", "bio": "b", "created_at": "t", "posts_json": [{"id": 13}]})
    assert set(row) == {"id", "name", "email", "bio", "created_at", "posts"} and row["posts"] == [{"id": 13}]


def test_raw_insert_is_one_multi_row_statement():
    sql = raw_insert_sql(3)
    assert sql.count("INSERT") == 1
    assert sql.endswith("VALUES ('item_0',0,NOW()),('item_1',1,NOW()),('item_2',2,NOW())")


def test_jwt_claims():
    now = time.time()
    claims = jwt.decode(issue_jwt(7, "u7@x", SECRET, now=now), options={"verify_signature": False})
    assert claims == {"sub": "7", "email": "u7@x", "exp": int(now) + 1800}
    assert jwt.get_unverified_header(issue_jwt(7, "u7@x", SECRET))["alg"] == "HS256"


def test_jwt_round_trip():
    assert verify_jwt(issue_jwt(7, "u7@x", SECRET), SECRET) == 7


@pytest.mark.parametrize(
    "token",
    [
        issue_jwt(7, "u7@x", "another-secret"),
        issue_jwt(7, "u7@x", SECRET, now=time.time() - 3600),
        jwt.encode({"sub": "7", "exp": int(time.time()) + 60}, key=None, algorithm="none"),
        "not-a-jwt",
        "",
    ],
    ids=["wrong-secret", "expired", "alg-none", "garbage", "empty"],
)
def test_jwt_rejections(token):
    with pytest.raises(Unauthorized, match="Invalid JWT token"):
        verify_jwt(token, SECRET)


@pytest.mark.parametrize("n, result", [(1, 1), (2, 1), (10, 55), (20, 6765)])
def test_fibonacci(n, result):
    assert fibonacci(n) == result


def test_json_serialize_bytes_match_compact_json():
    items = json_items()
    assert len(items) == 10_000 and items[3] == {"id": 3, "name": "item_3", "email": "item_3@benchmark.com", "value": 9}
    assert json_bytes(items) == 782_965  # Buffer.byteLength(JSON.stringify(items)) in the gate
    assert json_bytes([{"name": "é"}]) == len('[{"name":"é"}]'.encode("utf-8")) == 15


def test_report_breaks_ties_by_id_and_averages():
    authors = [
        {"id": 3, "name": "c", "post_count": 2, "total_views": 10},
        {"id": 1, "name": "a", "post_count": 2, "total_views": 30},
        {"id": 2, "name": "b", "post_count": 0, "total_views": 0},
    ]
    report = build_report(authors)
    assert [a["id"] for a in report["top_by_posts"]] == [1, 3, 2]
    assert [a["id"] for a in report["top_by_views"]] == [1, 3, 2]
    assert report["top_by_posts"][2]["avg_views"] == 0.0
    assert report["summary"] == {"total_authors": 3, "total_posts": 4, "total_views": 40, "avg_posts_per_author": 4 / 3, "avg_views_per_post": 10.0}
