"""Text search on posts."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import plainto_tsquery
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import PostHit, RankedPostHit
from app.infrastructure.database.models import PostModel


def escape_like(q: str) -> str:
    """An ILIKE pattern matching `q` literally anywhere (`\\`, `%`, `_` escaped with PostgreSQL's default `\\`)."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlAlchemySearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def containing(self, text: str, limit: int) -> list[PostHit]:
        pattern = escape_like(text)
        query = (
            select(PostModel.id, PostModel.author_id, PostModel.title)
            .where(or_(PostModel.title.ilike(pattern), PostModel.content.ilike(pattern)))
            .order_by(PostModel.id)
            .limit(limit)
        )
        return [PostHit(*r) for r in await self.session.execute(query)]

    async def matching(self, text: str, limit: int) -> list[RankedPostHit]:
        tsquery = plainto_tsquery("english", text)
        rank = func.ts_rank(PostModel.search_vector, tsquery).label("rank")
        query = (
            select(PostModel.id, PostModel.author_id, PostModel.title, rank)
            .where(PostModel.search_vector.bool_op("@@")(tsquery))
            .order_by(rank.desc(), PostModel.id)
            .limit(limit)
        )
        return [RankedPostHit(r[0], r[1], r[2], float(r[3])) for r in await self.session.execute(query)]
