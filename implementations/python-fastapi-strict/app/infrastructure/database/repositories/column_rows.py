"""The nine column-overhead tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import EXTRA_WIDE_FIELDS, ExtraWideUser, NarrowUser, TypedColumnsUser, WideUser
from app.infrastructure.database.models import TYPE_MODELS, UserExtraWideModel, UserNarrowModel, UserWideModel, typed_columns

_WIDE_FIELDS = tuple(WideUser.__dataclass_fields__)


def _narrow(r: Any) -> NarrowUser:
    return NarrowUser(r.id, r.name, r.email, r.status, r.created_at)


def _wide(r: Any) -> WideUser:
    return WideUser(*(getattr(r, f) for f in _WIDE_FIELDS))


def _extra_wide(r: Any) -> Any:
    return ExtraWideUser(r.id, r.name, r.email, *(getattr(r, f) for f in EXTRA_WIDE_FIELDS), r.created_at)


def _typed(kind: str):
    columns = typed_columns(kind)

    def convert(r: Any) -> TypedColumnsUser:
        return TypedColumnsUser(r.id, r.name, r.email, tuple(getattr(r, c) for c in columns))

    return convert


#: table key → (ORM model, row → entity).
TABLES: dict[str, tuple[Any, Any]] = {
    "narrow": (UserNarrowModel, _narrow),
    "wide": (UserWideModel, _wide),
    "extra-wide": (UserExtraWideModel, _extra_wide),
    **{f"type:{kind}": (model, _typed(kind)) for kind, model in TYPE_MODELS.items()},
}


class SqlAlchemyColumnRowsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def first_rows(self, table: str, limit: int) -> list[Any]:
        model, convert = TABLES[table]
        return [convert(r) for r in await self.session.scalars(select(model).order_by(model.id).limit(limit))]
