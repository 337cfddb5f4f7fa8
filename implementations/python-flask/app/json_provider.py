"""JSON rendering: compact, keys in insertion order, ISO 8601 timestamps.

Flask's default provider renders `datetime` and `date` as HTTP dates (`Wed, 01 Jan 2025
00:00:00 GMT`), `Decimal` as a string and sorts keys; the contract wants ISO 8601, numbers and
any key order.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from flask.json.provider import DefaultJSONProvider


def to_json(value: Any) -> Any:
    """`json.dumps`' `default`: the types rows hold that JSON has no literal for."""
    if isinstance(value, (datetime, date)):
        # Naive UTC timestamps (TIMESTAMP WITHOUT TIME ZONE) render without an offset.
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class JSONProvider(DefaultJSONProvider):
    """Flask's provider with the contract's renderings (see the module docstring)."""

    default = staticmethod(to_json)  # type: ignore[assignment]
    sort_keys = False
    compact = True
