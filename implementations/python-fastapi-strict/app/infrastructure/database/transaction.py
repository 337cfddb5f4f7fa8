"""TransactionManager over the request's AsyncSession."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.errors import SerializationFailure

#: serialization_failure, deadlock_detected.
SERIALIZATION_FAILURES = {"40001", "40P01"}


def driver_message(error: DBAPIError) -> str:
    """asyncpg's own message (SQLAlchemy's adapter exception wraps it as __cause__)."""
    cause = error.orig.__cause__ if error.orig is not None else None
    return str(cause or error.orig)


def is_serialization_failure(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) in SERIALIZATION_FAILURES


class SqlAlchemyTransactionManager:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def commit(self) -> None:
        try:
            await self.session.commit()
        except DBAPIError as error:
            if is_serialization_failure(error):
                raise SerializationFailure(driver_message(error)) from error
            raise

    async def rollback(self) -> None:
        await self.session.rollback()

    async def begin_serializable(self) -> None:
        await self.session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
