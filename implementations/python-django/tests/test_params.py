"""Strict integer parameters (as @lab/contract's intParam) and the string rules of bodies."""

import pytest
from django.http import QueryDict
from rest_framework.exceptions import ValidationError

from api.params import (
    ColumnOverheadQuery,
    CursorPageQuery,
    DecrementQuery,
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
    ],
)
def test_out_of_range_is_invalid_never_clamped(serializer_class, query):
    assert validate(serializer_class, query) is None


def test_negative_ids_are_integers():
    assert validate(DecrementQuery, "product_id=-3")["product_id"] == -3
    assert parse_path_int("-3") == -3


@pytest.mark.parametrize("segment", ["abc", "1.5", "", "1e3", " 1", "\u0663"])
def test_path_ids_must_be_integers(segment):
    with pytest.raises(ValidationError):
        parse_path_int(segment)


@pytest.mark.parametrize("query, ok", [("q=a", True), ("q=" + "x" * 100, True), ("q=", False), ("q=" + "x" * 101, False), ("", False), ("q=a&limit=0", False)])
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
    ],
)
def test_user_body_rules(body, ok):
    assert UserSerializer(data=body).is_valid() == ok


def test_echo_drops_extra_keys_and_defaults_data_to_null():
    full = EchoSerializer(data={"message": "hi", "data": {"a": [1]}, "extra": 1})
    assert full.is_valid() and full.validated_data == {"message": "hi", "data": {"a": [1]}}
    bare = EchoSerializer(data={"message": "only"})
    assert bare.is_valid() and bare.validated_data == {"message": "only", "data": None}


@pytest.mark.parametrize("body", [{"data": {}}, {"message": 42}, {"message": "x", "data": "s"}, {"message": "x", "data": [1]}])
def test_echo_rejects_invalid_bodies(body):
    assert not EchoSerializer(data=body).is_valid()
