"""Strict JSON bodies (app/strict_json.py) and the stock range of a decrement."""

import json

import pytest
from fastapi import HTTPException

from app.routers.transactions import _decremented
from app.strict_json import MAX_DEPTH, parse_json


@pytest.mark.parametrize(
    ("body", "document"),
    [
        (b'{"message": "m", "data": null}', {"message": "m", "data": None}),
        (b'{"a": "\\ud83d\\ude00"}', {"a": "\U0001f600"}),  # a surrogate pair is one character
        (b'{"a": 1e308, "b": -0.5, "c": 12345678901234567890}', {"a": 1e308, "b": -0.5, "c": 12345678901234567890}),
        (b'{"a": "\\u0000"}', {"a": "\x00"}),  # valid JSON; the fields that reach the database refuse it
    ],
)
def test_parses_json(body, document):
    assert parse_json(body) == document


def test_nesting_up_to_max_depth_parses():
    assert parse_json(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) == json.loads(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": 1',
        b"",
        b'{"a": "\xff"}',
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b'{"a": -Infinity}',
        b'{"a": 1e999}',
        b'{"a": ' + b"9" * 5000 + b"}",
        b'{"a": "\\ud800"}',
        b'{"\\udfff": 1}',
        b'["\\ud83d"]',
        b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1),
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_refuses_what_is_not_strict_json(body):
    with pytest.raises(json.JSONDecodeError):
        parse_json(body)


class RecordingSession:
    rolled_back = False

    async def rollback(self) -> None:
        self.rolled_back = True


async def test_a_decrement_below_the_integer_range_is_422_and_rolled_back():
    session = RecordingSession()
    assert await _decremented(session, -2147483000, 648) == -2147483648  # type: ignore[arg-type]
    assert not session.rolled_back
    with pytest.raises(HTTPException) as refused:
        await _decremented(session, -2147483000, 649)  # type: ignore[arg-type]
    assert (refused.value.status_code, refused.value.detail) == (422, "Stock out of range")
    assert session.rolled_back
