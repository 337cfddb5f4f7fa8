"""Endpoints that need no database, through FastAPI's TestClient (the lifespan opens no connection)."""

import pytest
from fastapi.testclient import TestClient

from app.main import app


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as c:
        yield c


def test_health(client):
    assert client.get("/health").json() == {"status": "ok", "server": "python-fastapi-pragmatic"}


def test_echo_drops_extra_keys_and_defaults_data(client):
    assert client.post("/echo", json={"message": "m", "extra": 1}).json() == {"message": "m", "data": None}
    assert client.post("/echo", json={"message": 42}).status_code == 422
    assert client.post("/echo", content=b'{"message": "x', headers={"content-type": "application/json"}).status_code == 422


def test_protected_missing_header_is_401(client):
    r = client.get("/protected")
    assert (r.status_code, r.json()) == (401, {"detail": "Authorization header required"})


def test_auth_protected_missing_header_is_401_not_422(client):
    r = client.get("/auth/protected/jwt")
    assert (r.status_code, r.json()) == (401, {"detail": "Invalid authorization header"})


def test_upload_counts_bytes_and_requires_file(client):
    r = client.post("/upload", files={"file": ("a.bin", b"x" * 1024, "application/octet-stream")})
    assert r.json() == {"filename": "a.bin", "size": 1024, "content_type": "application/octet-stream"}
    r = client.post("/upload", files={"other": ("a.txt", b"x", "text/plain")})
    assert (r.status_code, r.json()) == (422, {"detail": "No file uploaded"})


@pytest.mark.parametrize(
    "path",
    [
        "/users/abc",
        "/users/1.5",
        "/users/offset?size=101",
        "/users/cursor?cursor=-1",
        "/column-overhead/narrow?limit=0",
        "/n-plus-one/eager?limit=101",
        "/cpu/fibonacci?n=41",
        "/search/like?q=",
        "/search/like",
    ],
)
def test_invalid_parameters_are_422(client, path):
    assert client.get(path).status_code == 422


@pytest.mark.parametrize(
    ("method", "path"),
    [
        # Row ids are 1–2147483647 (PostgreSQL integer): outside, a 422 before any query.
        ("GET", "/users/0"),
        ("GET", "/users/-1"),
        ("GET", "/users/2147483648"),
        ("PUT", "/users/0"),
        ("DELETE", "/users/4398046511105"),
        ("GET", "/cache/users/4398046511105/cached"),
        ("GET", "/cache/users/0/no-cache"),
        ("DELETE", "/cache/users/2147483648"),
        ("GET", "/transactions/products/2147483648"),
        ("GET", "/transactions/products/0"),
        ("POST", "/auth/login/jwt?user_id=4398046511105"),
        ("POST", "/auth/login/session?user_id=0"),
        ("POST", "/transactions/decrement/optimistic?product_id=2147483648"),
        ("POST", "/transactions/decrement/no-lock?product_id=0"),
        # cursor 0–2147483647 (never clamped), page and N+1 offset at most 1,000,000.
        ("GET", "/users/cursor?cursor=9544203041"),
        ("GET", "/users/cursor?cursor=2147483648"),
        ("GET", "/users/offset?page=1000001"),
        ("GET", "/n-plus-one/eager?offset=1124773556684887293952"),
        ("GET", "/n-plus-one/lazy?offset=1000001"),
        # quantity 1–1000.
        ("POST", "/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647"),
        ("POST", "/transactions/decrement/no-lock?quantity=0"),
        ("POST", "/transactions/decrement/serializable?quantity=1001"),
        # fibonacci n 1–30.
        ("GET", "/cpu/fibonacci?n=31"),
        ("GET", "/cpu/fibonacci?n=39"),
        ("GET", "/cpu/fibonacci?n=0"),
        # NUL in text that reaches the database.
        ("GET", "/search/fulltext?q=a%00b"),
        ("GET", "/search/like?q=%00"),
    ],
)
def test_out_of_contract_bounds_are_422(client, method, path):
    r = client.request(method, path)
    assert r.status_code == 422 and isinstance(r.json()["detail"], list)


def test_validation_issues_do_not_echo_the_input(client):
    issue = client.get("/users/cursor?cursor=9544203041").json()["detail"][0]
    assert issue == {
        "type": "less_than_equal",
        "loc": ["query", "cursor"],
        "msg": "Input should be less than or equal to 2147483647",
        "ctx": {"le": 2147483647},
    }


