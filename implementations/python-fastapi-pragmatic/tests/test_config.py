"""Environment handling and the start command."""

import pytest
from pydantic import TypeAdapter, ValidationError

from app.config import asyncpg_url, load_settings
from app.params import IntText
from app.serve import command


def test_database_url_gets_the_asyncpg_driver():
    assert asyncpg_url("postgresql://lab@127.0.0.1:5432/db") == "postgresql+asyncpg://lab@127.0.0.1:5432/db"
    with pytest.raises(ValueError):
        asyncpg_url("mysql://x")


def test_settings_defaults():
    s = load_settings({"DATABASE_URL": "postgresql://u@h/d"})
    assert (s.db_pool_size, s.jwt_secret) == (10, "benchmark-secret-key-12345")


def test_start_command_uvicorn_by_default_and_gunicorn_on_request():
    argv = command({"PORT": "9000", "HOST": "0.0.0.0"})
    assert argv[0].endswith("uvicorn") and "--no-access-log" in argv and argv[argv.index("--port") + 1] == "9000"
    assert "--reload" not in argv
    argv = command({"SERVER": "gunicorn", "WORKERS": "4"})
    assert argv[0].endswith("gunicorn") and argv[argv.index("--workers") + 1] == "4"
    assert argv[argv.index("--worker-class") + 1] == "app.worker.Worker"


@pytest.mark.parametrize("text", ["1", "-3", "0", "0042"])
def test_int_text_accepts_decimal_integers(text):
    assert TypeAdapter(IntText).validate_python(text) == int(text)


@pytest.mark.parametrize("text", ["1.0", "1.5", "+1", " 1", "1_000", "x", "", "1e3", "١"])
def test_int_text_rejects_anything_else(text):
    with pytest.raises(ValidationError):
        TypeAdapter(IntText).validate_python(text)
