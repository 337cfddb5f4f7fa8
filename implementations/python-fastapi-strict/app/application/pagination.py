"""Offset and keyset pagination of users_pagination."""

from __future__ import annotations

from app.domain.entities import CursorPage, OffsetPage
from app.domain.repositories import UserPageRepository


class GetOffsetPage:
    def __init__(self, pages: UserPageRepository) -> None:
        self.pages = pages

    async def execute(self, page: int, size: int) -> OffsetPage:
        total = await self.pages.count()
        items = await self.pages.slice((page - 1) * size, size)
        return OffsetPage(items=items, total=total, page=page, size=size)


class GetCursorPage:
    def __init__(self, pages: UserPageRepository) -> None:
        self.pages = pages

    async def execute(self, cursor: int, size: int) -> CursorPage:
        rows = await self.pages.after(cursor, size + 1)  # the extra row only says "more follow"
        items = rows[:size]
        return CursorPage(items=items, next_cursor=items[-1].id if len(rows) > size else None, size=size)
