"""Requests through Flask's test client that need no service: endpoints without one, and
invalid input that is refused before any query (the engine has not even connected)."""

import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

import pytest

from app.errors import ApiError
from app.json_provider import to_json
from app.routes.transactions import _new_stock


def test_health(client):
    r = client.get("/health")
    assert (r.status_code, r.json) == (200, {"status": "ok", "server": "python-flask"})
    assert r.headers["Content-Type"] == "application/json" and int(r.headers["Content-Length"]) == len(r.data)


def test_echo_drops_extra_keys_and_defaults_data(client):
    r = client.post("/echo", json={"message": "hello", "data": {"a": 1, "nested": {"b": [1, 2]}}, "timestamp": 123, "extra": "x"})
    assert r.json == {"message": "hello", "data": {"a": 1, "nested": {"b": [1, 2]}}}
    assert client.post("/echo", json={"message": "only"}).json == {"message": "only", "data": None}


@pytest.mark.parametrize(
    "body",
    [
        {"data": {}},
        {"message": 42},
        {"message": None},
        {"message": "x", "data": "not-an-object"},
        {"message": "x", "data": []},
        [],
        "text",
        1,
        None,
    ],
)
def test_echo_invalid_bodies_are_422(client, body):
    r = client.post("/echo", data=json.dumps(body), content_type="application/json")
    assert r.status_code == 422 and "detail" in r.json


@pytest.mark.parametrize(
    "raw", [b'{"message": "unterminated', b"", b"\xff\xfe", b'{"message":"a","data":{"x":NaN}}', b'{"message":"a","data":{"x":1e999}}', b"[" * 50_000]
)
def test_malformed_json_is_422_json_not_an_html_400(client, raw):
    r = client.post("/echo", data=raw, content_type="application/json")
    assert r.status_code == 422 and r.headers["Content-Type"] == "application/json" and isinstance(r.json["detail"], str)


def test_json_body_needs_a_json_media_type(client):
    assert client.post("/echo", data=b'{"message":"x"}', content_type="text/plain").status_code == 422
    assert client.post("/echo", data=b'{"message":"x"}', content_type="application/json; charset=utf-8").status_code == 200
    assert client.post("/echo", data=b'{"message":"x"}', content_type="application/vnd.lab+json").status_code == 200


def test_echo_nested_to_the_recursion_limit_is_422_not_500(client):
    depth = 2_000
    raw = b'{"message":"x","data":' + b'{"a":' * depth + b"1" + b"}" * depth + b"}"
    assert client.post("/echo", data=raw, content_type="application/json").status_code == 422


@pytest.mark.parametrize(
    "body",
    [
        {"email": "x@example.com"},
        {"name": "x"},
        {"name": "", "email": "x@example.com"},
        {"name": "n" * 101, "email": "x@example.com"},
        {"name": "x", "email": "no-at-sign"},
        {"name": 5, "email": "x@example.com"},
        {"name": "x", "email": "@" * 256},
        {"name": "a\u0000b", "email": "x@example.com"},
        {"name": "x", "email": "x@\ud800"},
        {"name": None, "email": "x@example.com"},
    ],
)
def test_invalid_user_bodies_are_422_before_the_database(client, body):
    assert client.post("/users", data=json.dumps(body), content_type="application/json").status_code == 422


@pytest.mark.parametrize(
    "body", [{"name": ""}, {"name": None}, {"name": 5}, {"email": "no-at-sign"}, {"email": None}, {"name": "n" * 101}, {"name": "\u0000"}, [], "x"]
)
def test_invalid_partial_updates_are_422_before_the_database(client, body):
    raw = json.dumps(body)
    assert client.put("/users/1", data=raw, content_type="application/json").status_code == 422


def test_protected_rules(client):
    r = client.get("/protected", headers={"Authorization": "Bearer test-token-12345", "X-Request-Id": "r-1"})
    assert r.json == {"message": "Access granted", "user": "user_from_token_test-tok"}
    for headers, detail in [
        ({}, "Authorization header required"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "Invalid authorization format"),
        ({"Authorization": "Bearer short"}, "Invalid token"),
    ]:
        r = client.get("/protected", headers=headers)
        assert (r.status_code, r.json) == (401, {"detail": detail})


