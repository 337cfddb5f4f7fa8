"""Column-overhead rows."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import create_model

from app.domain.entities import COLUMN_TYPES, EXTRA_WIDE_FIELDS
from app.presentation.schemas.common import Schema


class NarrowRow(Schema):
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
ExtraWideRow = create_model("ExtraWideRow", __base__=Schema, **_base, **{f: (str | None, ...) for f in EXTRA_WIDE_FIELDS}, created_at=(datetime | None, ...))

#: Column prefix and value type of each users_type_<type> table.
TYPED_COLUMNS: dict[str, tuple[str, Any]] = {
    "int": ("int_col_", int),
    "varchar": ("varchar_col_", str),
    "text": ("text_col_", str),
    "jsonb": ("json_col_", dict[str, Any]),
    "timestamp": ("ts_col_", datetime),
    "uuid": ("uuid_col_", uuid.UUID),
}


def typed_names(kind: str) -> list[str]:
    prefix, _ = TYPED_COLUMNS[kind]
    return [f"{prefix}{i:02d}" for i in range(1, 6)]


TYPE_ROWS = {
    kind: create_model(f"TypeRow_{kind}", __base__=Schema, **_base, **{c: (TYPED_COLUMNS[kind][1] | None, ...) for c in typed_names(kind)})
    for kind in COLUMN_TYPES
}
