"""Users and pagination."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from app.presentation.params import STORABLE_EMAIL, STORABLE_TEXT
from app.presentation.schemas.common import Schema, UserResponse

# No NUL in either (PostgreSQL cannot store it); the email contains "@".
Name = Annotated[str, Field(min_length=1, max_length=100, pattern=STORABLE_TEXT)]
Email = Annotated[str, Field(max_length=255, pattern=STORABLE_EMAIL)]


class UserCreate(BaseModel):
    name: Name
    email: Email


class UserUpdate(BaseModel):
    # Absent → None (defaults are not validated); an explicit null is a 422.
    name: Name = None  # type: ignore[assignment]
    email: Email = None  # type: ignore[assignment]


class OffsetPageResponse(Schema):
    items: list[UserResponse]
    total: int
    page: int
    size: int
    total_pages: int


class CursorPageResponse(Schema):
    items: list[UserResponse]
    next_cursor: int | None
    size: int
