"""Three ways to load authors with their posts; identical bodies, different statement counts."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from app.db import db
from app.models import Author
from app.params import MAX_OFFSET, query_int
from app.serialize import author_out

bp = Blueprint("n_plus_one", __name__, url_prefix="/n-plus-one")


def _authors_page() -> Select[tuple[Author]]:
    limit = query_int("limit", 20, 1, 100)
    offset = query_int("offset", 0, 0, MAX_OFFSET)
    return select(Author).order_by(Author.id).offset(offset).limit(limit)


@bp.get("/lazy")
def lazy() -> list[dict[str, Any]]:
    # 1 + N: the page, then `author.posts` lazy-loads (relationship lazy="select") as each
    # author is serialised: SELECT … FROM posts WHERE %(param_1)s = posts.author_id ORDER BY posts.id.
    return [author_out(a) for a in db().scalars(_authors_page()).all()]


@bp.get("/eager")
def eager() -> list[dict[str, Any]]:
    # 1: joinedload puts the LIMITed authors page in a subquery LEFT OUTER JOIN posts;
    # unique() folds the joined rows back into one Author each.
    return [author_out(a) for a in db().scalars(_authors_page().options(joinedload(Author.posts))).unique().all()]


@bp.get("/subquery")
def subquery() -> list[dict[str, Any]]:
    # 2: the page, then selectinload's SELECT … FROM posts WHERE posts.author_id IN (…).
    return [author_out(a) for a in db().scalars(_authors_page().options(selectinload(Author.posts))).all()]
