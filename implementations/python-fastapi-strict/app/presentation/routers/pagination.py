"""Offset and keyset pagination (registered before /users/{id})."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.application.pagination import GetCursorPage, GetOffsetPage
from app.presentation import dependencies as deps
from app.presentation.params import MAX_ID, MAX_OFFSET, IntText
from app.presentation.schemas.users import CursorPageResponse, OffsetPageResponse

router = APIRouter()

Size = Annotated[IntText, Query(ge=1, le=100)]


@router.get("/users/offset", response_model=OffsetPageResponse)
async def offset_page(use_case: Annotated[GetOffsetPage, Depends(deps.offset_page)], page: Annotated[IntText, Query(ge=1, le=MAX_OFFSET)] = 1, size: Size = 20):
    return await use_case.execute(page, size)


@router.get("/users/cursor", response_model=CursorPageResponse)
async def cursor_page(use_case: Annotated[GetCursorPage, Depends(deps.cursor_page)], cursor: Annotated[IntText, Query(ge=0, le=MAX_ID)] = 0, size: Size = 20):
    return await use_case.execute(cursor, size)
