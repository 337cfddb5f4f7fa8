"""JWT and Redis-session authentication; both protected endpoints read the user once."""

from __future__ import annotations

import secrets
import time
from typing import Any

from flask import Blueprint, current_app, request

from app.clients import cache
from app.db import db
from app.errors import ApiError
from app.logic import TOKEN_TTL_S, bearer_token, issue_jwt, verify_jwt
from app.models import User
from app.params import fits_int4, query_id
from app.timing import elapsed_ms

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _secret() -> str:
    return current_app.config["LAB_SETTINGS"].jwt_secret


def _user(user_id: int) -> User:
    user = db().get(User, user_id)
    if user is None:
        raise ApiError(401, "User not found")
    return user


def _token() -> str:
    token = bearer_token(request.headers.get("Authorization"))
    if token is None:
        raise ApiError(401, "Invalid authorization header")
    return token


def _protected(auth_type: str, user: User, started: float) -> dict[str, Any]:
    return {"message": "protected resource", "auth_type": auth_type, "user_id": user.id, "email": user.email, "elapsed_ms": elapsed_ms(started)}


@bp.get("/public")
def public() -> dict[str, Any]:
    return {"message": "public endpoint", "authenticated": False}


@bp.post("/login/jwt")
def login_jwt() -> dict[str, Any]:
    user_id = query_id("user_id")
    started = time.perf_counter()
    user = _user(user_id)
    return {"access_token": issue_jwt(user.id, user.email, _secret()), "token_type": "bearer", "elapsed_ms": elapsed_ms(started)}


@bp.post("/login/session")
def login_session() -> dict[str, Any]:
    user_id = query_id("user_id")
    started = time.perf_counter()
    user = _user(user_id)
    token = secrets.token_urlsafe(32)  # 32 random bytes → 43 base64url characters
    cache().set(f"session:{token}", str(user.id), ex=TOKEN_TTL_S)
    return {"session_token": token, "token_type": "session", "elapsed_ms": elapsed_ms(started)}


@bp.get("/protected/jwt")
def protected_jwt() -> dict[str, Any]:
    started = time.perf_counter()
    user_id = verify_jwt(_token(), _secret())
    if user_id is None or not fits_int4(user_id):
        raise ApiError(401, "Invalid JWT token")
    return _protected("jwt", _user(user_id), started)


@bp.get("/protected/session")
def protected_session() -> dict[str, Any]:
    started = time.perf_counter()
    stored = cache().get(f"session:{_token()}")
    if stored is None:
        raise ApiError(401, "Invalid or expired session")
    return _protected("session", _user(int(stored)), started)
