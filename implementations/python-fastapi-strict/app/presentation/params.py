"""Strict integer parameters: URL text must be `-?[0-9]+` (as the contract's intParam), so
'1.0', '+1', ' 1' and '1_000' — which Pydantic's lax int would accept — are 422s too."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_INT_TEXT = re.compile(r"-?[0-9]+")


def _int_text(value: Any) -> Any:
    if isinstance(value, str) and not _INT_TEXT.fullmatch(value):
        raise ValueError("must be an integer")
    return value


#: An int parsed strictly from its URL text; combine with Query(ge=…, le=…) or Path().
IntText = Annotated[int, BeforeValidator(_int_text)]
