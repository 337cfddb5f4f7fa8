"""StrictJSONParser: request bodies parsed as strict JSON; anything else is DRF's ParseError (422).

DRF's JSONParser already refuses NaN and Infinity, but not what fails later with a 500: `1e999`
(read as infinity, which the strict renderer refuses to write), a lone surrogate escape such as
`"\\ud800"` (DRF's CharField refuses it, but inside echo's `data` it reaches the renderer, which
cannot encode it as UTF-8), nesting past Python's recursion limit (a RecursionError, which
JSONParser does not catch) or deep enough for the renderer to hit that limit. This parser refuses
all of them, and documents nested deeper than MAX_DEPTH, as JSON parse errors.
"""

import json
import math
import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding

#: The deepest nesting of arrays and objects a body may have.
MAX_DEPTH = 128
#: `\uD800`–`\uDFFF` escapes: only a body containing one can decode to a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _no_constant(token: str):
    raise ValueError(f"{token} is not valid JSON")


def _finite_float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise ValueError(f"number {token[:20]} is out of range")
    return value


def _encodable(document) -> bool:
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


def _too_deep(document) -> bool:
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


def parse_json(text: str):
    """`text` as strict JSON; ValueError for anything else."""
    try:
        document = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if _SURROGATE_ESCAPE.search(text) and not _encodable(document):
        raise ValueError("a lone surrogate escape is not Unicode text")
    # Fewer brackets than MAX_DEPTH cannot nest deeper: the walk is only for bodies with more.
    if text.count("[") + text.count("{") > MAX_DEPTH and _too_deep(document):
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    return document


class StrictJSONParser(JSONParser):
    """JSONParser with `parse_json`: every failure is a ParseError, which the handler makes 422."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        try:
            return parse_json(stream.read().decode(encoding))
        except ValueError as error:  # UnicodeDecodeError and JSONDecodeError included
            raise ParseError(f"JSON parse error - {str(error)[:200]}") from None
