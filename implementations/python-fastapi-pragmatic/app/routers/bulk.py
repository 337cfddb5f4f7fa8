"""Bulk inserts and updates on bulk_items; every response carries the server-side time."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import case, text, update

from app.db import Session
from app.logic import insert_values_sql
from app.models import BulkItem
from app.params import IntText
from app.timing import elapsed_ms

router = APIRouter(prefix="/bulk-operations")

Count = Annotated[IntText, Query(ge=1, le=10000)]


def _result(operation: str, count: int, started: float) -> dict[str, object]:
    return {"operation": operation, "count": count, "elapsed_ms": elapsed_ms(started)}


@router.delete("/cleanup")
async def cleanup(session: Session) -> dict[str, str]:
    await session.execute(text("TRUNCATE TABLE bulk_items RESTART IDENTITY"))
    await session.commit()
    return {"message": "Table truncated"}


@router.post("/insert-individual")
async def insert_individual(session: Session, count: Count = 1000) -> dict[str, object]:
    started = time.perf_counter()
    for i in range(count):  # one INSERT and one COMMIT per row
        session.add(BulkItem(name=f"item_{i}", value=i))
        await session.commit()
    return _result("insert-individual", count, started)


@router.post("/insert-batch")
async def insert_batch(session: Session, count: Count = 1000) -> dict[str, object]:
    started = time.perf_counter()
    # The unit of work flushes these as multi-row INSERT … RETURNING (insertmanyvalues), one COMMIT.
    session.add_all([BulkItem(name=f"item_{i}", value=i) for i in range(count)])
    await session.commit()
    return _result("insert-batch", count, started)


@router.post("/insert-raw")
async def insert_raw(session: Session, count: Count = 1000) -> dict[str, object]:
    started = time.perf_counter()
    await session.execute(text(insert_values_sql(count)))
    await session.commit()
    return _result("insert-raw", count, started)


@router.post("/update-individual")
async def update_individual(session: Session, count: Count = 1000) -> dict[str, object]:
    started = time.perf_counter()
    for item_id in range(1, count + 1):  # one UPDATE and one COMMIT per id
        await session.execute(
            update(BulkItem).where(BulkItem.id == item_id).values(value=item_id * 10),
            execution_options={"synchronize_session": False},
        )
        await session.commit()
    return _result("update-individual", count, started)


@router.post("/update-bulk")
async def update_bulk(session: Session, count: Count = 1000) -> dict[str, object]:
    started = time.perf_counter()
    ids = range(1, count + 1)
    await session.execute(
        update(BulkItem).where(BulkItem.id.in_(ids)).values(value=case({i: i * 10 for i in ids}, value=BulkItem.id)),
        execution_options={"synchronize_session": False},
    )
    await session.commit()
    return _result("update-bulk", count, started)
