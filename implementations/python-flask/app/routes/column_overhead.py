"""Column overhead: the first `limit` rows of nine tables, every column, ORDER BY id."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import select

from app.db import db
from app.models import TYPE_MODELS, UserExtraWide, UserNarrow, UserWide
from app.params import query_int
from app.serialize import column_keys, row_out

bp = Blueprint("column_overhead", __name__, url_prefix="/column-overhead")

#: URL tail → ORM model.
TABLES: dict[str, Any] = {
    "narrow": UserNarrow,
    "wide": UserWide,
    "extra-wide": UserExtraWide,
    **{f"type/{kind}": model for kind, model in TYPE_MODELS.items()},
}


def _route(tail: str, model: Any) -> None:
    keys = column_keys(model)

    def first_rows() -> list[dict[str, Any]]:
        limit = query_int("limit", 100, 1, 1000)
        return [row_out(r, keys) for r in db().scalars(select(model).order_by(model.id).limit(limit))]

    bp.add_url_rule(f"/{tail}", endpoint=tail.replace("/", "_"), view_func=first_rows, methods=["GET"])


for _tail, _model in TABLES.items():
    _route(_tail, _model)
