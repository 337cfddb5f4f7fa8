"""Strict parameters: integers are decimal text only (`^-?\\d+$`), as @lab/contract's intParam.

DRF's IntegerField would also accept '1.0', ' 1', '+1' and '1_000', and an empty `?size=` would
silently fall back to the default; the contract answers all of these with 422.
"""

import re

from rest_framework import serializers
from rest_framework.fields import empty

INT_TEXT = re.compile(r"-?[0-9]+")  # ASCII digits only: Python's \d and int() accept "٣"

#: PostgreSQL `integer` bounds: an id outside them names no row.
PG_INT_MIN, PG_INT_MAX = -(2**31), 2**31 - 1

#: Bounds of a parameter the contract leaves open (JavaScript's safe integers, as the other
#: implementations): beyond them OFFSET arithmetic would overflow PostgreSQL's bigint.
SAFE_INT_MAX = 2**53 - 1


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
    """A JSON string field that refuses numbers (DRF's CharField would turn 5 into "5")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def parse_query(request, serializer_class: type[serializers.Serializer]) -> dict:
    """Validates `request.query_params` with `serializer_class`; invalid → ValidationError (422)."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def parse_path_int(value: str, name: str = "id") -> int:
    """A path segment as an integer; anything else is a ValidationError (422)."""
    if not INT_TEXT.fullmatch(value):
        raise serializers.ValidationError({name: ["A valid integer is required."]})
    return int(value)


def in_pg_int_range(value: int) -> bool:
    """True when `value` fits PostgreSQL's `integer` (ids outside it can name no row)."""
    return PG_INT_MIN <= value <= PG_INT_MAX


def int_param(*, min_value=None, max_value=None, default=None) -> StrictIntegerField:
    """A strict integer field; required when `default` is None; open bounds are the safe integers."""
    kwargs = {
        "min_value": -SAFE_INT_MAX if min_value is None else min_value,
        "max_value": SAFE_INT_MAX if max_value is None else max_value,
    }
    if default is None:
        return StrictIntegerField(required=True, **kwargs)
    return StrictIntegerField(default=default, **kwargs)


class LimitOffsetQuery(serializers.Serializer):
    """`limit` 1–100 (default 20), `offset` ≥ 0 (default 0): the N+1 endpoints."""

    limit = int_param(min_value=1, max_value=100, default=20)
    offset = int_param(min_value=0, default=0)


class OffsetPageQuery(serializers.Serializer):
    page = int_param(min_value=1, default=1)
    size = int_param(min_value=1, max_value=100, default=20)


class CursorPageQuery(serializers.Serializer):
    cursor = int_param(min_value=0, default=0)
    size = int_param(min_value=1, max_value=100, default=20)


class ColumnOverheadQuery(serializers.Serializer):
    limit = int_param(min_value=1, max_value=1000, default=100)


class BulkQuery(serializers.Serializer):
    count = int_param(min_value=1, max_value=10000, default=1000)


class DecrementQuery(serializers.Serializer):
    """`product_id` (any integer, unknown → 404) and `quantity` (PostgreSQL integer range)."""

    product_id = int_param(default=1)
    quantity = int_param(min_value=PG_INT_MIN, max_value=PG_INT_MAX, default=1)


class OptimisticDecrementQuery(DecrementQuery):
    max_retries = int_param(min_value=0, max_value=100, default=5)


class WarmupQuery(serializers.Serializer):
    count = int_param(min_value=1, max_value=1000, default=100)


class LoginQuery(serializers.Serializer):
    user_id = int_param()


class StatsQuery(serializers.Serializer):
    limit = int_param(min_value=1, max_value=100, default=10)


class FibonacciQuery(serializers.Serializer):
    n = int_param(min_value=1, max_value=40, default=32)


class SearchQuery(serializers.Serializer):
    """`q` 1–100 characters (required), `limit` 1–100 (default 20)."""

    q = StrictCharField(min_length=1, max_length=100)
    limit = int_param(min_value=1, max_value=100, default=20)
