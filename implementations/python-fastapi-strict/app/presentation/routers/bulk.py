"""Bulk operations on bulk_items."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.application.bulk import BulkOperations
from app.presentation import dependencies as deps
from app.presentation.params import IntText
from app.presentation.schemas.common import MessageResponse
from app.presentation.schemas.operations import BulkResponse

router = APIRouter(prefix="/bulk-operations")

Count = Annotated[IntText, Query(ge=1, le=10000)]
UseCase = Annotated[BulkOperations, Depends(deps.bulk_operations)]


@router.delete("/cleanup", response_model=MessageResponse)
async def cleanup(use_case: UseCase):
    await use_case.cleanup()
    return MessageResponse(message="Table truncated")


@router.post("/insert-individual", response_model=BulkResponse)
async def insert_individual(use_case: UseCase, count: Count = 1000):
    return await use_case.insert_individual(count)


@router.post("/insert-batch", response_model=BulkResponse)
async def insert_batch(use_case: UseCase, count: Count = 1000):
    return await use_case.insert_batch(count)


@router.post("/insert-raw", response_model=BulkResponse)
async def insert_raw(use_case: UseCase, count: Count = 1000):
    return await use_case.insert_raw(count)


@router.post("/update-individual", response_model=BulkResponse)
async def update_individual(use_case: UseCase, count: Count = 1000):
    return await use_case.update_individual(count)


@router.post("/update-bulk", response_model=BulkResponse)
async def update_bulk(use_case: UseCase, count: Count = 1000):
    return await use_case.update_bulk(count)
