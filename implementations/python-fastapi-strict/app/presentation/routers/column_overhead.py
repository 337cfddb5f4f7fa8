"""The nine column-overhead tables."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.application.column_overhead import GetFirstRows
from app.domain.entities import COLUMN_TYPES, TypedColumnsUser
from app.presentation import dependencies as deps
from app.presentation.params import IntText
from app.presentation.schemas.column_overhead import TYPE_ROWS, ExtraWideRow, NarrowRow, WideRow, typed_names

router = APIRouter(prefix="/column-overhead")

Limit = Annotated[IntText, Query(ge=1, le=1000)]
UseCase = Annotated[GetFirstRows, Depends(deps.first_rows)]


@router.get("/narrow", response_model=list[NarrowRow])
async def narrow(use_case: UseCase, limit: Limit = 100):
    return await use_case.execute("narrow", limit)


@router.get("/wide", response_model=list[WideRow])
async def wide(use_case: UseCase, limit: Limit = 100):
    return await use_case.execute("wide", limit)


@router.get("/extra-wide", response_model=list[ExtraWideRow])  # type: ignore[valid-type]
async def extra_wide(use_case: UseCase, limit: Limit = 100):
    return await use_case.execute("extra-wide", limit)


def _add_type_route(kind: str) -> None:
    schema, names = TYPE_ROWS[kind], typed_names(kind)

    def to_schema(row: TypedColumnsUser) -> Any:
        return schema(id=row.id, name=row.name, email=row.email, **dict(zip(names, row.values)))

    async def rows(use_case: UseCase, limit: Limit = 100):
        return [to_schema(r) for r in await use_case.execute(f"type:{kind}", limit)]

    router.add_api_route(f"/type/{kind}", rows, methods=["GET"], response_model=list[schema], name=f"type_{kind}")


for _kind in COLUMN_TYPES:
    _add_type_route(_kind)
