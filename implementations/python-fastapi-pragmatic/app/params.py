"""Request parameters as the contract bounds them.

Integers: the URL text must be `-?[0-9]+` (as the contract's intParam), so '1.0', '+1', ' 1'
and '1_000' — which Pydantic's lax int would accept — are 422s too. Every integer parameter has
bounds the database can hold; combine `IntText` with Query/Path(ge=…, le=…) and these limits
(a value outside them is a 422 before any query, never clamped).

Text that reaches the database (`name`, `email`, `q`) must match STORABLE_TEXT: PostgreSQL's
text types cannot hold a NUL character.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from app.db import INT4_MAX

_INT_TEXT = re.compile(r"-?[0-9]+")


def _int_text(value: Any) -> Any:
    if isinstance(value, str) and not _INT_TEXT.fullmatch(value):
        raise ValueError("must be an integer")
    return value


#: An int parsed strictly from its URL text; combine with Query(ge=…, le=…) or Path().
IntText = Annotated[int, BeforeValidator(_int_text)]

#: The largest row id, cursor or user id: PostgreSQL's `integer`.
MAX_ID = INT4_MAX
#: The deepest `page` of /users/offset and `offset` of the N+1 endpoints.
MAX_OFFSET = 1_000_000
#: The most one decrement may subtract.
MAX_QUANTITY = 1000
#: The largest Fibonacci index (naive recursion of fib(30) takes a fraction of a second).
MAX_FIBONACCI_N = 30
#: A string without NUL (U+0000), which PostgreSQL's text types cannot store.
STORABLE_TEXT = r"^[^\x00]*$"
#: An email as the contract checks it: contains "@", and no NUL.
STORABLE_EMAIL = r"^[^\x00]*@[^\x00]*$"
