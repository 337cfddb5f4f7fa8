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


@pytest.mark.parametrize("path", [
    "/users/abc", "/users/1.5", "/users/offset?size=101", "/users/cursor?cursor=-1", "/column-overhead/narrow?limit=0",
    "/n-plus-one/eager?limit=101", "/cpu/fibonacci?n=41", "/search/like?q=", "/search/like",
])
def test_invalid_parameters_are_422(client, path):
    assert client.get(path).status_code == 422


def test_cpu_endpoints(client):
    assert client.get("/cpu/fibonacci?n=10").json() == {"n": 10, "result": 55}
    assert client.get("/cpu/json-serialize").json() == {"status": "ok", "items": 10000, "bytes": 782965}
