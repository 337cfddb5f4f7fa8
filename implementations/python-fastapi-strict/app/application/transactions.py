"""Stock decrements under four concurrency-control strategies."""

from __future__ import annotations

from app.application.timing import elapsed_ms, start
from app.domain.entities import DecrementResult, Product
from app.domain.errors import ProductNotFound, SerializationFailure, StockOutOfRange
from app.domain.repositories import ProductRepository, TransactionManager


def _found(product: Product | None) -> Product:
    if product is None:
        raise ProductNotFound()
    return product


class GetProduct:
    def __init__(self, products: ProductRepository) -> None:
        self.products = products

    async def execute(self, product_id: int) -> Product:
        return _found(await self.products.get(product_id))


class ResetStocks:
    def __init__(self, products: ProductRepository, tx: TransactionManager) -> None:
        self.products, self.tx = products, tx

    async def execute(self) -> None:
        await self.products.reset_all(1000)
        await self.tx.commit()


class DecrementStock:
    def __init__(self, products: ProductRepository, tx: TransactionManager) -> None:
        self.products, self.tx = products, tx

    async def _decrement(self, product: Product, quantity: int) -> None:
        """product.decrement; when the stock would leave its range the transaction is rolled
        back (nothing was written; a row lock is released) and StockOutOfRange propagates."""
        try:
            product.decrement(quantity)
        except StockOutOfRange:
            await self.tx.rollback()
            raise

    def _ok(self, method: str, product_id: int, old: int, new: int, started: float, retries: int = 0) -> DecrementResult:
        return DecrementResult(True, method, product_id, old, new, retries, elapsed_ms(started), None)

    async def no_lock(self, product_id: int, quantity: int) -> DecrementResult:
        """Read, compute here, write the absolute value: concurrent calls lose updates."""
        started = start()
        product = _found(await self.products.get(product_id))
        old = product.stock
        await self._decrement(product, quantity)
        await self.products.save_stock(product)
        await self.tx.commit()
        return self._ok("no-lock", product_id, old, product.stock, started)

    async def pessimistic(self, product_id: int, quantity: int) -> DecrementResult:
        started = start()
        product = _found(await self.products.get_for_update(product_id))
        old = product.stock
        await self._decrement(product, quantity)
        await self.products.save_stock(product)
        await self.tx.commit()
        return self._ok("pessimistic", product_id, old, product.stock, started)

    async def optimistic(self, product_id: int, quantity: int, max_retries: int) -> DecrementResult:
        """Compare-and-set on the version; retried at once (no back-off) up to max_retries times."""
        started = start()
        old = 0
        for attempt in range(max_retries + 1):
            product = _found(await self.products.get(product_id))
            old = product.stock
            await self._decrement(product, quantity)
            if await self.products.compare_and_set(product_id, product.version, product.stock):
                await self.tx.commit()
                return self._ok("optimistic", product_id, old, product.stock, started, retries=attempt)
            await self.tx.rollback()
        return DecrementResult(False, "optimistic", product_id, old, old, max_retries, elapsed_ms(started), "Max retries exceeded")

    async def serializable(self, product_id: int, quantity: int) -> DecrementResult:
        """SERIALIZABLE transaction; a serialization failure is reported, never retried."""
        started = start()
        await self.tx.begin_serializable()
        try:
            product = _found(await self.products.get(product_id))
            old = product.stock
            await self._decrement(product, quantity)
            await self.products.save_stock(product)
            await self.tx.commit()
        except SerializationFailure as failure:
            await self.tx.rollback()
            return DecrementResult(False, "serializable", product_id, 0, 0, 0, elapsed_ms(started), failure.detail)
        return self._ok("serializable", product_id, old, product.stock, started)
