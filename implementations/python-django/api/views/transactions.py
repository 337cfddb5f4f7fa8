"""Lock strategies (scenario 13) on `products`. Failed attempts are HTTP 200, success:false."""

import time

from django.db import OperationalError, connection, transaction
from django.db.models.functions import Now
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from api.exceptions import Unprocessable
from api.models import Product
from api.params import DecrementQuery, OptimisticDecrementQuery, in_pg_int_range, parse_path_int, parse_query
from api.serializers import ProductSerializer

SERIALIZATION_FAILURE = "40001"


def product_not_found() -> NotFound:
    return NotFound("Product not found")


def get_product(pk: int, queryset=None) -> Product:
    """The product or a 404."""
    queryset = Product.objects if queryset is None else queryset
    try:
        return queryset.get(pk=pk)
    except Product.DoesNotExist:
        raise product_not_found() from None


def new_stock(old: int, quantity: int) -> int:
    """old - quantity (no floor: the contract sets none). A stock the `integer` column cannot
    hold is a 422 raised before anything is written (inside `atomic()` it rolls back)."""
    stock = old - quantity
    if not in_pg_int_range(stock):
        raise Unprocessable("Stock out of range")
    return stock


def decrement_no_lock(product_id: int, quantity: int, **_) -> dict:
    """Read, compute in Python, `save()` the absolute value: autocommit, lost updates by design."""
    product = get_product(product_id)
    old = product.stock
    product.stock = new_stock(old, quantity)
    product.save(update_fields=["stock", "updated_at"])
    return {"success": True, "old_stock": old, "new_stock": product.stock}


def decrement_pessimistic(product_id: int, quantity: int, **_) -> dict:
    """`SELECT … FOR UPDATE` inside `atomic()`: concurrent callers queue on the row lock."""
    with transaction.atomic():
        product = get_product(product_id, Product.objects.select_for_update())
        old = product.stock
        product.stock = new_stock(old, quantity)
        product.save(update_fields=["stock", "updated_at"])
    return {"success": True, "old_stock": old, "new_stock": product.stock}


def decrement_optimistic(product_id: int, quantity: int, max_retries: int = 5, **_) -> dict:
    """Read (stock, version); `UPDATE … WHERE id AND version` via `update()`; 0 rows → retry at
    once. Up to 1 + max_retries attempts, each statement autocommitted."""
    old = 0
    for attempt in range(max_retries + 1):
        product = get_product(product_id)
        old = product.stock
        stock = new_stock(old, quantity)
        updated = Product.objects.filter(pk=product_id, version=product.version).update(stock=stock, version=product.version + 1, updated_at=Now())
        if updated:
            return {"success": True, "old_stock": old, "new_stock": stock, "retries": attempt}
    return {"success": False, "old_stock": old, "new_stock": old, "retries": max_retries, "error": "Max retries exceeded"}


def decrement_serializable(product_id: int, quantity: int, **_) -> dict:
    """`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE` first in `atomic()`, then read and write.
    A serialization failure (SQLSTATE 40001) is reported, not retried."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
            product = get_product(product_id)
            old = product.stock
            product.stock = new_stock(old, quantity)
            product.save(update_fields=["stock", "updated_at"])
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != SERIALIZATION_FAILURE:
            raise
        return {"success": False, "old_stock": 0, "new_stock": 0, "error": str(error.__cause__)}
    return {"success": True, "old_stock": old, "new_stock": product.stock}


STRATEGIES = {
    "no-lock": (decrement_no_lock, DecrementQuery),
    "pessimistic": (decrement_pessimistic, DecrementQuery),
    "optimistic": (decrement_optimistic, OptimisticDecrementQuery),
    "serializable": (decrement_serializable, DecrementQuery),
}


class DecrementView(APIView):
    """POST /transactions/decrement/<method>?product_id=&quantity= → the TransactionResult."""

    method = None

    def post(self, request):
        strategy, query = STRATEGIES[self.method]
        params = parse_query(request, query)
        started = time.perf_counter()
        outcome = strategy(**params)
        elapsed_ms = (time.perf_counter() - started) * 1000
        return Response(
            {
                "success": outcome["success"],
                "method": self.method,
                "product_id": params["product_id"],
                "old_stock": outcome["old_stock"],
                "new_stock": outcome["new_stock"],
                "retries": outcome.get("retries", 0),
                "elapsed_ms": round(elapsed_ms, 3),
                "error": outcome.get("error"),
            }
        )


class ProductView(APIView):
    """GET /transactions/products/{id}."""

    def get(self, request, pk):
        return Response(ProductSerializer(get_product(parse_path_int(pk))).data)


class ResetView(APIView):
    """`UPDATE products SET stock = 1000, version = 0, updated_at = NOW()`."""

    def post(self, request):
        Product.objects.update(stock=1000, version=0, updated_at=Now())
        return Response({"message": "All stocks reset to 1000"})
