"""Authors with posts."""

from __future__ import annotations

from datetime import datetime

from app.presentation.schemas.common import Schema


class PostResponse(Schema):
    id: int
    title: str
    content: str | None
    view_count: int | None
    created_at: datetime | None


class AuthorResponse(Schema):
    id: int
    name: str
    email: str
    bio: str | None
    created_at: datetime | None
    posts: list[PostResponse]
