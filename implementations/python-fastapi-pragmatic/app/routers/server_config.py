"""The server-configuration workloads: I/O wait, one DB aggregate, CPU work, a mixed report."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import bcrypt
from fastapi import APIRouter, Query
from sqlalchemy import func, select

from app.db import Session
from app.logic import build_report, fibonacci, json_serialize_bytes
from app.models import Author, Post
from app.params import MAX_FIBONACCI_N, IntText

router = APIRouter()

PASSWORD = b"benchmark-password"


def _author_totals():
    """authors LEFT JOIN posts GROUP BY author: post_count and total_views (0 without posts)."""
    return (
        select(Author.id, Author.name, Author.email, func.count(Post.id), func.coalesce(func.sum(Post.view_count), 0))
        .outerjoin(Post, Post.author_id == Author.id)
        .group_by(Author.id)
        .order_by(Author.id)
    )


@router.get("/io/sleep")
async def io_sleep() -> dict[str, Any]:
    await asyncio.sleep(0.1)
    return {"status": "ok", "slept": 0.1}


@router.get("/io/db")
async def io_db(session: Session) -> dict[str, Any]:
    rows = (await session.execute(_author_totals())).all()
    authors = [{"id": r[0], "name": r[1], "email": r[2], "post_count": r[3], "total_views": r[4]} for r in rows]
    return {"count": len(authors), "authors": authors}


@router.get("/cpu/fibonacci")
async def cpu_fibonacci(n: Annotated[IntText, Query(ge=1, le=MAX_FIBONACCI_N)] = 27) -> dict[str, int]:
    return {"n": n, "result": fibonacci(n)}  # on the event loop: blocks it, on purpose


@router.get("/cpu/hash")
async def cpu_hash() -> dict[str, Any]:
    # On the event loop like /cpu/fibonacci: the CPU workloads compare process models.
    hashed = bcrypt.hashpw(PASSWORD, bcrypt.gensalt(rounds=12))
    return {"status": "ok", "hash_length": len(hashed)}


@router.get("/cpu/json-serialize")
async def cpu_json_serialize() -> dict[str, Any]:
    return {"status": "ok", "items": 10_000, "bytes": json_serialize_bytes(10_000)}


@router.get("/mixed/report")
async def mixed_report(session: Session) -> dict[str, Any]:
    rows = (await session.execute(_author_totals())).all()
    return build_report((r[0], r[1], r[3], r[4]) for r in rows)
