"""Users and users_pagination."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities import NewUser, User
from app.domain.errors import EmailAlreadyExists
from app.infrastructure.database.engine import fits_int4
from app.infrastructure.database.models import UserModel, UserPaginationModel


def to_user(row: UserModel | UserPaginationModel) -> User:
    """ORM row → entity."""
    return User(id=row.id, name=row.name, email=row.email, created_at=row.created_at)


class SqlAlchemyUserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # The session's identity map holds rows weakly: keep the rows behind the entities this
        # repository handed out, so update/delete find them without a second SELECT.
        self._rows: dict[int, UserModel] = {}

    def _track(self, row: UserModel) -> User:
        self._rows[row.id] = row
        return to_user(row)

    async def _row(self, user_id: int) -> UserModel:
        row = self._rows.get(user_id) or await self.session.get(UserModel, user_id)
        assert row is not None
        return row

    async def list_all(self) -> list[User]:
        return [to_user(r) for r in await self.session.scalars(select(UserModel).order_by(UserModel.id))]

    async def first(self, count: int) -> list[User]:
        return [to_user(r) for r in await self.session.scalars(select(UserModel).order_by(UserModel.id).limit(count))]

    async def get(self, user_id: int) -> User | None:
        # Ids from requests are in range; a token's id may not be, and then names no user.
        row = await self.session.get(UserModel, user_id) if fits_int4(user_id) else None
        return self._track(row) if row else None

    async def _flush(self) -> None:
        try:
            await self.session.flush()
        except IntegrityError as error:
            await self.session.rollback()
            if getattr(error.orig, "sqlstate", None) == "23505":
                raise EmailAlreadyExists() from error
            raise

    async def add(self, user: NewUser) -> User:
        row = UserModel(name=user.name, email=user.email)
        self.session.add(row)
        await self._flush()  # INSERT … RETURNING id, created_at
        return self._track(row)

    async def update(self, user: User) -> User:
        row = await self._row(user.id)
        row.name, row.email = user.name, user.email
        await self._flush()
        return to_user(row)

    async def delete(self, user: User) -> None:
        await self.session.delete(await self._row(user.id))
        await self.session.flush()


class SqlAlchemyUserPageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def count(self) -> int:
        return await self.session.scalar(select(func.count()).select_from(UserPaginationModel)) or 0

    async def slice(self, offset: int, limit: int) -> list[User]:
        query = select(UserPaginationModel).order_by(UserPaginationModel.id).offset(offset).limit(limit)
        return [to_user(r) for r in await self.session.scalars(query)]

    async def after(self, cursor: int, limit: int) -> list[User]:
        query = select(UserPaginationModel).where(UserPaginationModel.id > cursor).order_by(UserPaginationModel.id).limit(limit)
        return [to_user(r) for r in await self.session.scalars(query)]
