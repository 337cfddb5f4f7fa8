"""Column overhead: the first rows of a table, every column."""

from __future__ import annotations

from typing import Any

from app.domain.repositories import ColumnRowsRepository


class GetFirstRows:
    def __init__(self, rows: ColumnRowsRepository) -> None:
        self.rows = rows

    async def execute(self, table: str, limit: int) -> list[Any]:
        return await self.rows.first_rows(table, limit)
