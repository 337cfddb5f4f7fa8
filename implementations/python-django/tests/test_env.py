"""Environment parsing: defaults, DATABASE_URL, THREADS following DB_POOL_SIZE."""

import pytest

from config.env import DEFAULT_JWT_SECRET, database_settings, read_env


def test_defaults():
    env = read_env({})
    assert (env.host, env.port, env.workers, env.db_pool_size, env.threads) == ("127.0.0.1", 8000, 1, 10, 10)
    assert env.worker_class == "gthread"
    assert env.jwt_secret == DEFAULT_JWT_SECRET


def test_threads_follow_the_pool_size_unless_set():
    assert read_env({"DB_POOL_SIZE": "4"}).threads == 4
    assert read_env({"DB_POOL_SIZE": "4", "THREADS": "2"}).threads == 2


def test_upstream_url_loses_its_trailing_slash():
    assert read_env({"UPSTREAM_URL": "http://127.0.0.1:9/"}).upstream_url == "http://127.0.0.1:9"


@pytest.mark.parametrize("raw", ["0", "-1"])
def test_counts_must_be_positive(raw):
    with pytest.raises(ValueError):
        read_env({"WORKERS": raw})


def test_database_url_becomes_django_settings():
    db = database_settings("postgresql://lab@127.0.0.1:42675/lab_1")
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == ("lab_1", "lab", "", "127.0.0.1", "42675")
    assert db["CONN_MAX_AGE"] is None and db["CONN_HEALTH_CHECKS"] is False


def test_database_url_password_is_unquoted():
    db = database_settings("postgres://u:p%40ss@db/x")
    assert (db["PASSWORD"], db["PORT"]) == ("p@ss", "")


def test_database_url_must_be_postgres():
    with pytest.raises(ValueError):
        database_settings("mysql://u@h/x")
