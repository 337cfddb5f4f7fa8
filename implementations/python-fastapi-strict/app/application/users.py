"""User use cases."""

from __future__ import annotations

from app.domain.entities import NewUser, User
from app.domain.errors import UserNotFound
from app.domain.repositories import TransactionManager, UserRepository


class ListUsers:
    def __init__(self, users: UserRepository) -> None:
        self.users = users

    async def execute(self) -> list[User]:
        return await self.users.list_all()


class GetUser:
    def __init__(self, users: UserRepository) -> None:
        self.users = users

    async def execute(self, user_id: int) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise UserNotFound()
        return user


class CreateUser:
    def __init__(self, users: UserRepository, tx: TransactionManager) -> None:
        self.users, self.tx = users, tx

    async def execute(self, name: str, email: str) -> User:
        user = await self.users.add(NewUser(name, email))
        await self.tx.commit()
        return user


class UpdateUser:
    def __init__(self, users: UserRepository, tx: TransactionManager) -> None:
        self.users, self.tx = users, tx

    async def execute(self, user_id: int, name: str | None, email: str | None) -> User:
        user = await GetUser(self.users).execute(user_id)
        if name is not None:
            user.rename(name)
        if email is not None:
            user.change_email(email)
        if name is not None or email is not None:
            user = await self.users.update(user)
            await self.tx.commit()
        return user


class DeleteUser:
    def __init__(self, users: UserRepository, tx: TransactionManager) -> None:
        self.users, self.tx = users, tx

    async def execute(self, user_id: int) -> None:
        user = await GetUser(self.users).execute(user_id)
        await self.users.delete(user)
        await self.tx.commit()
