"""Aggregations: the ORM's query builder (`orm`) vs one hand-written statement (`raw`)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import desc, distinct, func, select, text

from app.db import db
from app.models import Author, Post, UserWide
from app.params import query_int

bp = Blueprint("aggregation", __name__, url_prefix="/aggregation")

COUNT_SQL = text("SELECT COUNT(*), COUNT(id), COUNT(DISTINCT status) FROM users_wide")
COUNTRY_SQL = text(
    "SELECT country, COUNT(id) AS user_count, SUM(login_count) AS total_logins, AVG(login_count) AS avg_logins "
    "FROM users_wide GROUP BY country ORDER BY user_count DESC, country LIMIT :limit"
)
AUTHOR_SQL = text(
    "SELECT a.id AS author_id, a.name AS author_name, COUNT(p.id) AS post_count, SUM(p.view_count) AS total_views, "
    "AVG(p.view_count) AS avg_views FROM authors a JOIN posts p ON p.author_id = a.id "
    "GROUP BY a.id, a.name ORDER BY post_count DESC, a.id LIMIT :limit"
)


def _limit() -> int:
    return query_int("limit", 10, 1, 100)


def _counts(star: int, by_id: int, statuses: int) -> dict[str, int]:
    return {"count_star": star, "count_id": by_id, "count_distinct_status": statuses}


def _country(rows: Any) -> list[dict[str, Any]]:
    return [{"country": r[0] or "", "user_count": r[1], "total_logins": r[2] or 0, "avg_logins": float(r[3] or 0)} for r in rows]


def _author(rows: Any) -> list[dict[str, Any]]:
    return [{"author_id": r[0], "author_name": r[1], "post_count": r[2], "total_views": r[3] or 0, "avg_views": float(r[4] or 0)} for r in rows]


@bp.get("/count/orm")
def count_orm() -> dict[str, int]:
    session = db()
    star = session.scalar(select(func.count()).select_from(UserWide))
    by_id = session.scalar(select(func.count(UserWide.id)))
    statuses = session.scalar(select(func.count(distinct(UserWide.status))))
    return _counts(star, by_id, statuses)  # type: ignore[arg-type]


@bp.get("/count/raw")
def count_raw() -> dict[str, int]:
    return _counts(*db().execute(COUNT_SQL).one())


@bp.get("/stats/country/orm")
def country_orm() -> list[dict[str, Any]]:
    limit = _limit()
    user_count = func.count(UserWide.id).label("user_count")
    query = (
        select(UserWide.country, user_count, func.sum(UserWide.login_count), func.avg(UserWide.login_count))
        .group_by(UserWide.country)
        .order_by(desc(user_count), UserWide.country)
        .limit(limit)
    )
    return _country(db().execute(query))


@bp.get("/stats/country/raw")
def country_raw() -> list[dict[str, Any]]:
    return _country(db().execute(COUNTRY_SQL, {"limit": _limit()}))


@bp.get("/stats/author/orm")
def author_orm() -> list[dict[str, Any]]:
    limit = _limit()
    post_count = func.count(Post.id).label("post_count")
    query = (
        select(Author.id, Author.name, post_count, func.sum(Post.view_count), func.avg(Post.view_count))
        .join(Post, Post.author_id == Author.id)
        .group_by(Author.id, Author.name)
        .order_by(desc(post_count), Author.id)
        .limit(limit)
    )
    return _author(db().execute(query))


@bp.get("/stats/author/raw")
def author_raw() -> list[dict[str, Any]]:
    return _author(db().execute(AUTHOR_SQL, {"limit": _limit()}))
