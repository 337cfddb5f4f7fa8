"""Strict parameters: integers are decimal text only (`^-?\\d+$`), as @lab/contract's intParam.

DRF's IntegerField would also accept '1.0', ' 1', '+1' and '1_000', and an empty `?size=` would
silently fall back to the default; the contract answers all of these with 422. Every integer has
the contract's bounds, values the database can hold: row ids 1–2147483647 (PostgreSQL
`integer`), `cursor` 0–2147483647, `page` and the N+1 `offset` at most 1,000,000, `quantity`
1–1000, fibonacci `n` 1–30. Outside them: 422 before any query, never clamped.
"""

import re

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers
from rest_framework.fields import empty

INT_TEXT = re.compile(r"-?[0-9]+")  # ASCII digits only: Python's \d and int() accept "٣"

#: PostgreSQL `integer` bounds: the range of every id (and of a product's stock).
PG_INT_MIN, PG_INT_MAX = -(2**31), 2**31 - 1

#: The deepest `page` of /users/offset and `offset` of the N+1 endpoints.
MAX_OFFSET = 1_000_000
#: The most one decrement may subtract.
MAX_QUANTITY = 1000
#: The largest Fibonacci index (naive recursion of fib(30) takes a fraction of a second).
MAX_FIBONACCI_N = 30


class StrictIntegerField(serializers.IntegerField):
    """An integer query parameter: decimal digits only; present-but-empty is invalid."""

    def get_value(self, dictionary):
        # A present key is always validated, even when empty (DRF would use the default).
        return dictionary[self.field_name] if self.field_name in dictionary else empty

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (isinstance(data, int) or (isinstance(data, str) and INT_TEXT.fullmatch(data))):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """A JSON string field that refuses numbers (DRF's CharField would turn 5 into "5").

    Like DRF's CharField it refuses NUL characters (PostgreSQL cannot store them) and lone
    surrogates; `allow_nul=True` keeps NUL for text that never reaches the database."""

    def __init__(self, *, allow_nul: bool = False, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        if allow_nul:
            self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def parse_query(request, serializer_class: type[serializers.Serializer]) -> dict:
    """Validates `request.query_params` with `serializer_class`; invalid → ValidationError (422)."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


#: A row id in a path: 1 to PG_INT_MAX.
_PATH_ID = StrictIntegerField(min_value=1, max_value=PG_INT_MAX)


def parse_path_int(value: str, name: str = "id") -> int:
    """A path segment as a row id (1–2147483647); anything else is a ValidationError (422)."""
    try:
        return _PATH_ID.run_validation(value)
    except serializers.ValidationError as error:
        raise serializers.ValidationError({name: error.detail}) from None


def in_pg_int_range(value: int) -> bool:
    """True when `value` fits PostgreSQL's `integer` (an id from a token may not; it names no row)."""
    return PG_INT_MIN <= value <= PG_INT_MAX


def int_param(*, min_value: int, max_value: int, default=None) -> StrictIntegerField:
    """A strict integer field within [min_value, max_value]; required when `default` is None."""
    if default is None:
        return StrictIntegerField(required=True, min_value=min_value, max_value=max_value)
    return StrictIntegerField(default=default, min_value=min_value, max_value=max_value)


class LimitOffsetQuery(serializers.Serializer):
    """`limit` 1–100 (default 20), `offset` 0–1,000,000 (default 0): the N+1 endpoints."""

    limit = int_param(min_value=1, max_value=100, default=20)
    offset = int_param(min_value=0, max_value=MAX_OFFSET, default=0)


class OffsetPageQuery(serializers.Serializer):
    page = int_param(min_value=1, max_value=MAX_OFFSET, default=1)
    size = int_param(min_value=1, max_value=100, default=20)


class CursorPageQuery(serializers.Serializer):
    cursor = int_param(min_value=0, max_value=PG_INT_MAX, default=0)
    size = int_param(min_value=1, max_value=100, default=20)


class ColumnOverheadQuery(serializers.Serializer):
    limit = int_param(min_value=1, max_value=1000, default=100)


class BulkQuery(serializers.Serializer):
    count = int_param(min_value=1, max_value=10000, default=1000)


class DecrementQuery(serializers.Serializer):
    """`product_id` (1–2147483647, unknown → 404) and `quantity` (1–1000)."""

    product_id = int_param(min_value=1, max_value=PG_INT_MAX, default=1)
    quantity = int_param(min_value=1, max_value=MAX_QUANTITY, default=1)


class OptimisticDecrementQuery(DecrementQuery):
    max_retries = int_param(min_value=0, max_value=100, default=5)


class WarmupQuery(serializers.Serializer):
    count = int_param(min_value=1, max_value=1000, default=100)


class LoginQuery(serializers.Serializer):
    user_id = int_param(min_value=1, max_value=PG_INT_MAX)


class StatsQuery(serializers.Serializer):
    limit = int_param(min_value=1, max_value=100, default=10)


class FibonacciQuery(serializers.Serializer):
    n = int_param(min_value=1, max_value=MAX_FIBONACCI_N, default=27)


class SearchQuery(serializers.Serializer):
    """`q` 1–100 characters (required; DRF's CharField refuses NUL, which PostgreSQL cannot
    store, and lone surrogates), `limit` 1–100 (default 20)."""

    q = StrictCharField(min_length=1, max_length=100)
    limit = int_param(min_value=1, max_value=100, default=20)
