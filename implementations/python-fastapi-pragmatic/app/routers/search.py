"""Text search on posts: ILIKE substring vs PostgreSQL full-text search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import plainto_tsquery

from app.db import Session
from app.logic import escape_like
from app.models import Post
from app.params import STORABLE_TEXT, IntText

router = APIRouter(prefix="/search")

Q = Annotated[str, Query(min_length=1, max_length=100, pattern=STORABLE_TEXT)]
Limit = Annotated[IntText, Query(ge=1, le=100)]


@router.get("/like")
async def like(session: Session, q: Q, limit: Limit = 20) -> list[dict[str, Any]]:
    pattern = escape_like(q)
    rows = await session.execute(
        select(Post.id, Post.author_id, Post.title).where(or_(Post.title.ilike(pattern), Post.content.ilike(pattern))).order_by(Post.id).limit(limit)
    )
    return [{"id": r[0], "author_id": r[1], "title": r[2]} for r in rows]


@router.get("/fulltext")
async def fulltext(session: Session, q: Q, limit: Limit = 20) -> list[dict[str, Any]]:
    query = plainto_tsquery("english", q)
    rank = func.ts_rank(Post.search_vector, query).label("rank")
    rows = await session.execute(
        select(Post.id, Post.author_id, Post.title, rank).where(Post.search_vector.bool_op("@@")(query)).order_by(rank.desc(), Post.id).limit(limit)
    )
    return [{"id": r[0], "author_id": r[1], "title": r[2], "rank": float(r[3])} for r in rows]
