"""Aggregations; the same use case runs over the ORM or the raw-SQL statistics repository."""

from __future__ import annotations

from app.domain.entities import AuthorStats, CountryStats, UserCounts
from app.domain.repositories import StatsRepository


class GetStatistics:
    def __init__(self, stats: StatsRepository) -> None:
        self.stats = stats

    async def counts(self) -> UserCounts:
        return await self.stats.counts()

    async def by_country(self, limit: int) -> list[CountryStats]:
        return await self.stats.by_country(limit)

    async def by_author(self, limit: int) -> list[AuthorStats]:
        return await self.stats.by_author(limit)
