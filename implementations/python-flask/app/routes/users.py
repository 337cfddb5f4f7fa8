"""Users CRUD on the `users` table."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.db import db
from app.errors import ApiError, no_content
from app.models import User
from app.params import body_text, json_object, path_int
from app.serialize import user_out

bp = Blueprint("users", __name__)

#: SQLSTATE unique_violation.
UNIQUE_VIOLATION = "23505"


def _user_fields(body: dict[str, Any], required: bool) -> tuple[str | None, str | None]:
    """name 1–100 characters, email a string with "@" of at most 255; partial when not required."""
    name = body_text(body, "name", required=required, min_length=1, max_length=100)
    email = body_text(body, "email", required=required, min_length=1, max_length=255, contains="@")
    return name, email


def _user_or_404(user_id: int) -> User:
    user = db().get(User, user_id)
    if user is None:
        raise ApiError(404, "User not found")
    return user


def _commit_unique() -> None:
    """Commits; a duplicate email (unique violation) is a 409."""
    session = db()
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        if getattr(error.orig, "sqlstate", None) == UNIQUE_VIOLATION:
            raise ApiError(409, "Email already exists") from error
        raise


@bp.get("/users")
def list_users() -> list[dict[str, Any]]:
    return [user_out(u) for u in db().scalars(select(User).order_by(User.id))]


@bp.post("/users")
def create_user() -> tuple[dict[str, Any], int]:
    name, email = _user_fields(json_object(), required=True)
    user = User(name=name, email=email)
    db().add(user)
    _commit_unique()  # INSERT … RETURNING users.id, users.created_at
    return user_out(user), 201


@bp.get("/users/<id>")
def get_user(id: str) -> dict[str, Any]:
    return user_out(_user_or_404(path_int("id", id)))


@bp.put("/users/<id>")
def update_user(id: str) -> dict[str, Any]:
    user_id = path_int("id", id)
    name, email = _user_fields(json_object(), required=False)  # an explicit null is a 422
    user = _user_or_404(user_id)
    if name is not None:
        user.name = name
    if email is not None:
        user.email = email
    _commit_unique()  # one UPDATE of the changed columns (none when nothing changed)
    return user_out(user)


@bp.delete("/users/<id>")
def delete_user(id: str) -> Response:
    session = db()
    session.delete(_user_or_404(path_int("id", id)))
    session.commit()
    return no_content()
