"""The app built from default settings: the engine, Redis and the upstream pool connect lazily,
so every request these tests send is answered without PostgreSQL, Redis or the upstream (the
inputs are rejected, or the endpoint needs no service)."""

import pytest

from app.config import load_settings
from app.main import create_app


@pytest.fixture(scope="session")
def app():
    return create_app(load_settings({}))


@pytest.fixture()
def client(app):
    return app.test_client()
