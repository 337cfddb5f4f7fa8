"""The gunicorn worker class: uvicorn_worker's, with the same settings as the plain uvicorn start."""

from __future__ import annotations

from typing import Any

from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    """uvloop, httptools and no access log (uvicorn_worker's default would log every request)."""

    CONFIG_KWARGS: dict[str, Any] = {"loop": "uvloop", "http": "httptools", "access_log": False}
