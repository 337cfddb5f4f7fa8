"""products."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import Product
from app.infrastructure.database.engine import fits_int4
from app.infrastructure.database.models import ProductModel


def to_product(r: ProductModel) -> Product:
    return Product(r.id, r.name, r.stock, r.version, r.updated_at)


class SqlAlchemyProductRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # The identity map holds rows weakly: keep the rows behind the entities handed out, so
        # save_stock updates them without a second SELECT.
        self._rows: dict[int, ProductModel] = {}

    def _by_id(self, product_id: int):
        return select(ProductModel).where(ProductModel.id == product_id).execution_options(populate_existing=True)

    async def _one(self, query) -> Product | None:
        row = await self.session.scalar(query)
        if row is None:
            return None
        self._rows[row.id] = row
        return to_product(row)

    async def get(self, product_id: int) -> Product | None:
        return await self._one(self._by_id(product_id)) if fits_int4(product_id) else None

    async def get_for_update(self, product_id: int) -> Product | None:
        return await self._one(self._by_id(product_id).with_for_update()) if fits_int4(product_id) else None

    async def save_stock(self, product: Product) -> None:
        row = self._rows.get(product.id) or await self.session.get(ProductModel, product.id)
        assert row is not None
        row.stock = product.stock  # UPDATE … SET stock=<absolute>, flushed by the commit

    async def compare_and_set(self, product_id: int, expected_version: int, stock: int) -> bool:
        result = await self.session.execute(
            update(ProductModel)
            .where(ProductModel.id == product_id, ProductModel.version == expected_version)
            .values(stock=stock, version=expected_version + 1),
            execution_options={"synchronize_session": False},
        )
        return result.rowcount == 1

    async def reset_all(self, stock: int) -> None:
        await self.session.execute(update(ProductModel).values(stock=stock, version=0))  # updated_at by onupdate
