"""Column overhead: the first `limit` rows of nine tables, every column, ORDER BY id."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, create_model
from sqlalchemy import select

from app.db import Session
from app.models import EXTRA_WIDE_FIELDS, TYPE_MODELS, UserExtraWide, UserNarrow, UserWide, typed_columns
from app.params import IntText

router = APIRouter(prefix="/column-overhead")

Limit = Annotated[IntText, Query(ge=1, le=1000)]
_ORM = ConfigDict(from_attributes=True)


class NarrowRow(BaseModel):
    model_config = _ORM
    id: int
    name: str
    email: str
    status: str | None
    created_at: datetime | None


class WideRow(NarrowRow):
    phone: str | None
    address: str | None
    city: str | None
    country: str | None
    postal_code: str | None
    birth_date: date | None
    gender: str | None
    occupation: str | None
    company: str | None
    website: str | None
    bio: str | None
    avatar_url: str | None
    last_login: datetime | None
    login_count: int | None
    preferences: dict[str, Any] | None


_base: dict[str, Any] = {"id": (int, ...), "name": (str, ...), "email": (str, ...)}
ExtraWideRow = create_model("ExtraWideRow", __config__=_ORM, **_base, **{f: (str | None, ...) for f in EXTRA_WIDE_FIELDS}, created_at=(datetime | None, ...))
_TYPE_PY: dict[str, Any] = {"int": int, "varchar": str, "text": str, "jsonb": dict[str, Any], "timestamp": datetime, "uuid": uuid.UUID}
TYPE_ROWS = {
    kind: create_model(f"TypeRow_{kind}", __config__=_ORM, **_base, **{c: (_TYPE_PY[kind] | None, ...) for c in typed_columns(kind)}) for kind in TYPE_MODELS
}


async def _first_rows(session: Session, model: Any, limit: int) -> list[Any]:
    return list(await session.scalars(select(model).order_by(model.id).limit(limit)))


@router.get("/narrow", response_model=list[NarrowRow])
async def narrow(session: Session, limit: Limit = 100):
    return await _first_rows(session, UserNarrow, limit)


@router.get("/wide", response_model=list[WideRow])
async def wide(session: Session, limit: Limit = 100):
    return await _first_rows(session, UserWide, limit)


@router.get("/extra-wide", response_model=list[ExtraWideRow])  # type: ignore[valid-type]
async def extra_wide(session: Session, limit: Limit = 100):
    return await _first_rows(session, UserExtraWide, limit)


def _add_type_route(kind: str) -> None:
    model = TYPE_MODELS[kind]

    async def rows(session: Session, limit: Limit = 100):
        return await _first_rows(session, model, limit)

    router.add_api_route(f"/type/{kind}", rows, methods=["GET"], response_model=list[TYPE_ROWS[kind]], name=f"type_{kind}")


for _kind in TYPE_MODELS:
    _add_type_route(_kind)
