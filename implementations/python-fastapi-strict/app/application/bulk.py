"""Bulk inserts and updates; the use case owns the transaction boundaries."""

from __future__ import annotations

from app.application.timing import elapsed_ms, start
from app.domain.entities import BulkResult, bulk_items, bulk_value
from app.domain.repositories import BulkItemRepository, TransactionManager


class BulkOperations:
    def __init__(self, items: BulkItemRepository, tx: TransactionManager) -> None:
        self.items, self.tx = items, tx

    async def cleanup(self) -> None:
        await self.items.truncate()
        await self.tx.commit()

    async def insert_individual(self, count: int) -> BulkResult:
        started = start()
        for item in bulk_items(count):  # one INSERT and one COMMIT per row
            await self.items.add(item)
            await self.tx.commit()
        return BulkResult("insert-individual", count, elapsed_ms(started))

    async def insert_batch(self, count: int) -> BulkResult:
        started = start()
        await self.items.add_all(bulk_items(count))
        await self.tx.commit()
        return BulkResult("insert-batch", count, elapsed_ms(started))

    async def insert_raw(self, count: int) -> BulkResult:
        started = start()
        await self.items.insert_multirow(bulk_items(count))
        await self.tx.commit()
        return BulkResult("insert-raw", count, elapsed_ms(started))

    async def update_individual(self, count: int) -> BulkResult:
        started = start()
        for item_id in range(1, count + 1):  # one UPDATE and one COMMIT per id
            await self.items.set_value(item_id, bulk_value(item_id))
            await self.tx.commit()
        return BulkResult("update-individual", count, elapsed_ms(started))

    async def update_bulk(self, count: int) -> BulkResult:
        started = start()
        await self.items.set_values({i: bulk_value(i) for i in range(1, count + 1)})
        await self.tx.commit()
        return BulkResult("update-bulk", count, elapsed_ms(started))
