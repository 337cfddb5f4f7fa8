"""Strict integer parameters (as @lab/contract's intParam) and the string rules of bodies."""

import pytest
from django.http import QueryDict
from rest_framework.exceptions import ValidationError

from api.params import (
    ColumnOverheadQuery,
    CursorPageQuery,
    DecrementQuery,
    FibonacciQuery,
    LimitOffsetQuery,
    LoginQuery,
    OffsetPageQuery,
    OptimisticDecrementQuery,
    SearchQuery,
    parse_path_int,
)
from api.serializers import EchoSerializer, UserSerializer


def validate(serializer_class, query: str):
    serializer = serializer_class(data=QueryDict(query))
    return serializer.validated_data if serializer.is_valid() else None


def test_defaults_apply_when_absent():
    assert validate(OffsetPageQuery, "") == {"page": 1, "size": 20}
    assert validate(CursorPageQuery, "") == {"cursor": 0, "size": 20}
    assert validate(OptimisticDecrementQuery, "") == {"product_id": 1, "quantity": 1, "max_retries": 5}


@pytest.mark.parametrize("text", ["1", "42", "100"])
def test_decimal_text_is_accepted(text):
    assert validate(OffsetPageQuery, f"size={text}")["size"] == int(text)


@pytest.mark.parametrize("text", ["", "x", "2.5", "1.0", " 1", "+1", "1_0", "0x10", "1e2", "\u0663"])
def test_anything_else_is_invalid(text):
    assert validate(OffsetPageQuery, f"size={text}") is None


@pytest.mark.parametrize(
    "serializer_class, query",
    [
        (OffsetPageQuery, "page=0"),
        (OffsetPageQuery, "size=0"),
        (OffsetPageQuery, "size=101"),
        (CursorPageQuery, "cursor=-1"),
        (ColumnOverheadQuery, "limit=1001"),
        (OptimisticDecrementQuery, "max_retries=101"),
        (OptimisticDecrementQuery, "max_retries=-1"),
        (DecrementQuery, "quantity=2147483648"),
        (OffsetPageQuery, "page=9007199254740992"),
        # The contract's bounds: what the database can hold, never clamped.
        (CursorPageQuery, "cursor=9544203041"),
        (CursorPageQuery, "cursor=2147483648"),
        (OffsetPageQuery, "page=1000001"),
        (LimitOffsetQuery, "offset=1000001"),
        (LimitOffsetQuery, "offset=1124773556684887293952"),
        (DecrementQuery, "product_id=3&quantity=-2147483647"),
        (DecrementQuery, "quantity=0"),
        (DecrementQuery, "quantity=1001"),
        (DecrementQuery, "product_id=0"),
        (DecrementQuery, "product_id=2147483648"),
        (LoginQuery, "user_id=4398046511105"),
        (LoginQuery, "user_id=0"),
        (LoginQuery, ""),
        (FibonacciQuery, "n=0"),
        (FibonacciQuery, "n=31"),
        (FibonacciQuery, "n=39"),
    ],
)
def test_out_of_range_is_invalid_never_clamped(serializer_class, query):
    assert validate(serializer_class, query) is None


@pytest.mark.parametrize(
    "serializer_class, query, expected",
    [
        (CursorPageQuery, "cursor=2147483647", {"cursor": 2147483647, "size": 20}),
        (OffsetPageQuery, "page=1000000", {"page": 1000000, "size": 20}),
        (LimitOffsetQuery, "offset=1000000", {"limit": 20, "offset": 1000000}),
        (DecrementQuery, "product_id=2147483647&quantity=1000", {"product_id": 2147483647, "quantity": 1000}),
        (LoginQuery, "user_id=2147483647", {"user_id": 2147483647}),
        (FibonacciQuery, "", {"n": 27}),
        (FibonacciQuery, "n=30", {"n": 30}),
    ],
)
def test_the_bounds_themselves_are_accepted(serializer_class, query, expected):
    assert validate(serializer_class, query) == expected


@pytest.mark.parametrize("segment, value", [("1", 1), ("2147483647", 2147483647)])
def test_path_ids_are_1_to_2147483647(segment, value):
    assert parse_path_int(segment) == value


@pytest.mark.parametrize("segment", ["abc", "1.5", "", "1e3", " 1", "\u0663", "0", "-3", "2147483648", "4398046511105", "9" * 2000])
def test_path_ids_must_be_row_ids(segment):
    with pytest.raises(ValidationError):
        parse_path_int(segment)


@pytest.mark.parametrize(
    "query, ok",
    [
        ("q=a", True),
        ("q=" + "x" * 100, True),
        ("q=", False),
        ("q=" + "x" * 101, False),
        ("", False),
        ("q=a&limit=0", False),
        ("q=a%00b", False),
        ("q=%00", False),  # NUL: PostgreSQL cannot store it
    ],
)
def test_search_q_is_1_to_100_characters(query, ok):
    assert (validate(SearchQuery, query) is not None) == ok


def test_search_q_keeps_its_spaces():
    assert validate(SearchQuery, "q=+a+")["q"] == " a "


@pytest.mark.parametrize(
    "body, ok",
    [
        ({"name": "A", "email": "a@x"}, True),
        ({"name": "n" * 100, "email": "a@x"}, True),
        ({"name": "", "email": "a@x"}, False),
        ({"name": "n" * 101, "email": "a@x"}, False),
        ({"name": 5, "email": "a@x"}, False),
        ({"name": "A", "email": "no-at-sign"}, False),
        ({"name": "A", "email": "a@" + "x" * 254}, False),
        ({"email": "a@x"}, False),
        ({"name": "A"}, False),
        ({"name": "a\x00b", "email": "a@x"}, False),
        ({"name": "A", "email": "a\x00@x"}, False),
    ],
)
def test_user_body_rules(body, ok):
    assert UserSerializer(data=body).is_valid() == ok


def test_a_partial_update_refuses_nul_too():
    assert not UserSerializer(data={"name": "a\x00b"}, partial=True).is_valid()


def test_echo_message_may_hold_nul_it_never_reaches_the_database():
    echo = EchoSerializer(data={"message": "a\x00b"})
    assert echo.is_valid() and echo.validated_data["message"] == "a\x00b"


def test_echo_drops_extra_keys_and_defaults_data_to_null():
    full = EchoSerializer(data={"message": "hi", "data": {"a": [1]}, "extra": 1})
    assert full.is_valid() and full.validated_data == {"message": "hi", "data": {"a": [1]}}
    bare = EchoSerializer(data={"message": "only"})
    assert bare.is_valid() and bare.validated_data == {"message": "only", "data": None}


@pytest.mark.parametrize("body", [{"data": {}}, {"message": 42}, {"message": "x", "data": "s"}, {"message": "x", "data": [1]}])
def test_echo_rejects_invalid_bodies(body):
    assert not EchoSerializer(data=body).is_valid()
