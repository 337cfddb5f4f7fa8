"""The server-configuration workloads: I/O wait, one DB aggregate, CPU work, a mixed report."""

from __future__ import annotations

import time
from typing import Any

import bcrypt
from flask import Blueprint
from sqlalchemy import func, select

from app.db import db
from app.logic import build_report, fibonacci, json_serialize_bytes
from app.models import Author, Post
from app.params import query_int

bp = Blueprint("server_config", __name__)

PASSWORD = b"benchmark-password"


def _author_totals():  # noqa: ANN202 - a Select of 5 columns
    """authors LEFT JOIN posts GROUP BY author: post_count and total_views (0 without posts)."""
    return (
        select(Author.id, Author.name, Author.email, func.count(Post.id), func.coalesce(func.sum(Post.view_count), 0))
        .outerjoin(Post, Post.author_id == Author.id)
        .group_by(Author.id)
        .order_by(Author.id)
    )


@bp.get("/io/sleep")
def io_sleep() -> dict[str, Any]:
    time.sleep(0.1)  # blocks this worker thread (WSGI); the other threads keep serving
    return {"status": "ok", "slept": 0.1}


@bp.get("/io/db")
def io_db() -> dict[str, Any]:
    rows = db().execute(_author_totals()).all()
    authors = [{"id": r[0], "name": r[1], "email": r[2], "post_count": r[3], "total_views": r[4]} for r in rows]
    return {"count": len(authors), "authors": authors}


@bp.get("/cpu/fibonacci")
def cpu_fibonacci() -> dict[str, int]:
    n = query_int("n", 27, 1, 30)  # fib(30) by naive recursion: a fraction of a second
    return {"n": n, "result": fibonacci(n)}  # on the request thread, holding the GIL


@bp.get("/cpu/hash")
def cpu_hash() -> dict[str, Any]:
    hashed = bcrypt.hashpw(PASSWORD, bcrypt.gensalt(rounds=12))
    return {"status": "ok", "hash_length": len(hashed)}


@bp.get("/cpu/json-serialize")
def cpu_json_serialize() -> dict[str, Any]:
    return {"status": "ok", "items": 10_000, "bytes": json_serialize_bytes(10_000)}


@bp.get("/mixed/report")
def mixed_report() -> dict[str, Any]:
    rows = db().execute(_author_totals()).all()
    return build_report((r[0], r[1], r[3], r[4]) for r in rows)
