"""Statistics over users_wide and authors/posts: the ORM's query builder and hand-written SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import desc, distinct, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import AuthorStats, CountryStats, UserCounts
from app.infrastructure.database.models import AuthorModel, PostModel, UserWideModel


def _country(rows: Any) -> list[CountryStats]:
    return [CountryStats(r[0] or "", r[1], r[2] or 0, float(r[3] or 0)) for r in rows]


def _author(rows: Any) -> list[AuthorStats]:
    return [AuthorStats(r[0], r[1], r[2], r[3] or 0, float(r[4] or 0)) for r in rows]


class OrmStatsRepository:
    """Three separate count queries; GROUP BYs built with the query builder."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def counts(self) -> UserCounts:
        star = await self.session.scalar(select(func.count()).select_from(UserWideModel))
        by_id = await self.session.scalar(select(func.count(UserWideModel.id)))
        statuses = await self.session.scalar(select(func.count(distinct(UserWideModel.status))))
        return UserCounts(star or 0, by_id or 0, statuses or 0)

    async def by_country(self, limit: int) -> list[CountryStats]:
        user_count = func.count(UserWideModel.id).label("user_count")
        query = (
            select(UserWideModel.country, user_count, func.sum(UserWideModel.login_count), func.avg(UserWideModel.login_count))
            .group_by(UserWideModel.country)
            .order_by(desc(user_count), UserWideModel.country)
            .limit(limit)
        )
        return _country(await self.session.execute(query))

    async def by_author(self, limit: int) -> list[AuthorStats]:
        post_count = func.count(PostModel.id).label("post_count")
        query = (
            select(AuthorModel.id, AuthorModel.name, post_count, func.sum(PostModel.view_count), func.avg(PostModel.view_count))
            .join(PostModel, PostModel.author_id == AuthorModel.id)
            .group_by(AuthorModel.id, AuthorModel.name)
            .order_by(desc(post_count), AuthorModel.id)
            .limit(limit)
        )
        return _author(await self.session.execute(query))


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


class RawSqlStatsRepository:
    """One hand-written statement per question."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def counts(self) -> UserCounts:
        return UserCounts(*(await self.session.execute(COUNT_SQL)).one())

    async def by_country(self, limit: int) -> list[CountryStats]:
        return _country(await self.session.execute(COUNTRY_SQL, {"limit": limit}))

    async def by_author(self, limit: int) -> list[AuthorStats]:
        return _author(await self.session.execute(AUTHOR_SQL, {"limit": limit}))
