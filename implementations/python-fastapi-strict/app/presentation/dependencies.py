"""Dependency wiring: the request's AsyncSession → repositories/adapters → use cases.

The only module of the presentation layer that names infrastructure classes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.application.aggregation import GetStatistics
from app.application.auth import Authentication
from app.application.bulk import BulkOperations
from app.application.caching import ManageCache, ReadUserCaching
from app.application.column_overhead import GetFirstRows
from app.application.external import CallUpstream
from app.application.n_plus_one import ListAuthorsWithPosts
from app.application.pagination import GetCursorPage, GetOffsetPage
from app.application.search import SearchPosts
from app.application.server_config import AuthorReports, HashPassword
from app.application.transactions import DecrementStock, GetProduct, ResetStocks
from app.application.users import CreateUser, DeleteUser, GetUser, ListUsers, UpdateUser
from app.infrastructure.cache.redis_session_store import RedisSessionStore
from app.infrastructure.cache.redis_user_cache import RedisUserCache
from app.infrastructure.database.repositories.authors import SqlAlchemyAuthorRepository
from app.infrastructure.database.repositories.bulk import SqlAlchemyBulkItemRepository
from app.infrastructure.database.repositories.column_rows import SqlAlchemyColumnRowsRepository
from app.infrastructure.database.repositories.products import SqlAlchemyProductRepository
from app.infrastructure.database.repositories.search import SqlAlchemySearchRepository
from app.infrastructure.database.repositories.stats import OrmStatsRepository, RawSqlStatsRepository
from app.infrastructure.database.repositories.users import SqlAlchemyUserPageRepository, SqlAlchemyUserRepository
from app.infrastructure.database.transaction import SqlAlchemyTransactionManager
from app.infrastructure.http.upstream import HttpxUpstream
from app.infrastructure.security.bcrypt_hasher import BcryptHasher
from app.infrastructure.security.jwt_tokens import JwtTokenService


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One AsyncSession per request, shared by every repository of that request.

    Used with scope="function": the session closes (ending its transaction, returning its
    connection) once the response is built, before it is sent — not after, as a request-scoped
    yield dependency would, which would hold the connection while the client reads."""
    async with request.app.state.sessionmaker() as session:
        yield session


def get_redis(request: Request) -> Redis:
    return request.app.state.redis


Session = Annotated[AsyncSession, Depends(get_session, scope="function")]
RedisDep = Annotated[Redis, Depends(get_redis)]


def _users(session: Session) -> SqlAlchemyUserRepository:
    return SqlAlchemyUserRepository(session)


def _tx(session: Session) -> SqlAlchemyTransactionManager:
    return SqlAlchemyTransactionManager(session)


Users = Annotated[SqlAlchemyUserRepository, Depends(_users)]
Tx = Annotated[SqlAlchemyTransactionManager, Depends(_tx)]


def list_users(users: Users) -> ListUsers:
    return ListUsers(users)


def get_user(users: Users) -> GetUser:
    return GetUser(users)


def create_user(users: Users, tx: Tx) -> CreateUser:
    return CreateUser(users, tx)


def update_user(users: Users, tx: Tx) -> UpdateUser:
    return UpdateUser(users, tx)


def delete_user(users: Users, tx: Tx) -> DeleteUser:
    return DeleteUser(users, tx)


def offset_page(session: Session) -> GetOffsetPage:
    return GetOffsetPage(SqlAlchemyUserPageRepository(session))


def cursor_page(session: Session) -> GetCursorPage:
    return GetCursorPage(SqlAlchemyUserPageRepository(session))


def first_rows(session: Session) -> GetFirstRows:
    return GetFirstRows(SqlAlchemyColumnRowsRepository(session))


def authors_with_posts(session: Session) -> ListAuthorsWithPosts:
    return ListAuthorsWithPosts(SqlAlchemyAuthorRepository(session))


def bulk_operations(session: Session, tx: Tx) -> BulkOperations:
    return BulkOperations(SqlAlchemyBulkItemRepository(session), tx)


def get_product(session: Session) -> GetProduct:
    return GetProduct(SqlAlchemyProductRepository(session))


def reset_stocks(session: Session, tx: Tx) -> ResetStocks:
    return ResetStocks(SqlAlchemyProductRepository(session), tx)


def decrement_stock(session: Session, tx: Tx) -> DecrementStock:
    return DecrementStock(SqlAlchemyProductRepository(session), tx)


def read_user_caching(users: Users, redis: RedisDep) -> ReadUserCaching:
    return ReadUserCaching(users, RedisUserCache(redis))


def manage_cache(users: Users, redis: RedisDep) -> ManageCache:
    return ManageCache(users, RedisUserCache(redis))


def manage_cache_only(request: Request, redis: RedisDep) -> ManageCache:
    """For flush/evict: no database session is opened."""
    return ManageCache(None, RedisUserCache(redis))  # type: ignore[arg-type]


def authentication(request: Request, users: Users, redis: RedisDep) -> Authentication:
    return Authentication(users, request.app.state.tokens, RedisSessionStore(redis))


def orm_statistics(session: Session) -> GetStatistics:
    return GetStatistics(OrmStatsRepository(session))


def raw_statistics(session: Session) -> GetStatistics:
    return GetStatistics(RawSqlStatsRepository(session))


def search_posts(session: Session) -> SearchPosts:
    return SearchPosts(SqlAlchemySearchRepository(session))


def author_reports(session: Session) -> AuthorReports:
    return AuthorReports(SqlAlchemyAuthorRepository(session))


_HASHER = BcryptHasher(rounds=12)


def hash_password() -> HashPassword:
    return HashPassword(_HASHER)


def call_upstream(request: Request) -> CallUpstream:
    return CallUpstream(HttpxUpstream(request.app.state.upstream))


def token_service(secret: str) -> JwtTokenService:
    """Built once in the lifespan."""
    return JwtTokenService(secret)
