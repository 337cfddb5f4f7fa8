"""StrictJsonRoute: request bodies parsed as strict JSON, so that every body that does not parse
is FastAPI's 422 `json_invalid` — never a 400 or a 500.

Starlette's `Request.json()` is plain `json.loads`, which accepts `NaN` and `Infinity` (not JSON),
reads `1e999` as infinity (which cannot be rendered back), and lets a lone surrogate escape such
as `"\\ud800"` through (it cannot be encoded as UTF-8: the driver or the response would fail on
it). FastAPI answers its remaining failures — bytes that are not UTF-8, nesting past Python's
recursion limit, an integer of more than 4300 digits — with a 400, and a document nested
deeper than Pydantic serialises (255 levels) would parse but fail as a response. The route's
request parses strictly, refuses documents nested deeper than MAX_DEPTH, and reports each of these
as a `json.JSONDecodeError`, which FastAPI turns into 422.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

#: The deepest nesting of arrays and objects a body may have.
MAX_DEPTH = 128
#: `\uD800`–`\uDFFF` escapes: only a body containing one can decode to a lone surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _no_constant(token: str) -> Any:
    raise ValueError(f"{token} is not valid JSON")


def _finite_float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise ValueError(f"number {token[:20]} is out of range")
    return value


def _encodable(document: Any) -> bool:
    """True when every string of a parsed document, keys included, can be encoded as UTF-8."""
    pending = [document]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return True


def _too_deep(document: Any) -> bool:
    """True when arrays and objects nest deeper than MAX_DEPTH."""
    pending = [(document, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return False


def parse_json(body: bytes) -> Any:
    """The body as strict JSON; `json.JSONDecodeError` for anything else."""
    try:
        document = json.loads(body, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise json.JSONDecodeError(str(error)[:200], "", 0) from None
    if _SURROGATE_ESCAPE.search(body) and not _encodable(document):
        raise json.JSONDecodeError("a lone surrogate escape is not Unicode text", "", 0)
    # Fewer brackets than MAX_DEPTH cannot nest deeper: the walk is only for bodies with more.
    if body.count(b"[") + body.count(b"{") > MAX_DEPTH and _too_deep(document):
        raise json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", "", 0)
    return document


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = parse_json(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    """An APIRoute whose handler reads JSON bodies with `parse_json`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_json_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_json_handler
