"""JWT and session authentication."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query

from app.application.auth import Authentication
from app.domain.entities import AuthenticatedUser
from app.domain.rules import bearer_token
from app.presentation import dependencies as deps
from app.presentation.params import MAX_ID, IntText
from app.presentation.schemas.operations import JwtLoginResponse, ProtectedResponse, SessionLoginResponse

router = APIRouter(prefix="/auth")

Auth = Annotated[Authentication, Depends(deps.authentication)]
UserIdQuery = Annotated[IntText, Query(ge=1, le=MAX_ID)]


def bearer(authorization: Annotated[str | None, Header()] = None) -> str:
    """Optional header, so a missing one is the contract's 401 rather than FastAPI's 422."""
    return bearer_token(authorization)


Token = Annotated[str, Depends(bearer)]


def _protected(auth: AuthenticatedUser) -> ProtectedResponse:
    return ProtectedResponse(message="protected resource", auth_type=auth.auth_type, user_id=auth.user.id, email=auth.user.email, elapsed_ms=auth.elapsed_ms)


@router.get("/public")
async def public() -> dict[str, object]:
    return {"message": "public endpoint", "authenticated": False}


@router.post("/login/jwt", response_model=JwtLoginResponse)
async def login_jwt(use_case: Auth, user_id: UserIdQuery):
    issued = await use_case.login_jwt(user_id)
    return JwtLoginResponse(access_token=issued.token, token_type="bearer", elapsed_ms=issued.elapsed_ms)


@router.post("/login/session", response_model=SessionLoginResponse)
async def login_session(use_case: Auth, user_id: UserIdQuery):
    issued = await use_case.login_session(user_id)
    return SessionLoginResponse(session_token=issued.token, token_type="session", elapsed_ms=issued.elapsed_ms)


@router.get("/protected/jwt", response_model=ProtectedResponse)
async def protected_jwt(token: Token, use_case: Auth):
    return _protected(await use_case.authenticate_jwt(token))


@router.get("/protected/session", response_model=ProtectedResponse)
async def protected_session(token: Token, use_case: Auth):
    return _protected(await use_case.authenticate_session(token))
