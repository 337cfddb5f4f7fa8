"""JWT and Redis-session authentication; both protected endpoints read the user once."""

from __future__ import annotations

import secrets
import time
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request

from app.clients import RedisClient
from app.db import Session, fits_int4
from app.logic import TOKEN_TTL_S, bearer_token, issue_jwt, verify_jwt
from app.models import User
from app.params import MAX_ID, IntText
from app.timing import elapsed_ms

router = APIRouter(prefix="/auth")

UserIdQuery = Annotated[IntText, Query(ge=1, le=MAX_ID)]
# Optional, so a missing header is our 401 rather than FastAPI's 422.
Authorization = Annotated[str | None, Header()]


async def _user(session: Session, user_id: int) -> User:
    # A token's id may lie outside PostgreSQL's integer (the login's user_id cannot): no such user.
    user = await session.get(User, user_id) if fits_int4(user_id) else None
    if user is None:
        raise HTTPException(401, "User not found")
    return user


def _token(authorization: str | None) -> str:
    token = bearer_token(authorization)
    if token is None:
        raise HTTPException(401, "Invalid authorization header")
    return token


def _protected(auth_type: str, user: User, started: float) -> dict[str, Any]:
    return {"message": "protected resource", "auth_type": auth_type, "user_id": user.id, "email": user.email, "elapsed_ms": elapsed_ms(started)}


@router.get("/public")
async def public() -> dict[str, Any]:
    return {"message": "public endpoint", "authenticated": False}


@router.post("/login/jwt")
async def login_jwt(request: Request, session: Session, user_id: UserIdQuery) -> dict[str, Any]:
    started = time.perf_counter()
    user = await _user(session, user_id)
    token = issue_jwt(user.id, user.email, request.app.state.settings.jwt_secret)
    return {"access_token": token, "token_type": "bearer", "elapsed_ms": elapsed_ms(started)}


@router.post("/login/session")
async def login_session(session: Session, redis: RedisClient, user_id: UserIdQuery) -> dict[str, Any]:
    started = time.perf_counter()
    user = await _user(session, user_id)
    token = secrets.token_urlsafe(32)  # 32 random bytes → 43 base64url characters
    await redis.set(f"session:{token}", str(user.id), ex=TOKEN_TTL_S)
    return {"session_token": token, "token_type": "session", "elapsed_ms": elapsed_ms(started)}


@router.get("/protected/jwt")
async def protected_jwt(request: Request, session: Session, authorization: Authorization = None) -> dict[str, Any]:
    started = time.perf_counter()
    user_id = verify_jwt(_token(authorization), request.app.state.settings.jwt_secret)
    if user_id is None:
        raise HTTPException(401, "Invalid JWT token")
    return _protected("jwt", await _user(session, user_id), started)


@router.get("/protected/session")
async def protected_session(session: Session, redis: RedisClient, authorization: Authorization = None) -> dict[str, Any]:
    started = time.perf_counter()
    stored = await redis.get(f"session:{_token(authorization)}")
    if stored is None:
        raise HTTPException(401, "Invalid or expired session")
    return _protected("session", await _user(session, int(stored)), started)
