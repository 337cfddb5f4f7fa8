"""Offset and keyset (cursor) pagination of users_pagination.

`/users/offset` and `/users/cursor` are static rules: Werkzeug matches them before `/users/<id>`."""

from __future__ import annotations

import math
from typing import Any

from flask import Blueprint
from sqlalchemy import func, select

from app.db import db
from app.models import UserPagination
from app.params import MAX_OFFSET, query_int
from app.serialize import user_out

bp = Blueprint("pagination", __name__)


def _size() -> int:
    return query_int("size", 20, 1, 100)


@bp.get("/users/offset")
def offset_page() -> dict[str, Any]:
    page = query_int("page", 1, 1, MAX_OFFSET)
    size = _size()
    session = db()
    total = session.scalar(select(func.count()).select_from(UserPagination)) or 0
    rows = session.scalars(select(UserPagination).order_by(UserPagination.id).offset((page - 1) * size).limit(size))
    return {"items": [user_out(r) for r in rows], "total": total, "page": page, "size": size, "total_pages": math.ceil(total / size)}


@bp.get("/users/cursor")
def cursor_page() -> dict[str, Any]:
    cursor = query_int("cursor", 0, 0)
    size = _size()
    # Keyset: rows after the cursor id; one extra row only says whether another page follows.
    rows = db().scalars(select(UserPagination).where(UserPagination.id > cursor).order_by(UserPagination.id).limit(size + 1)).all()
    items = rows[:size]
    next_cursor = items[-1].id if len(rows) > size else None
    return {"items": [user_out(r) for r in items], "next_cursor": next_cursor, "size": size}
