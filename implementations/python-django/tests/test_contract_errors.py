"""The contract's errors through the whole stack (URLconf, DRF, the handler), for requests that
are refused before any query: bounds, NUL, malformed bodies and multipart, 405 with Allow, 404."""

import pytest

from api.exceptions import Unprocessable
from api.models import Product
from api.parsers import MAX_DEPTH, parse_json
from api.views import transactions


@pytest.mark.parametrize(
    "method, path",
    [
        # Row ids are 1–2147483647 (PostgreSQL integer): outside, a 422 before any query.
        ("get", "/users/0"),
        ("get", "/users/-1"),
        ("get", "/users/2147483648"),
        ("put", "/users/0"),
        ("delete", "/users/4398046511105"),
        ("get", "/cache/users/4398046511105/cached"),
        ("get", "/cache/users/0/no-cache"),
        ("delete", "/cache/users/2147483648"),
        ("get", "/transactions/products/2147483648"),
        ("post", "/auth/login/jwt?user_id=4398046511105"),
        ("post", "/auth/login/session?user_id=0"),
        ("post", "/transactions/decrement/optimistic?product_id=2147483648"),
        # cursor 0–2147483647 (never clamped), page and N+1 offset at most 1,000,000.
        ("get", "/users/cursor?cursor=9544203041"),
        ("get", "/users/offset?page=1000001"),
        ("get", "/n-plus-one/eager?offset=1124773556684887293952"),
        ("get", "/n-plus-one/lazy?offset=1000001"),
        # quantity 1–1000, fibonacci n 1–30.
        ("post", "/transactions/decrement/pessimistic?product_id=3&quantity=-2147483647"),
        ("post", "/transactions/decrement/serializable?quantity=1001"),
        ("get", "/cpu/fibonacci?n=39"),
        # NUL in text that reaches the database.
        ("get", "/search/fulltext?q=a%00b"),
        ("get", "/search/like?q=%00"),
    ],
)
def test_out_of_contract_bounds_are_422(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 422 and isinstance(response.json()["detail"], list)


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "a\\u0000b", "email": "x@y.z"}',
        '{"name": "ab", "email": "x\\u0000@y.z"}',
        '{"name": "a\\ud800b", "email": "x@y.z"}',
    ],
)
def test_unstorable_user_text_is_422(client, body):
    assert client.post("/users", body, content_type="application/json").status_code == 422


MALFORMED_JSON = [
    b'{"message": "x',  # truncated
    b'{"message": "\xff"}',  # not UTF-8
    b'{"message": "m", "data": {"a": NaN}}',  # NaN, Infinity are not JSON
    b'{"message": "m", "data": {"a": -Infinity}}',
    b'{"message": "m", "data": {"a": 1e999}}',  # a float out of range
    b'{"message": "m", "data": {"a": ' + b"1" * 5000 + b"}}",  # more digits than Python converts
    b'{"message": "\\ud800"}',  # a lone surrogate escape
    b'{"message": "m", "data": {"\\udc00": 1}}',
    b'{"message": "m", "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # past the recursion limit
    b'{"message": "m", "data": {"a": ' + b"[" * 300 + b"]" * 300 + b"}}",  # deeper than MAX_DEPTH
]


@pytest.mark.parametrize("body", MALFORMED_JSON)
@pytest.mark.parametrize("path", ["/echo", "/users"])
def test_malformed_json_is_422(client, path, body):
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"].startswith("JSON parse error")


def test_echo_still_takes_valid_edge_cases(client):
    nested = {"a": 1}
    for _ in range(100):
        nested = {"a": nested}
    for data in [nested, {"emoji": "\U0001f600", "big": 10**100, "nul": "a\x00b"}]:
        response = client.post("/echo", {"message": "a\x00b", "data": data}, content_type="application/json")
        assert response.json() == {"message": "a\x00b", "data": data}


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("multipart/form-data; boundary=XYZ", b"--XYZ\r\ngarbage\r\n--XYZ--\r\n"),  # a part without headers
        ("multipart/form-data; boundary=XYZ", b'--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc'),  # truncated
        ("multipart/form-data; boundary=XYZ", b'--XYZ\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--XYZ--\r\n'),  # not a file
        ("multipart/form-data", b"abc"),  # no boundary
        ("multipart/form-data; boundary=XYZ", b""),
        ("application/json", b'{"file": "x"}'),
        ("application/x-www-form-urlencoded", b"file=x"),
        ("text/plain", b"x"),
    ],
)
def test_upload_without_a_proper_file_part_is_422(client, content_type, body):
    response = client.generic("POST", "/upload", body, content_type=content_type)
    assert (response.status_code, response.json()) == (422, {"detail": "No file uploaded"})


@pytest.mark.parametrize(
    "method, path, allow",
    [
        ("trace", "/health", {"GET", "HEAD", "OPTIONS"}),
        ("put", "/health", {"GET", "HEAD", "OPTIONS"}),
        ("delete", "/echo", {"POST", "OPTIONS"}),
        ("patch", "/users", {"GET", "POST"}),
        ("trace", "/users/1", {"GET", "PUT", "DELETE"}),
        ("options", "/users/1", {"GET", "PUT", "DELETE"}),
        ("put", "/users/offset", {"GET", "HEAD", "OPTIONS"}),
        ("get", "/cache/users/1", {"DELETE", "OPTIONS"}),
        ("head", "/health", None),  # Django serves HEAD beside GET
    ],
)
def test_unserved_method_is_405_with_the_paths_methods(client, method, path, allow):
    response = client.generic(method.upper(), path)
    if allow is None:
        assert response.status_code != 405
        return
    assert (response.status_code, response.json()) == (405, {"detail": "Method Not Allowed"})
    assert set(response.headers["Allow"].split(", ")) == allow


@pytest.mark.parametrize("path", ["/nope", "/users/", "/users/1/x"])
def test_unknown_path_is_404_json(client, path):
    response = client.generic("TRACE", path)
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


@pytest.mark.parametrize("text", ["[" * MAX_DEPTH + "]" * MAX_DEPTH, '{"a": "\\ud83d\\ude00"}', '{"a": 1e308}'])
def test_strict_json_takes_valid_documents(text):
    assert parse_json(text) is not None


def test_new_stock_stays_within_the_integer_column():
    assert transactions.new_stock(-2147483000, 648) == -2147483648
    with pytest.raises(Unprocessable, match="Stock out of range"):
        transactions.new_stock(-2147483000, 649)


@pytest.mark.parametrize("strategy", [transactions.decrement_no_lock, transactions.decrement_optimistic])
def test_a_decrement_past_the_stock_range_writes_nothing(monkeypatch, strategy):
    product = Product(id=5, name="P", stock=-2147483000, version=0)
    monkeypatch.setattr(transactions, "get_product", lambda pk, queryset=None: product)
    monkeypatch.setattr(Product, "save", lambda *a, **k: pytest.fail("saved"))
    with pytest.raises(Unprocessable, match="Stock out of range"):
        strategy(5, 1000)
    assert product.stock == -2147483000
