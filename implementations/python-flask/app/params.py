"""Strict request input: integers from URL text, bounded strings, JSON object bodies.

Every rule answers 422 `{"detail": "<what is wrong>"}` before anything reaches the database:

- Integers are decimal text only (`-?[0-9]+`, the contract's intParam): `1.0`, `+1`, ` 1`,
  `1_000` and `١` are rejected although Python's `int()` would take most of them.
- Every integer has the contract's bounds, values the database can hold: row ids, `user_id` and
  `product_id` 1–2147483647 (PostgreSQL `integer`), `cursor` 0–2147483647, `page` and the N+1
  `offset` at most 1,000,000 (MAX_OFFSET), `quantity` 1–1000, fibonacci `n` 1–30; a parameter
  without narrower bounds still has to fit `integer` (psycopg would send a bigger value as a
  bigint or numeric).
- Strings must not hold NUL (PostgreSQL text cannot store it) or lone surrogates (they cannot
  be encoded as UTF-8): `{"name": "\\u0000"}` or `?q=%00` is a 422, never a driver error.
- JSON bodies must parse, be objects and hold no NaN/Infinity (not JSON; they could not be
  rendered back).
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import request

from app.errors import invalid

#: PostgreSQL's `integer` range.
INT4_MIN, INT4_MAX = -(2**31), 2**31 - 1
#: The deepest `page` of /users/offset and `offset` of the N+1 endpoints.
MAX_OFFSET = 1_000_000

_INT_TEXT = re.compile(r"-?[0-9]+")
#: More digits than any int4 has (10) plus leading zeros: refused before int() sees them.
_MAX_INT_DIGITS = 20
_MISSING: Any = object()


def fits_int4(value: int) -> bool:
    return INT4_MIN <= value <= INT4_MAX


def parse_int(name: str, raw: str, lo: int | None = None, hi: int | None = None) -> int:
    """`raw` as an integer in [lo, hi] (each default: PostgreSQL's integer bounds), else 422."""
    if not _INT_TEXT.fullmatch(raw) or len(raw) > _MAX_INT_DIGITS:
        raise invalid(f"{name}: must be an integer")
    value = int(raw)
    low = INT4_MIN if lo is None else lo
    high = INT4_MAX if hi is None else hi
    if not low <= value <= high:
        raise invalid(f"{name}: must be between {low} and {high}")
    return value


def path_int(name: str, raw: str) -> int:
    """A path id (`/users/{id}`): a row id, 1 to PostgreSQL's integer maximum."""
    return parse_int(name, raw, 1)


def query_id(name: str, default: int | None = None) -> int:
    """A row id in the query (`user_id`, `product_id`): 1 to PostgreSQL's integer maximum."""
    return query_int(name, default, 1)


def query_int(name: str, default: int | None = None, lo: int | None = None, hi: int | None = None) -> int:
    """A query integer; absent → `default` (required when there is none). `?x=` is a 422."""
    raw = request.args.get(name)
    if raw is None:
        if default is None:
            raise invalid(f"{name}: field required")
        return default
    return parse_int(name, raw, lo, hi)


def check_text(name: str, value: str) -> str:
    """Refuses NUL characters and lone surrogates (see the module docstring)."""
    if "\x00" in value:
        raise invalid(f"{name}: must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid(f"{name}: must be valid Unicode text") from None
    return value


def query_text(name: str, min_length: int, max_length: int) -> str:
    """A required query string of min_length..max_length characters."""
    raw = request.args.get(name)
    if raw is None:
        raise invalid(f"{name}: field required")
    if not min_length <= len(raw) <= max_length:
        raise invalid(f"{name}: length must be between {min_length} and {max_length}")
    return check_text(name, raw)


def _no_constants(token: str) -> Any:
    raise ValueError(f"{token} is not valid JSON")


def _finite_float(token: str) -> float:
    value = float(token)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {token[:20]} is out of range")
    return value


def parse_json(data: bytes) -> Any:
    """Strict JSON: NaN, Infinity and overflowing numbers are errors (ValueError)."""
    return json.loads(data, parse_constant=_no_constants, parse_float=_finite_float)


def _is_json_media_type(content_type: str | None) -> bool:
    if not content_type:
        return True  # no Content-Type: read as JSON
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def json_object() -> dict[str, Any]:
    """The request body as a JSON object, or 422 (wrong media type, malformed, not an object)."""
    if not _is_json_media_type(request.headers.get("Content-Type")):
        raise invalid("Content-Type must be application/json")
    try:
        body = parse_json(request.get_data(cache=False))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise invalid(f"Invalid JSON body: {str(error)[:200]}") from None
    if not isinstance(body, dict):
        raise invalid("Body must be a JSON object")
    return body


def body_text(body: dict[str, Any], name: str, *, required: bool, min_length: int = 0, max_length: int, contains: str | None = None) -> str | None:
    """A string field of a JSON body: absent → None (or 422 when required); present, it must be
    a string (not a number, not null) within the bounds."""
    value = body.get(name, _MISSING)
    if value is _MISSING:
        if required:
            raise invalid(f"{name}: field required")
        return None
    if not isinstance(value, str):
        raise invalid(f"{name}: must be a string")
    if not min_length <= len(value) <= max_length:
        raise invalid(f"{name}: length must be between {min_length} and {max_length}")
    if contains is not None and contains not in value:
        raise invalid(f"{name}: must contain {contains!r}")
    return check_text(name, value)
