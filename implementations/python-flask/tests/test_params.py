"""Strict integers, texts and JSON bodies (app/params.py)."""

import pytest

from app.errors import ApiError
from app.params import INT4_MAX, INT4_MIN, check_text, parse_int, parse_json


@pytest.mark.parametrize("text", ["1", "-3", "0", "0042", "2147483647", "-2147483648"])
def test_decimal_integers_in_range(text):
    assert parse_int("x", text) == int(text)


@pytest.mark.parametrize("text", ["", "1.0", "1.5", "+1", " 1", "1 ", "1_000", "x", "1e3", "0x10", "١", "９", "-", "--1", "1,2", "9" * 4000])
def test_anything_else_is_422(text):
    with pytest.raises(ApiError) as caught:
        parse_int("x", text)
    assert caught.value.status == 422


@pytest.mark.parametrize("text", [str(INT4_MAX + 1), str(INT4_MIN - 1), "99999999999", "-99999999999", "0" * 25 + "1"])
def test_outside_postgresql_integer_is_422(text):
    with pytest.raises(ApiError) as caught:
        parse_int("id", text)
    assert caught.value.status == 422


def test_bounds_are_inclusive_and_never_clamped():
    assert parse_int("size", "100", 1, 100) == 100
    for text in ("0", "101"):
        with pytest.raises(ApiError, match="between 1 and 100"):
            parse_int("size", text, 1, 100)


@pytest.mark.parametrize("value", ["a\x00b", "\ud800", "x\udfff"])
def test_text_refuses_nul_and_lone_surrogates(value):
    with pytest.raises(ApiError) as caught:
        check_text("q", value)
    assert caught.value.status == 422


def test_text_accepts_unicode():
    assert check_text("q", "Zeppelin ☃ 😀 \\ % _") == "Zeppelin ☃ 😀 \\ % _"


@pytest.mark.parametrize("body", [b"NaN", b'{"a": Infinity}', b'{"a": -Infinity}', b'{"a": 1e999}', b"{", b"\xff", b"[" * 100_000])
def test_json_refuses_non_json_numbers_and_garbage(body):
    with pytest.raises((ValueError, RecursionError)):
        parse_json(body)


def test_json_keeps_ordinary_values():
    assert parse_json(b'{"a": 1.5, "b": [1, null, true], "c": "\\u00e9"}') == {"a": 1.5, "b": [1, None, True], "c": "é"}
