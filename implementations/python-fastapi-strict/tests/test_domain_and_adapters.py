"""Domain rules and the pure parts of the adapters."""

import jwt
import pytest
from pydantic import TypeAdapter, ValidationError

from app.application.server_config import serialize_items
from app.config import asyncpg_url
from app.domain.entities import AuthorTotals, OffsetPage, User, bulk_items
from app.domain.errors import AuthenticationFailed
from app.domain.rules import bearer_token, build_report, fibonacci, simulated_bearer_user
from app.infrastructure.database.repositories.bulk import insert_values_sql
from app.infrastructure.database.repositories.search import escape_like
from app.infrastructure.security.jwt_tokens import JwtTokenService
from app.presentation.params import IntText
from tests.fakes import NOW

SECRET = "benchmark-secret-key-12345"


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        (None, "Authorization header required"),
        ("Basic x", "Invalid authorization format"),
        ("Bearer short", "Invalid token"),
    ],
)
def test_protected_rules_in_order(header, detail):
    with pytest.raises(AuthenticationFailed) as failure:
        simulated_bearer_user(header)
    assert failure.value.detail == detail


def test_protected_grants_long_tokens():
    assert simulated_bearer_user("Bearer test-token-12345") == "user_from_token_test-tok"


@pytest.mark.parametrize("header", [None, "", "abc", "Bearer "])
def test_bearer_token_rejects_missing_or_malformed_headers(header):
    with pytest.raises(AuthenticationFailed, match="Invalid authorization header"):
        bearer_token(header)


def test_fibonacci_and_json_size():
    assert [fibonacci(n) for n in (1, 2, 10, 20)] == [1, 1, 55, 6765]
    assert serialize_items() == 782965


def test_offset_page_total_pages_rounds_up():
    assert OffsetPage([], 100_000, 1, 20).total_pages == 5000
    assert OffsetPage([], 101, 1, 20).total_pages == 6


def test_report_ties_by_id_and_zero_average_without_posts():
    totals = [AuthorTotals(i, f"A{i}", "e", 2 if i % 2 else 1, 10 * (i % 3)) for i in range(1, 15)] + [AuthorTotals(99, "n", "e", 0, 0)]
    report = build_report(totals)
    assert [t.id for t in report.top_by_posts] == [1, 3, 5, 7, 9, 11, 13, 2, 4, 6]
    assert report.summary.total_authors == 15
    assert AuthorTotals(99, "n", "e", 0, 0).avg_views == 0.0


def test_jwt_service_claims_and_rejections():
    service = JwtTokenService(SECRET, clock=lambda: 1_000_000)
    token = service.issue(User(7, "n", "u7@x", NOW))
    assert jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False}) == {"sub": "7", "email": "u7@x", "exp": 1_001_800}
    live = JwtTokenService(SECRET)
    assert live.verify(live.issue(User(3, "n", "e@x", NOW))) == 3
    assert live.verify(token) is None  # expired
    header, payload, _ = live.issue(User(3, "n", "e@x", NOW)).split(".")
    assert live.verify(f"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.") is None
    assert live.verify(f"{header}.{payload}.AAAA") is None


def test_escape_like():
    assert [escape_like(q) for q in ("a", "100%", "a_b", "\\")] == ["%a%", "%100\\%%", "%a\\_b%", "%\\\\%"]


def test_insert_values_sql_only_takes_generated_items():
    assert insert_values_sql(bulk_items(2)) == "INSERT INTO bulk_items (name, value, created_at) VALUES ('item_0',0,NOW()),('item_1',1,NOW())"
    from app.domain.entities import NewBulkItem

    with pytest.raises(ValueError):
        insert_values_sql([NewBulkItem("x'); DROP TABLE users; --", 1)])


def test_asyncpg_url():
    assert asyncpg_url("postgresql://u@h:1/d") == "postgresql+asyncpg://u@h:1/d"


@pytest.mark.parametrize("text", ["1.0", "+1", " 1", "1_000", "x"])
def test_int_text_is_strict(text):
    with pytest.raises(ValidationError):
        TypeAdapter(IntText).validate_python(text)