def test_auth_protected_rejects_missing_or_malformed_headers_without_a_lookup(client):
    for path in ("/auth/protected/jwt", "/auth/protected/session"):
        for headers in ({}, {"Authorization": "token"}, {"Authorization": "Bearer "}):
            r = client.get(path, headers=headers)
            assert (r.status_code, r.json) == (401, {"detail": "Invalid authorization header"})


def test_auth_protected_jwt_rejects_bad_tokens_without_a_lookup(client):
    for token in ("not-a-jwt", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ."):
        r = client.get("/auth/protected/jwt", headers={"Authorization": f"Bearer {token}"})
        assert (r.status_code, r.json) == (401, {"detail": "Invalid JWT token"})


def test_upload_counts_bytes_and_echoes_metadata(client):
    r = client.post("/upload", data={"file": (__import__("io").BytesIO(b"x" * 3000), "c.bin", "application/octet-stream")})
    assert r.json == {"filename": "c.bin", "size": 3000, "content_type": "application/octet-stream"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": {"other": (__import__("io").BytesIO(b"x"), "x.txt", "text/plain")}},
        {"data": {"file": "a plain field, not a file"}},
        {"data": b"garbage", "content_type": "multipart/form-data"},
        {"data": b"--b\r\nbroken\r\n\r\nabc\r\n--b--\r\n", "content_type": "multipart/form-data; boundary=b"},
        {"json": {"file": "x"}},
        {},
    ],
)
def test_upload_without_a_file_part_is_422(client, kwargs):
    r = client.post("/upload", **kwargs)
    assert (r.status_code, r.json) == (422, {"detail": "No file uploaded"})


def test_unknown_path_is_json_404(client):
    for path in ("/nope", "/users/", "/users/1/2", "/users//1", "/static/app.css"):
        r = client.get(path)
        assert (r.status_code, r.json, r.headers["Content-Type"]) == (404, {"detail": "Not Found"}, "application/json")


def test_unknown_method_is_json_405_with_allow(client):
    r = client.patch("/users/1")
    assert (r.status_code, r.json) == (405, {"detail": "Method Not Allowed"})
    assert set(r.headers["Allow"].split(", ")) == {"GET", "HEAD", "PUT", "DELETE"}
    r = client.options("/health")
    assert r.status_code == 405 and set(r.headers["Allow"].split(", ")) == {"GET", "HEAD"}
    assert client.get("/echo").headers["Allow"] == "POST"


