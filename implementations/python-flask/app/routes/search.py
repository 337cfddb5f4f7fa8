"""Text search on posts: ILIKE substring vs PostgreSQL full-text search."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import plainto_tsquery

from app.db import db
from app.logic import escape_like
from app.models import Post
from app.params import query_int, query_text

bp = Blueprint("search", __name__, url_prefix="/search")


def _params() -> tuple[str, int]:
    return query_text("q", 1, 100), query_int("limit", 20, 1, 100)


@bp.get("/like")
def like() -> list[dict[str, Any]]:
    q, limit = _params()
    pattern = escape_like(q)  # %, _ and \ in q match literally
    rows = db().execute(
        select(Post.id, Post.author_id, Post.title).where(or_(Post.title.ilike(pattern), Post.content.ilike(pattern))).order_by(Post.id).limit(limit)
    )
    return [{"id": r[0], "author_id": r[1], "title": r[2]} for r in rows]


@bp.get("/fulltext")
def fulltext() -> list[dict[str, Any]]:
    q, limit = _params()
    query = plainto_tsquery("english", q)
    rank = func.ts_rank(Post.search_vector, query).label("rank")
    rows = db().execute(
        select(Post.id, Post.author_id, Post.title, rank).where(Post.search_vector.bool_op("@@")(query)).order_by(rank.desc(), Post.id).limit(limit)
    )
    return [{"id": r[0], "author_id": r[1], "title": r[2], "rank": float(r[3])} for r in rows]
