"""ORM rows → JSON-ready dicts (timestamps, UUIDs and numerics are rendered by app/json_provider.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from app.models import Author, Post


def user_out(user: Any) -> dict[str, Any]:
    """A users / users_pagination row: {id, name, email, created_at}."""
    return {"id": user.id, "name": user.name, "email": user.email, "created_at": user.created_at}


def column_keys(model: type) -> tuple[str, ...]:
    """Every mapped column attribute of `model`, in table order (deferred ones excluded)."""
    return tuple(attr.key for attr in inspect(model).column_attrs if not attr.deferred)


def row_out(row: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """Every column of a row."""
    return {key: getattr(row, key) for key in keys}


def post_out(post: Post) -> dict[str, Any]:
    return {"id": post.id, "title": post.title, "content": post.content, "view_count": post.view_count, "created_at": post.created_at}


def author_out(author: Author) -> dict[str, Any]:
    """An author with its posts. Reading `author.posts` is where a lazy load happens (N+1)."""
    return {
        "id": author.id,
        "name": author.name,
        "email": author.email,
        "bio": author.bio,
        "created_at": author.created_at,
        "posts": [post_out(p) for p in author.posts],
    }
