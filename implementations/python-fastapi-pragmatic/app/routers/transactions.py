"""Stock decrements under four concurrency-control strategies (products)."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from app.db import Session, fits_int4
from app.models import Product
from app.params import MAX_ID, MAX_QUANTITY, IntText
from app.timing import elapsed_ms

router = APIRouter(prefix="/transactions")

ProductId = Annotated[IntText, Query(ge=1, le=MAX_ID)]
Quantity = Annotated[IntText, Query(ge=1, le=MAX_QUANTITY)]
#: SQLSTATEs of a failed SERIALIZABLE transaction: serialization_failure, deadlock_detected.
SERIALIZATION_FAILURES = {"40001", "40P01"}


def _result(method: str, product_id: int, old: int, new: int, started: float, retries: int = 0, error: str | None = None) -> dict[str, Any]:
    return {
        "success": error is None,
        "method": method,
        "product_id": product_id,
        "old_stock": old,
        "new_stock": new,
        "retries": retries,
        "elapsed_ms": elapsed_ms(started),
        "error": error,
    }


def _driver_message(error: DBAPIError) -> str:
    """asyncpg's own message (SQLAlchemy's adapter exception wraps it as __cause__)."""
    cause = error.orig.__cause__ if error.orig is not None else None
    return str(cause or error.orig)


def _by_id(product_id: int):
    return select(Product).where(Product.id == product_id).execution_options(populate_existing=True)


def _require(product: Product | None) -> Product:
    if product is None:
        raise HTTPException(404, "Product not found")
    return product


async def _decremented(session: Session, old: int, quantity: int) -> int:
    """old - quantity. A stock PostgreSQL's integer cannot hold is a 422 and nothing is written:
    the transaction is rolled back (releasing a FOR UPDATE lock) before any UPDATE."""
    new = old - quantity
    if not fits_int4(new):
        await session.rollback()
        raise HTTPException(422, "Stock out of range")
    return new


@router.get("/products/{id}")
async def get_product(id: Annotated[IntText, Path(ge=1, le=MAX_ID)], session: Session) -> dict[str, Any]:
    p = _require(await session.scalar(_by_id(id)))
    return {"id": p.id, "name": p.name, "stock": p.stock, "version": p.version, "updated_at": p.updated_at}


@router.post("/reset")
async def reset(session: Session) -> dict[str, str]:
    await session.execute(update(Product).values(stock=1000, version=0))  # updated_at by onupdate
    await session.commit()
    return {"message": "All stocks reset to 1000"}


@router.post("/decrement/no-lock")
async def no_lock(session: Session, product_id: ProductId = 1, quantity: Quantity = 1) -> dict[str, Any]:
    started = time.perf_counter()
    product = _require(await session.scalar(_by_id(product_id)))
    old = product.stock
    product.stock = await _decremented(session, old, quantity)  # the absolute value, computed here: lost updates
    await session.commit()
    return _result("no-lock", product_id, old, product.stock, started)


@router.post("/decrement/pessimistic")
async def pessimistic(session: Session, product_id: ProductId = 1, quantity: Quantity = 1) -> dict[str, Any]:
    started = time.perf_counter()
    product = _require(await session.scalar(_by_id(product_id).with_for_update()))
    old = product.stock
    product.stock = await _decremented(session, old, quantity)
    await session.commit()  # releases the row lock
    return _result("pessimistic", product_id, old, product.stock, started)


@router.post("/decrement/optimistic")
async def optimistic(
    session: Session,
    product_id: ProductId = 1,
    quantity: Quantity = 1,
    max_retries: Annotated[IntText, Query(ge=0, le=100)] = 5,
) -> dict[str, Any]:
    started = time.perf_counter()
    old = 0
    for attempt in range(max_retries + 1):  # no back-off between attempts
        product = _require(await session.scalar(_by_id(product_id)))
        old, version = product.stock, product.version
        new = await _decremented(session, old, quantity)
        result = await session.execute(
            update(Product).where(Product.id == product_id, Product.version == version).values(stock=new, version=version + 1),
            execution_options={"synchronize_session": False},
        )
        if result.rowcount == 1:
            await session.commit()
            return _result("optimistic", product_id, old, new, started, retries=attempt)
        await session.rollback()
    return _result("optimistic", product_id, old, old, started, retries=max_retries, error="Max retries exceeded")


@router.post("/decrement/serializable")
async def serializable(session: Session, product_id: ProductId = 1, quantity: Quantity = 1) -> dict[str, Any]:
    started = time.perf_counter()
    await session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
    try:
        product = _require(await session.scalar(_by_id(product_id)))
        old = product.stock
        product.stock = await _decremented(session, old, quantity)
        await session.commit()
    except DBAPIError as error:
        await session.rollback()
        if getattr(error.orig, "sqlstate", None) not in SERIALIZATION_FAILURES:
            raise
        return _result("serializable", product_id, 0, 0, started, error=_driver_message(error))
    return _result("serializable", product_id, old, product.stock, started)
