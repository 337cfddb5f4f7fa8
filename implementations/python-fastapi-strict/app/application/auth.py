"""JWT and session login and authentication; both protected reads load the user once."""

from __future__ import annotations

from app.application.timing import elapsed_ms, start
from app.domain.entities import AuthenticatedUser, IssuedToken, User
from app.domain.errors import AuthenticationFailed
from app.domain.repositories import SessionStore, TokenService, UserRepository


class Authentication:
    def __init__(self, users: UserRepository, tokens: TokenService, sessions: SessionStore) -> None:
        self.users, self.tokens, self.sessions = users, tokens, sessions

    async def _user(self, user_id: int) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise AuthenticationFailed("User not found")
        return user

    async def login_jwt(self, user_id: int) -> IssuedToken:
        started = start()
        user = await self._user(user_id)
        return IssuedToken(self.tokens.issue(user), elapsed_ms(started))

    async def login_session(self, user_id: int) -> IssuedToken:
        started = start()
        user = await self._user(user_id)
        return IssuedToken(await self.sessions.create(user.id), elapsed_ms(started))

    async def authenticate_jwt(self, token: str) -> AuthenticatedUser:
        started = start()
        user_id = self.tokens.verify(token)
        if user_id is None:
            raise AuthenticationFailed("Invalid JWT token")
        return AuthenticatedUser("jwt", await self._user(user_id), elapsed_ms(started))

    async def authenticate_session(self, token: str) -> AuthenticatedUser:
        started = start()
        user_id = await self.sessions.resolve(token)
        if user_id is None:
            raise AuthenticationFailed("Invalid or expired session")
        return AuthenticatedUser("session", await self._user(user_id), elapsed_ms(started))
