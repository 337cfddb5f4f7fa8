"""Three ways to load authors with their posts; identical bodies, different query counts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.db import Session
from app.models import Author, Post
from app.params import MAX_OFFSET, IntText

router = APIRouter(prefix="/n-plus-one")

Limit = Annotated[IntText, Query(ge=1, le=100)]
Offset = Annotated[IntText, Query(ge=0, le=MAX_OFFSET)]


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    content: str | None
    view_count: int | None
    created_at: datetime | None


class AuthorOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    email: str
    bio: str | None
    created_at: datetime | None
    posts: list[PostOut]


def _authors_page(limit: int, offset: int):
    return select(Author).order_by(Author.id).offset(offset).limit(limit)


@router.get("/lazy", response_model=list[AuthorOut])
async def lazy(session: Session, limit: Limit = 20, offset: Offset = 0):
    # 1 + N: the page, then one SELECT per author, awaited one after another (async
    # SQLAlchemy refuses implicit lazy loads, so the loop is written out).
    authors = (await session.scalars(_authors_page(limit, offset))).all()
    for author in authors:
        posts = (await session.scalars(select(Post).where(Post.author_id == author.id).order_by(Post.id))).all()
        set_committed_value(author, "posts", list(posts))
    return authors


@router.get("/eager", response_model=list[AuthorOut])
async def eager(session: Session, limit: Limit = 20, offset: Offset = 0):
    # 1 query: the LIMITed authors page in a subquery LEFT OUTER JOIN posts.
    result = await session.scalars(_authors_page(limit, offset).options(joinedload(Author.posts)))
    return result.unique().all()


@router.get("/subquery", response_model=list[AuthorOut])
async def subquery(session: Session, limit: Limit = 20, offset: Offset = 0):
    # 2 queries: the page, then posts WHERE author_id IN (<page ids>).
    return (await session.scalars(_authors_page(limit, offset).options(selectinload(Author.posts)))).all()
