"""Authors and their posts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from app.domain.entities import Author, AuthorTotals, Post
from app.infrastructure.database.models import AuthorModel, PostModel


def to_post(r: PostModel) -> Post:
    return Post(r.id, r.title, r.content, r.view_count, r.created_at)


def to_author(r: AuthorModel, with_posts: bool) -> Author:
    return Author(r.id, r.name, r.email, r.bio, r.created_at, [to_post(p) for p in r.posts] if with_posts else [])


class SqlAlchemyAuthorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _page(self, limit: int, offset: int):
        return select(AuthorModel).order_by(AuthorModel.id).offset(offset).limit(limit)

    async def page(self, limit: int, offset: int) -> list[Author]:
        return [to_author(r, False) for r in await self.session.scalars(self._page(limit, offset))]

    async def posts_of(self, author_id: int) -> list[Post]:
        query = select(PostModel).where(PostModel.author_id == author_id).order_by(PostModel.id)
        return [to_post(r) for r in await self.session.scalars(query)]

    async def page_with_posts_joined(self, limit: int, offset: int) -> list[Author]:
        # One statement: the LIMITed page in a subquery LEFT OUTER JOIN posts.
        rows = (await self.session.scalars(self._page(limit, offset).options(joinedload(AuthorModel.posts)))).unique()
        return [to_author(r, True) for r in rows]

    async def page_with_posts_in_second_query(self, limit: int, offset: int) -> list[Author]:
        # Two statements: the page, then posts WHERE author_id IN (<page ids>).
        rows = await self.session.scalars(self._page(limit, offset).options(selectinload(AuthorModel.posts)))
        return [to_author(r, True) for r in rows]

    async def totals(self) -> list[AuthorTotals]:
        query = (
            select(AuthorModel.id, AuthorModel.name, AuthorModel.email, func.count(PostModel.id), func.coalesce(func.sum(PostModel.view_count), 0))
            .outerjoin(PostModel, PostModel.author_id == AuthorModel.id)
            .group_by(AuthorModel.id)
            .order_by(AuthorModel.id)
        )
        return [AuthorTotals(*r) for r in await self.session.execute(query)]
