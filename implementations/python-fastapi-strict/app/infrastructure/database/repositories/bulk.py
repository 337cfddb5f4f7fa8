"""bulk_items."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import NewBulkItem
from app.infrastructure.database.models import BulkItemModel

_NO_SYNC = {"synchronize_session": False}


def insert_values_sql(items: Sequence[NewBulkItem]) -> str:
    """One literal multi-row INSERT. Names are checked to be item_<int> and values are ints,
    so nothing needs quoting."""
    for item in items:
        if not (item.name.startswith("item_") and item.name[5:].isdigit()) or not isinstance(item.value, int):
            raise ValueError(f"not a generated bulk item: {item!r}")
    values = ",".join(f"('{item.name}',{item.value},NOW())" for item in items)
    return f"INSERT INTO bulk_items (name, value, created_at) VALUES {values}"


class SqlAlchemyBulkItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def truncate(self) -> None:
        await self.session.execute(text("TRUNCATE TABLE bulk_items RESTART IDENTITY"))

    async def add(self, item: NewBulkItem) -> None:
        self.session.add(BulkItemModel(name=item.name, value=item.value))  # flushed by the commit

    async def add_all(self, items: Sequence[NewBulkItem]) -> None:
        # The unit of work flushes these as multi-row INSERT … RETURNING (insertmanyvalues).
        self.session.add_all([BulkItemModel(name=i.name, value=i.value) for i in items])

    async def insert_multirow(self, items: Sequence[NewBulkItem]) -> None:
        await self.session.execute(text(insert_values_sql(items)))

    async def set_value(self, item_id: int, value: int) -> None:
        await self.session.execute(update(BulkItemModel).where(BulkItemModel.id == item_id).values(value=value), execution_options=_NO_SYNC)

    async def set_values(self, values: dict[int, int]) -> None:
        await self.session.execute(
            update(BulkItemModel).where(BulkItemModel.id.in_(list(values))).values(value=case(values, value=BulkItemModel.id)),
            execution_options=_NO_SYNC,
        )
