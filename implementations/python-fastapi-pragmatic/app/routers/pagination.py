"""Offset and keyset pagination of users_pagination (registered before /users/{id})."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import func, select

from app.db import Session
from app.models import UserPagination
from app.params import MAX_ID, MAX_OFFSET, IntText
from app.schemas import UserOut

router = APIRouter()

Size = Annotated[IntText, Query(ge=1, le=100)]


class OffsetPage(BaseModel):
    items: list[UserOut]
    total: int
    page: int
    size: int
    total_pages: int


class CursorPage(BaseModel):
    items: list[UserOut]
    next_cursor: int | None
    size: int


@router.get("/users/offset", response_model=OffsetPage)
async def offset_page(session: Session, page: Annotated[IntText, Query(ge=1, le=MAX_OFFSET)] = 1, size: Size = 20):
    total = await session.scalar(select(func.count()).select_from(UserPagination))
    rows = await session.scalars(select(UserPagination).order_by(UserPagination.id).offset((page - 1) * size).limit(size))
    return OffsetPage(items=[UserOut.model_validate(r) for r in rows], total=total, page=page, size=size, total_pages=math.ceil(total / size))


@router.get("/users/cursor", response_model=CursorPage)
async def cursor_page(session: Session, cursor: Annotated[IntText, Query(ge=0, le=MAX_ID)] = 0, size: Size = 20):
    # One extra row only says whether another page follows.
    rows = (await session.scalars(select(UserPagination).where(UserPagination.id > cursor).order_by(UserPagination.id).limit(size + 1))).all()
    items = rows[:size]
    next_cursor = items[-1].id if len(rows) > size else None
    return CursorPage(items=[UserOut.model_validate(r) for r in items], next_cursor=next_cursor, size=size)
