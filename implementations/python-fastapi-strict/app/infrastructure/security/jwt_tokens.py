"""TokenService with PyJWT: HS256, claims {sub: "<id>", email, exp: now + 1800 (int)}."""

from __future__ import annotations

import time
from collections.abc import Callable

import jwt

from app.domain.entities import User
from app.domain.rules import TOKEN_TTL_S


class JwtTokenService:
    def __init__(self, secret: str, clock: Callable[[], float] = time.time) -> None:
        self.secret, self.clock = secret, clock

    def issue(self, user: User) -> str:
        claims = {"sub": str(user.id), "email": user.email, "exp": int(self.clock()) + TOKEN_TTL_S}
        return jwt.encode(claims, self.secret, algorithm="HS256")

    def verify(self, token: str) -> int | None:
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
            return int(claims["sub"])
        except (jwt.PyJWTError, ValueError, TypeError):
            return None
