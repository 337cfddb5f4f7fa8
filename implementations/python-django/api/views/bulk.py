"""Bulk operations (scenario 12) on `bulk_items`: rows `name='item_<i>'`, `value=i`."""

import time

from django.db import connection, transaction
from rest_framework.response import Response
from rest_framework.views import APIView

from api.models import BulkItem
from api.params import BulkQuery, parse_query

#: Rows per INSERT statement of `bulk_create` (3 parameters each; 10,000 rows → 10 statements).
BATCH_SIZE = 1000


def insert_individual(count: int) -> None:
    """`count` × `save()` in autocommit: one `INSERT … RETURNING` and one commit per row."""
    for i in range(count):
        BulkItem(name=f"item_{i}", value=i).save()


def insert_batch(count: int) -> None:
    """`bulk_create(batch_size=1000)` inside one transaction: multi-row INSERTs, one COMMIT."""
    items = [BulkItem(name=f"item_{i}", value=i) for i in range(count)]
    with transaction.atomic():
        BulkItem.objects.bulk_create(items, batch_size=BATCH_SIZE)


def raw_insert_sql(count: int) -> str:
    """One literal multi-row INSERT; the values are generated integers, nothing user-supplied."""
    values = ",".join(f"('item_{i}',{i},NOW())" for i in range(count))
    return f"INSERT INTO bulk_items (name, value, created_at) VALUES {values}"


def insert_raw(count: int) -> None:
    """One multi-row INSERT through a cursor, autocommitted."""
    with connection.cursor() as cursor:
        cursor.execute(raw_insert_sql(count))


def update_individual(count: int) -> None:
    """`UPDATE bulk_items SET value = <id*10> WHERE id = <id>` per id 1..count, each autocommitted."""
    for pk in range(1, count + 1):
        BulkItem.objects.filter(pk=pk).update(value=pk * 10)


def update_bulk(count: int) -> None:
    """`bulk_update`: one `UPDATE … SET value = CASE WHEN id=1 THEN 10 … END WHERE id IN (…)`."""
    items = [BulkItem(pk=pk, value=pk * 10) for pk in range(1, count + 1)]
    BulkItem.objects.bulk_update(items, ["value"], batch_size=None)


OPERATIONS = {
    "insert-individual": insert_individual,
    "insert-batch": insert_batch,
    "insert-raw": insert_raw,
    "update-individual": update_individual,
    "update-bulk": update_bulk,
}


class BulkOperationView(APIView):
    """POST /bulk-operations/<operation>?count= → `{operation, count, elapsed_ms}`."""

    operation = None

    def post(self, request):
        count = parse_query(request, BulkQuery)["count"]
        started = time.perf_counter()
        OPERATIONS[self.operation](count)
        elapsed_ms = (time.perf_counter() - started) * 1000
        return Response({"operation": self.operation, "count": count, "elapsed_ms": round(elapsed_ms, 3)})


class CleanupView(APIView):
    """`TRUNCATE bulk_items RESTART IDENTITY`."""

    def delete(self, request):
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE bulk_items RESTART IDENTITY")
        return Response({"message": "Table truncated"})
