"""Strict JSON bodies (app/presentation/strict_json.py)."""

import json

import pytest

from app.presentation.strict_json import MAX_DEPTH, parse_json


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
