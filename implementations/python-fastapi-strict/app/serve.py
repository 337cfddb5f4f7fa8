"""The start command: one uvicorn process, uvicorn's own workers, or gunicorn + app.worker.Worker (uvicorn_worker.UvicornWorker).

Environment: HOST (127.0.0.1), PORT (8000), WORKERS (1), SERVER (`uvicorn` | `gunicorn`,
default `uvicorn`). The process replaces itself with the server (exec), so signals reach it
directly. No reload, no access log; uvloop and httptools.
"""

from __future__ import annotations

import os
import sys


def command(env: dict[str, str]) -> list[str]:
    """The argv that starts the server for this environment."""
    host = env.get("HOST", "127.0.0.1")
    port = env.get("PORT", "8000")
    workers = env.get("WORKERS", "1")
    bindir = os.path.dirname(sys.executable)
    if env.get("SERVER", "uvicorn") == "gunicorn":
        return [
            os.path.join(bindir, "gunicorn"),
            "app.main:app",
            "--worker-class",
            "app.worker.Worker",
            "--workers",
            workers,
            "--bind",
            f"{host}:{port}",
            "--graceful-timeout",
            "10",
            "--keep-alive",
            "65",
        ]
    return [
        os.path.join(bindir, "uvicorn"),
        "app.main:app",
        "--host",
        host,
        "--port",
        port,
        "--workers",
        workers,
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--timeout-keep-alive",
        "65",
    ]


if __name__ == "__main__":
    argv = command(dict(os.environ))
    os.execv(argv[0], argv)
