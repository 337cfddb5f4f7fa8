"""Bulk inserts and updates on bulk_items; every response carries the server-side time."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint
from sqlalchemy import case, text, update

from app.db import db
from app.logic import insert_values_sql
from app.models import BulkItem
from app.params import query_int
from app.timing import elapsed_ms

bp = Blueprint("bulk", __name__, url_prefix="/bulk-operations")


def _count() -> int:
    return query_int("count", 1000, 1, 10000)


def _result(operation: str, count: int, started: float) -> dict[str, Any]:
    return {"operation": operation, "count": count, "elapsed_ms": elapsed_ms(started)}


@bp.delete("/cleanup")
def cleanup() -> dict[str, str]:
    session = db()
    session.execute(text("TRUNCATE TABLE bulk_items RESTART IDENTITY"))
    session.commit()
    return {"message": "Table truncated"}


@bp.post("/insert-individual")
def insert_individual() -> dict[str, Any]:
    count = _count()
    started = time.perf_counter()
    session = db()
    for i in range(count):  # one INSERT and one COMMIT per row
        session.add(BulkItem(name=f"item_{i}", value=i))
        session.commit()
    return _result("insert-individual", count, started)


@bp.post("/insert-batch")
def insert_batch() -> dict[str, Any]:
    count = _count()
    started = time.perf_counter()
    session = db()
    # The unit of work flushes these as multi-row INSERT … RETURNING (insertmanyvalues,
    # 1,000 rows per statement), one COMMIT.
    session.add_all([BulkItem(name=f"item_{i}", value=i) for i in range(count)])
    session.commit()
    return _result("insert-batch", count, started)


@bp.post("/insert-raw")
def insert_raw() -> dict[str, Any]:
    count = _count()
    started = time.perf_counter()
    session = db()
    session.execute(text(insert_values_sql(count)))  # generated integers only, nothing user-supplied
    session.commit()
    return _result("insert-raw", count, started)


@bp.post("/update-individual")
def update_individual() -> dict[str, Any]:
    count = _count()
    started = time.perf_counter()
    session = db()
    for item_id in range(1, count + 1):  # one UPDATE and one COMMIT per id
        session.execute(
            update(BulkItem).where(BulkItem.id == item_id).values(value=item_id * 10),
            execution_options={"synchronize_session": False},
        )
        session.commit()
    return _result("update-individual", count, started)


@bp.post("/update-bulk")
def update_bulk() -> dict[str, Any]:
    count = _count()
    started = time.perf_counter()
    ids = range(1, count + 1)
    session = db()
    session.execute(
        update(BulkItem).where(BulkItem.id.in_(ids)).values(value=case({i: i * 10 for i in ids}, value=BulkItem.id)),
        execution_options={"synchronize_session": False},
    )
    session.commit()
    return _result("update-bulk", count, started)
