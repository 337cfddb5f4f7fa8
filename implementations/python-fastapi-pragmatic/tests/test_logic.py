"""The pure helpers of app/logic.py."""

import time

import jwt
import pytest

from app.logic import (
    bearer_check,
    bearer_token,
    build_report,
    escape_like,
    fibonacci,
    insert_values_sql,
    issue_jwt,
    json_serialize_bytes,
    verify_jwt,
)

SECRET = "benchmark-secret-key-12345"


@pytest.mark.parametrize(
    ("q", "pattern"),
    [
        ("Zeppelin", "%Zeppelin%"),
        ("100%", "%100\\%%"),
        ("a_b", "%a\\_b%"),
        ("\\", "%\\\\%"),
    ],
)
def test_escape_like_matches_wildcards_literally(q, pattern):
    assert escape_like(q) == pattern


@pytest.mark.parametrize(("n", "result"), [(1, 1), (2, 1), (10, 55), (20, 6765)])
def test_fibonacci(n, result):
    assert fibonacci(n) == result


def test_json_serialize_bytes_is_compact_utf8_length():
    assert json_serialize_bytes(1) == len('[{"id":0,"name":"item_0","email":"item_0@benchmark.com","value":0}]')
    assert json_serialize_bytes() == 782965


@pytest.mark.parametrize(
    ("header", "outcome"),
    [
        (None, (None, "Authorization header required")),
        ("Basic dXNlcjpwYXNz", (None, "Invalid authorization format")),
        ("Bearer short", (None, "Invalid token")),
        ("Bearer test-token-12345", ("user_from_token_test-tok", None)),
    ],
)
def test_bearer_check_rules_in_order(header, outcome):
    assert bearer_check(header) == outcome


@pytest.mark.parametrize(("header", "token"), [(None, None), ("", None), ("token", None), ("Bearer ", None), ("Bearer abc", "abc")])
def test_bearer_token(header, token):
    assert bearer_token(header) == token


def test_jwt_round_trip_and_claims():
    token = issue_jwt(7, "u7@x.com", SECRET, now=1_000_000)
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims == {"sub": "7", "email": "u7@x.com", "exp": 1_001_800}
    assert verify_jwt(issue_jwt(7, "u7@x.com", SECRET), SECRET) == 7


def test_jwt_rejects_expired_tampered_unsigned_and_foreign_tokens():
    assert verify_jwt(issue_jwt(1, "a@b", SECRET, now=time.time() - 3600), SECRET) is None
    header, payload, signature = issue_jwt(1, "a@b", SECRET).split(".")
    other = issue_jwt(2, "a@b", SECRET).split(".")[1]
    assert verify_jwt(f"{header}.{other}.{signature}", SECRET) is None
    assert verify_jwt(f"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.", SECRET) is None
    assert verify_jwt(issue_jwt(1, "a@b", "another-secret"), SECRET) is None
    assert verify_jwt("not-a-jwt", SECRET) is None


def test_insert_values_sql_is_one_multi_row_statement():
    assert insert_values_sql(2) == "INSERT INTO bulk_items (name, value, created_at) VALUES ('item_0',0,NOW()),('item_1',1,NOW())"


def test_build_report_breaks_ties_by_id():
    rows = [(i, f"A{i}", 2 if i % 2 else 1, 10 * (i % 3)) for i in range(1, 15)] + [(99, "none", 0, 0)]
    report = build_report(rows)
    assert report["summary"]["total_authors"] == 15
    assert report["summary"]["total_posts"] == sum(r[2] for r in rows)
    assert [e["id"] for e in report["top_by_posts"]] == [1, 3, 5, 7, 9, 11, 13, 2, 4, 6]
    assert [e["id"] for e in report["top_by_views"]][:3] == [2, 5, 8]
    none = [e for e in build_report([(99, "none", 0, 0)])["top_by_posts"]][0]
    assert none["avg_views"] == 0.0


def test_build_report_of_nothing():
    assert build_report([])["summary"]["avg_posts_per_author"] == 0.0