@pytest.mark.parametrize(
    "body",
    [
        {"name": "a\u0000b", "email": "x@y.z"},
        {"name": "ab", "email": "x\u0000@y.z"},
    ],
)
def test_nul_in_user_text_is_422(client, body):
    assert client.post("/users", json=body).status_code == 422
    assert client.put("/users/1", json={k: v for k, v in body.items() if "\u0000" in v}).status_code == 422


MALFORMED_JSON = [
    b'{"message": "x',  # truncated
    b"",  # empty
    b'{"message": "\xff"}',  # not UTF-8
    b'{"message": "m", "data": {"a": NaN}}',  # NaN, Infinity are not JSON
    b'{"message": "m", "data": {"a": -Infinity}}',
    b'{"message": "m", "data": {"a": 1e999}}',  # a float out of range
    b'{"message": "m", "data": {"a": ' + b"1" * 5000 + b"}}",  # more digits than Python converts
    b'{"message": "\\ud800"}',  # a lone surrogate escape
    b'{"message": "m", "data": {"\\udc00": 1}}',
    b'{"message": "m", "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # past the recursion limit
    b'{"message": "m", "data": {"a": ' + b"[" * 300 + b"]" * 300 + b"}}",  # deeper than the response can render
]


@pytest.mark.parametrize("body", MALFORMED_JSON)
@pytest.mark.parametrize(("method", "path"), [("POST", "/echo"), ("POST", "/users"), ("PUT", "/users/1")])
def test_malformed_json_is_422(client, method, path, body):
    r = client.request(method, path, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and isinstance(r.json()["detail"], list)


def test_valid_json_edge_cases_still_echo(client):
    nested = {"a": 1}
    for _ in range(100):
        nested = {"a": nested}
    for data in [nested, {"emoji": "\U0001f600", "big": 10**100, "nul": "a\u0000b"}]:
        assert client.post("/echo", json={"message": "m", "data": data}).json() == {"message": "m", "data": data}


def test_wrong_content_type_is_422(client):
    r = client.post("/echo", content=b"\xff\xfe", headers={"content-type": "text/plain"})
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data; boundary=XYZ", b"--XYZ\r\ngarbage\r\n--XYZ--\r\n"),  # a part without headers
        ("multipart/form-data; boundary=XYZ", b'--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc'),  # truncated
        ("multipart/form-data; boundary=XYZ", b'--XYZ\r\nContent-Disposition: form-data; filename="a"\r\n\r\nabc\r\n--XYZ--\r\n'),  # no name
        ("multipart/form-data; boundary=XYZ", b'--XYZ\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--XYZ--\r\n'),  # not a file
        ("multipart/form-data", b"abc"),  # no boundary
        ("multipart/form-data; boundary=XYZ", b""),
        ("application/json", b'{"file": "x"}'),
        ("application/x-www-form-urlencoded", b"file=x"),
        ("text/plain", b"x"),
    ],
)
def test_upload_without_a_proper_file_part_is_422(client, content_type, body):
    r = client.post("/upload", content=body, headers={"content-type": content_type})
    assert (r.status_code, r.json()) == (422, {"detail": "No file uploaded"})


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("TRACE", "/health", "GET"),
        ("PUT", "/health", "GET"),
        ("OPTIONS", "/health", "GET"),
        ("DELETE", "/echo", "POST"),
        ("PATCH", "/users", "GET, POST"),
        ("TRACE", "/users/1", "DELETE, GET, PUT"),
        ("TRACE", "/users/offset", "GET"),  # the literal path, not /users/{id}
        ("GET", "/cache/users/1", "DELETE"),
        ("GET", "/transactions/decrement/pessimistic", "POST"),
    ],
)
def test_unserved_method_is_405_with_the_paths_methods(client, method, path, allow):
    r = client.request(method, path)
    assert (r.status_code, r.json(), r.headers["allow"]) == (405, {"detail": "Method Not Allowed"}, allow)


@pytest.mark.parametrize("path", ["/nope", "/users/", "/users/1/x"])
def test_unknown_path_is_404_json(client, path):
    assert (client.get(path).status_code, client.request("TRACE", path).json()) == (404, {"detail": "Not Found"})


def test_cpu_endpoints(client):
    assert client.get("/cpu/fibonacci?n=10").json() == {"n": 10, "result": 55}
    assert client.get("/cpu/fibonacci").json() == {"n": 27, "result": 196418}
    assert client.get("/cpu/fibonacci?n=30").json() == {"n": 30, "result": 832040}
    assert client.get("/cpu/json-serialize").json() == {"status": "ok", "items": 10000, "bytes": 782965}
