"""Environment handling and the gunicorn settings derived from it."""

import runpy
from pathlib import Path

import pytest

from app.config import load_settings, psycopg_url

ROOT = Path(__file__).resolve().parent.parent


def test_database_url_gets_the_psycopg_driver():
    assert psycopg_url("postgresql://lab@127.0.0.1:5432/db") == "postgresql+psycopg://lab@127.0.0.1:5432/db"
    assert psycopg_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    with pytest.raises(ValueError):
        psycopg_url("mysql://x")


def test_defaults():
    s = load_settings({})
    assert (s.host, s.port, s.db_pool_size, s.workers, s.worker_class, s.threads) == ("127.0.0.1", 8000, 10, 1, "gthread", 10)
    assert s.jwt_secret == "benchmark-secret-key-12345"
    assert s.upstream_url == "http://127.0.0.1:8081"


def test_threads_follow_the_pool_and_sync_has_one():
    assert load_settings({"DB_POOL_SIZE": "4"}).threads == 4
    assert load_settings({"DB_POOL_SIZE": "4", "THREADS": "8"}).threads == 8
    assert load_settings({"WORKER_CLASS": "sync", "THREADS": "8"}).threads == 1


@pytest.mark.parametrize("env", [{"WORKERS": "0"}, {"DB_POOL_SIZE": "x"}, {"WORKER_CLASS": "gevent"}])
def test_invalid_environment_fails_at_startup(env):
    with pytest.raises(ValueError):
        load_settings(env)


def test_upstream_url_loses_its_trailing_slash():
    assert load_settings({"UPSTREAM_URL": "http://127.0.0.1:9/"}).upstream_url == "http://127.0.0.1:9"


def _gunicorn_conf(monkeypatch, env):
    for name in ("HOST", "PORT", "WORKERS", "WORKER_CLASS", "THREADS", "DB_POOL_SIZE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_conf_gthread_by_default(monkeypatch):
    conf = _gunicorn_conf(monkeypatch, {"HOST": "127.0.0.1", "PORT": "9123", "DB_POOL_SIZE": "10"})
    assert conf["bind"] == "127.0.0.1:9123"
    assert (conf["worker_class"], conf["workers"], conf["threads"]) == ("gthread", 1, 10)
    assert conf["accesslog"] is None and conf["keepalive"] == 65 and conf["preload_app"] is False
    assert conf["wsgi_app"] == "app.wsgi:app"


def test_gunicorn_conf_sync_variant(monkeypatch):
    conf = _gunicorn_conf(monkeypatch, {"WORKER_CLASS": "sync", "WORKERS": "3"})
    # threads must stay 1: gunicorn silently turns a sync worker with threads > 1 into gthread.
    assert (conf["worker_class"], conf["workers"], conf["threads"]) == ("sync", 3, 1)


def test_engine_pool_is_sized_by_db_pool_size():
    from app.db import create_db_engine

    engine = create_db_engine(load_settings({"DB_POOL_SIZE": "7"}))
    assert (engine.pool.size(), engine.pool._max_overflow, engine.echo) == (7, 0, False)
    assert engine.dialect.driver == "psycopg"