@pytest.mark.parametrize(
    "method, path, allow",
    [
        ("TRACE", "/users/offset", {"GET", "HEAD"}),  # the literal path's own methods, not /users/<id>'s
        ("FUZZ", "/users/cursor", {"GET", "HEAD"}),
        ("QUERY", "/users", {"GET", "HEAD", "POST"}),
        ("TRACE", "/users/1", {"GET", "HEAD", "PUT", "DELETE"}),
        ("OPTIONS", "/cache/users/1", {"DELETE"}),
        ("GET", "/transactions/decrement/pessimistic", {"POST"}),
    ],
)
def test_405_allow_lists_exactly_the_paths_methods(client, method, path, allow):
    r = client.open(path, method=method)
    assert (r.status_code, r.json) == (405, {"detail": "Method Not Allowed"})
    assert set(r.headers["Allow"].split(", ")) == allow


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/users/abc"),
        ("GET", "/users/1.5"),
        ("GET", "/users/99999999999"),
        ("DELETE", "/users/-2147483649"),
        ("GET", "/users/%00"),
        ("GET", "/users/offset?page=0"),
        ("GET", "/users/offset?size=101"),
        ("GET", "/users/offset?size=2.5"),
        ("GET", "/users/offset?page=2147483648"),
        ("GET", "/users/cursor?cursor=-1"),
        ("GET", "/users/cursor?cursor=2147483648"),
        ("GET", "/users/cursor?size=0"),
        ("GET", "/column-overhead/narrow?limit=0"),
        ("GET", "/column-overhead/type/uuid?limit=1001"),
        ("GET", "/n-plus-one/eager?limit=101"),
        ("GET", "/n-plus-one/lazy?offset=-1"),
        ("GET", "/n-plus-one/subquery?offset=2147483648"),
        ("POST", "/bulk-operations/insert-batch?count=0"),
        ("POST", "/bulk-operations/update-bulk?count=10001"),
        ("POST", "/bulk-operations/insert-raw?count=x"),
        ("GET", "/transactions/products/x"),
        ("GET", "/transactions/products/2147483648"),
        ("POST", "/transactions/decrement/no-lock?product_id=x"),
        ("POST", "/transactions/decrement/pessimistic?quantity=2147483648"),
        ("POST", "/transactions/decrement/optimistic?max_retries=101"),
        ("POST", "/transactions/decrement/optimistic?max_retries=-1"),
        ("POST", "/transactions/decrement/serializable?product_id="),
        ("GET", "/cache/users/x/cached"),
        ("GET", "/cache/users/99999999999/no-cache"),
        ("DELETE", "/cache/users/1e3"),
        ("POST", "/cache/warmup?count=1001"),
        ("POST", "/auth/login/jwt"),
        ("POST", "/auth/login/session?user_id=abc"),
        ("GET", "/aggregation/stats/country/raw?limit=0"),
        ("GET", "/aggregation/stats/author/orm?limit=101"),
        ("GET", "/cpu/fibonacci?n=0"),
        ("GET", "/cpu/fibonacci?n=41"),
        ("GET", "/search/like"),
        ("GET", "/search/like?q="),
        ("GET", "/search/like?q=" + "x" * 101),
        ("GET", "/search/like?q=%00"),
        ("GET", "/search/fulltext?q=a%00b"),
        ("GET", "/search/fulltext?q=x&limit=0"),
        # The contract's bounds: row ids 1–2147483647, cursor 0–2147483647, page and N+1 offset
        # at most 1,000,000, quantity 1–1000, fibonacci n 1–30.
        ("GET", "/users/0"),
        ("PUT", "/users/-1"),
        ("GET", "/cache/users/4398046511105/cached"),
        ("GET", "/cache/users/0/no-cache"),
        ("DELETE", "/cache/users/0"),
        ("GET", "/transactions/products/0"),
        ("GET", "/users/cursor?cursor=9544203041"),
        ("GET", "/users/offset?page=1000001"),
        ("GET", "/n-plus-one/eager?offset=1124773556684887293952"),
        ("GET", "/n-plus-one/lazy?offset=1000001"),
        ("POST", "/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647"),
        ("POST", "/transactions/decrement/no-lock?quantity=0"),
        ("POST", "/transactions/decrement/serializable?quantity=1001"),
        ("POST", "/transactions/decrement/optimistic?product_id=0"),
        ("POST", "/transactions/decrement/no-lock?product_id=2147483648"),
        ("POST", "/auth/login/jwt?user_id=4398046511105"),
        ("POST", "/auth/login/session?user_id=0"),
        ("GET", "/cpu/fibonacci?n=31"),
        ("GET", "/cpu/fibonacci?n=39"),
    ],
)
def test_invalid_parameters_are_422_before_the_database(client, method, path):
    r = client.open(path, method=method)
    assert r.status_code == 422 and isinstance(r.json["detail"], str), (path, r.status_code, r.data)


def test_a_decrement_below_the_integer_range_is_422_and_rolled_back(app):
    with app.test_request_context():
        assert _new_stock(-2147483000, 648) == -2147483648
        with pytest.raises(ApiError) as refused:
            _new_stock(-2147483000, 649)
    assert (refused.value.status, refused.value.detail) == (422, "Stock out of range")


def test_cpu_endpoints(client):
    assert client.get("/cpu/fibonacci?n=10").json == {"n": 10, "result": 55}
    assert client.get("/cpu/fibonacci").json == {"n": 27, "result": 196418}
    assert client.get("/cpu/fibonacci?n=30").json == {"n": 30, "result": 832040}
    assert client.get("/cpu/json-serialize").json == {"status": "ok", "items": 10000, "bytes": 782965}


def test_auth_public(client):
    assert client.get("/auth/public").json == {"message": "public endpoint", "authenticated": False}


def test_json_rendering_of_row_types():
    assert to_json(datetime(2025, 1, 1, 0, 0, 0, 123000)) == "2025-01-01T00:00:00.123000"
    assert to_json(date(2025, 1, 2)) == "2025-01-02"
    assert to_json(UUID("12345678-1234-5678-1234-567812345678")) == "12345678-1234-5678-1234-567812345678"
    assert to_json(Decimal("2.5")) == 2.5
    with pytest.raises(TypeError):
        to_json(object())


def test_responses_are_compact_and_keep_key_order(client, app):
    with app.app_context():
        response = app.json.response({"b": 1, "a": datetime(2025, 1, 1)})
    assert response.get_data(as_text=True).strip() == '{"b":1,"a":"2025-01-01T00:00:00"}'
