"""Text search on posts."""

from __future__ import annotations

from app.domain.entities import PostHit, RankedPostHit
from app.domain.repositories import SearchRepository


class SearchPosts:
    def __init__(self, search: SearchRepository) -> None:
        self.search = search

    async def like(self, q: str, limit: int) -> list[PostHit]:
        return await self.search.containing(q, limit)

    async def fulltext(self, q: str, limit: int) -> list[RankedPostHit]:
        return await self.search.matching(q, limit)
