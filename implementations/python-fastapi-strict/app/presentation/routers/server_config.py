"""The server-configuration workloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.application.server_config import AuthorReports, HashPassword, compute_fibonacci, serialize_items, sleep_briefly
from app.presentation import dependencies as deps
from app.presentation.params import MAX_FIBONACCI_N, IntText
from app.presentation.schemas.operations import IoDbResponse, ReportResponse

router = APIRouter()

Reports = Annotated[AuthorReports, Depends(deps.author_reports)]


@router.get("/io/sleep")
async def io_sleep() -> dict[str, Any]:
    return {"status": "ok", "slept": await sleep_briefly()}


@router.get("/io/db", response_model=IoDbResponse)
async def io_db(use_case: Reports):
    totals = await use_case.totals()
    return IoDbResponse.model_validate({"count": len(totals), "authors": totals})


@router.get("/cpu/fibonacci")
async def cpu_fibonacci(n: Annotated[IntText, Query(ge=1, le=MAX_FIBONACCI_N)] = 27) -> dict[str, int]:
    return {"n": n, "result": compute_fibonacci(n)}


@router.get("/cpu/hash")
async def cpu_hash(use_case: Annotated[HashPassword, Depends(deps.hash_password)]) -> dict[str, Any]:
    return {"status": "ok", "hash_length": use_case.execute()}


@router.get("/cpu/json-serialize")
async def cpu_json_serialize() -> dict[str, Any]:
    return {"status": "ok", "items": 10_000, "bytes": serialize_items(10_000)}


@router.get("/mixed/report", response_model=ReportResponse)
async def mixed_report(use_case: Reports):
    return await use_case.report()
