"""Repository and port interfaces (Protocols) the application depends on; infrastructure implements them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from app.domain.entities import (
    Author,
    AuthorStats,
    AuthorTotals,
    CachedUser,
    CountryStats,
    NewBulkItem,
    NewUser,
    Post,
    PostHit,
    Product,
    RankedPostHit,
    User,
    UserCounts,
)


class TransactionManager(Protocol):
    """Transaction boundaries of the request's unit of work."""

    async def commit(self) -> None:
        """Commits; raises SerializationFailure when a SERIALIZABLE transaction lost."""

    async def rollback(self) -> None: ...

    async def begin_serializable(self) -> None:
        """Makes the next transaction SERIALIZABLE (call before any statement)."""


class UserRepository(Protocol):
    async def list_all(self) -> list[User]: ...
    async def first(self, count: int) -> list[User]: ...
    async def get(self, user_id: int) -> User | None: ...
    async def add(self, user: NewUser) -> User:
        """Stores the user; raises EmailAlreadyExists."""

    async def update(self, user: User) -> User:
        """Writes name and email; raises EmailAlreadyExists."""

    async def delete(self, user: User) -> None: ...


class UserPageRepository(Protocol):
    """users_pagination."""

    async def count(self) -> int: ...
    async def slice(self, offset: int, limit: int) -> list[User]: ...
    async def after(self, cursor: int, limit: int) -> list[User]: ...


class ColumnRowsRepository(Protocol):
    async def first_rows(self, table: str, limit: int) -> list[Any]:
        """The first `limit` rows of a column-overhead table (narrow, wide, extra-wide, type:<t>) as entities."""


class AuthorRepository(Protocol):
    async def page(self, limit: int, offset: int) -> list[Author]:
        """Authors without their posts."""

    async def posts_of(self, author_id: int) -> list[Post]: ...
    async def page_with_posts_joined(self, limit: int, offset: int) -> list[Author]: ...
    async def page_with_posts_in_second_query(self, limit: int, offset: int) -> list[Author]: ...
    async def totals(self) -> list[AuthorTotals]:
        """Every author with post_count and total_views (LEFT JOIN), ORDER BY id."""


class BulkItemRepository(Protocol):
    async def truncate(self) -> None: ...
    async def add(self, item: NewBulkItem) -> None: ...
    async def add_all(self, items: Sequence[NewBulkItem]) -> None: ...
    async def insert_multirow(self, items: Sequence[NewBulkItem]) -> None:
        """One multi-row INSERT statement."""

    async def set_value(self, item_id: int, value: int) -> None: ...
    async def set_values(self, values: dict[int, int]) -> None:
        """One UPDATE statement for every id."""


class ProductRepository(Protocol):
    async def get(self, product_id: int) -> Product | None: ...
    async def get_for_update(self, product_id: int) -> Product | None:
        """Reads and row-locks until the transaction ends."""

    async def save_stock(self, product: Product) -> None:
        """Writes the product's stock as an absolute value."""

    async def compare_and_set(self, product_id: int, expected_version: int, stock: int) -> bool:
        """Writes stock and version+1 only if the version is unchanged; True when it was."""

    async def reset_all(self, stock: int) -> None: ...


class StatsRepository(Protocol):
    async def counts(self) -> UserCounts: ...
    async def by_country(self, limit: int) -> list[CountryStats]: ...
    async def by_author(self, limit: int) -> list[AuthorStats]: ...


class SearchRepository(Protocol):
    async def containing(self, text: str, limit: int) -> list[PostHit]: ...
    async def matching(self, text: str, limit: int) -> list[RankedPostHit]: ...


class UserCache(Protocol):
    async def get(self, user_id: int) -> CachedUser | None: ...
    async def put(self, user: CachedUser) -> None: ...
    async def put_many(self, users: Sequence[CachedUser]) -> None: ...
    async def evict(self, user_id: int) -> tuple[str, bool]:
        """Removes the user's entry → (key, whether it existed)."""

    async def clear(self) -> None: ...


class SessionStore(Protocol):
    async def create(self, user_id: int) -> str: ...
    async def resolve(self, token: str) -> int | None: ...


class TokenService(Protocol):
    def issue(self, user: User) -> str: ...
    def verify(self, token: str) -> int | None:
        """The user id of a valid token, else None."""


class PasswordHasher(Protocol):
    def hash(self, password: bytes) -> bytes: ...


class Upstream(Protocol):
    async def fetch_delay(self) -> dict[str, Any]:
        """The slow upstream's JSON body; raises UpstreamUnavailable."""
