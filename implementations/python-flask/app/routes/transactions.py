"""Stock decrements under four concurrency-control strategies (products)."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint
from sqlalchemy import Select, select, update
from sqlalchemy.exc import DBAPIError

from app.db import db
from app.errors import ApiError, invalid
from app.models import Product
from app.params import fits_int4, path_int, query_id, query_int
from app.timing import elapsed_ms

bp = Blueprint("transactions", __name__, url_prefix="/transactions")

#: The most one decrement may subtract.
MAX_QUANTITY = 1000
#: SQLSTATEs of a failed SERIALIZABLE transaction: serialization_failure, deadlock_detected.
SERIALIZATION_FAILURES = frozenset({"40001", "40P01"})


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


def _by_id(product_id: int) -> Select[tuple[Product]]:
    # populate_existing: a re-read in the same session (optimistic retries) sees fresh values.
    return select(Product).where(Product.id == product_id).execution_options(populate_existing=True)


def _require(product: Product | None) -> Product:
    if product is None:
        raise ApiError(404, "Product not found")
    return product


def _new_stock(old: int, quantity: int) -> int:
    """old - quantity, which must still fit the integer column (the contract sets no floor):
    otherwise 422, rolled back before any UPDATE (releasing a FOR UPDATE lock)."""
    new = old - quantity
    if not fits_int4(new):
        db().rollback()
        raise invalid("Stock out of range")
    return new


def _decrement_params() -> tuple[int, int]:
    return query_id("product_id", 1), query_int("quantity", 1, 1, MAX_QUANTITY)


@bp.get("/products/<id>")
def get_product(id: str) -> dict[str, Any]:
    p = _require(db().scalar(_by_id(path_int("id", id))))
    return {"id": p.id, "name": p.name, "stock": p.stock, "version": p.version, "updated_at": p.updated_at}


@bp.post("/reset")
def reset() -> dict[str, str]:
    session = db()
    session.execute(update(Product).values(stock=1000, version=0))  # updated_at by onupdate
    session.commit()
    return {"message": "All stocks reset to 1000"}


@bp.post("/decrement/no-lock")
def no_lock() -> dict[str, Any]:
    product_id, quantity = _decrement_params()
    started = time.perf_counter()
    session = db()
    product = _require(session.scalar(_by_id(product_id)))
    old = product.stock
    product.stock = _new_stock(old, quantity)  # the absolute value, computed here: lost updates
    session.commit()
    return _result("no-lock", product_id, old, product.stock, started)


@bp.post("/decrement/pessimistic")
def pessimistic() -> dict[str, Any]:
    product_id, quantity = _decrement_params()
    started = time.perf_counter()
    session = db()
    product = _require(session.scalar(_by_id(product_id).with_for_update()))  # SELECT … FOR UPDATE
    old = product.stock
    product.stock = _new_stock(old, quantity)
    session.commit()  # releases the row lock
    return _result("pessimistic", product_id, old, product.stock, started)


@bp.post("/decrement/optimistic")
def optimistic() -> dict[str, Any]:
    product_id, quantity = _decrement_params()
    max_retries = query_int("max_retries", 5, 0, 100)
    started = time.perf_counter()
    session = db()
    old = 0
    for attempt in range(max_retries + 1):  # no back-off between attempts
        product = _require(session.scalar(_by_id(product_id)))
        old, version = product.stock, product.version
        new = _new_stock(old, quantity)
        result = session.execute(
            update(Product).where(Product.id == product_id, Product.version == version).values(stock=new, version=version + 1),
            execution_options={"synchronize_session": False},
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            session.commit()
            return _result("optimistic", product_id, old, new, started, retries=attempt)
        session.rollback()  # another writer got there first: read again
    return _result("optimistic", product_id, old, old, started, retries=max_retries, error="Max retries exceeded")


@bp.post("/decrement/serializable")
def serializable() -> dict[str, Any]:
    product_id, quantity = _decrement_params()
    started = time.perf_counter()
    session = db()
    # Before any statement: psycopg begins this transaction with BEGIN ISOLATION LEVEL SERIALIZABLE
    # (SQLAlchemy restores the connection's default level when it goes back to the pool).
    session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
    try:
        product = _require(session.scalar(_by_id(product_id)))
        old = product.stock
        product.stock = _new_stock(old, quantity)
        session.commit()
    except DBAPIError as error:
        session.rollback()
        if getattr(error.orig, "sqlstate", None) not in SERIALIZATION_FAILURES:
            raise
        # Reported, not retried (the contract): success false, stocks 0, PostgreSQL's message.
        return _result("serializable", product_id, 0, 0, started, error=str(error.orig))
    return _result("serializable", product_id, old, product.stock, started)
