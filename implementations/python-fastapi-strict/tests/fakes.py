"""In-memory implementations of the domain's repository and port interfaces, for use-case tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from app.domain.entities import Author, CachedUser, NewBulkItem, NewUser, Post, Product, User
from app.domain.errors import EmailAlreadyExists, SerializationFailure

NOW = datetime(2025, 1, 1)


class FakeTransactions:
    def __init__(self) -> None:
        self.commits = 0
        self.rollbacks = 0
        self.serializable = False
        self.fail_next_commit: str | None = None

    async def commit(self) -> None:
        if self.fail_next_commit:
            message, self.fail_next_commit = self.fail_next_commit, None
            raise SerializationFailure(message)
        self.commits += 1

    async def rollback(self) -> None:
        self.rollbacks += 1

    async def begin_serializable(self) -> None:
        self.serializable = True


class FakeUsers:
    def __init__(self, users: Sequence[User] = ()) -> None:
        self.rows = {u.id: replace(u) for u in users}
        self.gets = 0

    async def list_all(self) -> list[User]:
        return [replace(self.rows[i]) for i in sorted(self.rows)]

    async def first(self, count: int) -> list[User]:
        return (await self.list_all())[:count]

    async def get(self, user_id: int) -> User | None:
        self.gets += 1
        row = self.rows.get(user_id)
        return replace(row) if row else None

    def _check_unique(self, user_id: int | None, email: str) -> None:
        if any(u.email == email and u.id != user_id for u in self.rows.values()):
            raise EmailAlreadyExists()

    async def add(self, user: NewUser) -> User:
        self._check_unique(None, user.email)
        stored = User(max(self.rows, default=0) + 1, user.name, user.email, NOW)
        self.rows[stored.id] = stored
        return replace(stored)

    async def update(self, user: User) -> User:
        self._check_unique(user.id, user.email)
        self.rows[user.id] = replace(user)
        return replace(user)

    async def delete(self, user: User) -> None:
        del self.rows[user.id]


class FakeProducts:
    """Products with a hook that lets a test change the row between a read and a write."""

    def __init__(self, *products: Product) -> None:
        self.rows = {p.id: replace(p) for p in products}
        self.locked: list[int] = []
        self.before_write = lambda: None

    async def get(self, product_id: int) -> Product | None:
        row = self.rows.get(product_id)
        return replace(row) if row else None

    async def get_for_update(self, product_id: int) -> Product | None:
        self.locked.append(product_id)
        return await self.get(product_id)

    async def save_stock(self, product: Product) -> None:
        self.before_write()
        self.rows[product.id].stock = product.stock

    async def compare_and_set(self, product_id: int, expected_version: int, stock: int) -> bool:
        self.before_write()
        row = self.rows[product_id]
        if row.version != expected_version:
            return False
        row.stock, row.version = stock, row.version + 1
        return True

    async def reset_all(self, stock: int) -> None:
        for row in self.rows.values():
            row.stock, row.version = stock, 0


class FakeBulkItems:
    def __init__(self) -> None:
        self.rows: dict[int, NewBulkItem] = {}
        self.statements: list[str] = []

    async def truncate(self) -> None:
        self.rows.clear()
        self.statements.append("TRUNCATE")

    async def add(self, item: NewBulkItem) -> None:
        self.rows[len(self.rows) + 1] = item
        self.statements.append("INSERT")

    async def add_all(self, items: Sequence[NewBulkItem]) -> None:
        for item in items:
            self.rows[len(self.rows) + 1] = item
        self.statements.append("INSERT BATCH")

    async def insert_multirow(self, items: Sequence[NewBulkItem]) -> None:
        await self.add_all(items)
        self.statements[-1] = "INSERT MULTIROW"

    async def set_value(self, item_id: int, value: int) -> None:
        if item_id in self.rows:
            self.rows[item_id] = replace(self.rows[item_id], value=value)
        self.statements.append("UPDATE")

    async def set_values(self, values: dict[int, int]) -> None:
        for item_id, value in values.items():
            if item_id in self.rows:
                self.rows[item_id] = replace(self.rows[item_id], value=value)
        self.statements.append("UPDATE CASE")


class FakeAuthors:
    def __init__(self, authors: Sequence[Author]) -> None:
        self.authors = list(authors)
        self.queries = 0

    def _page(self, limit: int, offset: int, with_posts: bool) -> list[Author]:
        return [replace(a, posts=list(a.posts) if with_posts else []) for a in self.authors[offset : offset + limit]]

    async def page(self, limit: int, offset: int) -> list[Author]:
        self.queries += 1
        return self._page(limit, offset, False)

    async def posts_of(self, author_id: int) -> list[Post]:
        self.queries += 1
        return next(list(a.posts) for a in self.authors if a.id == author_id)

    async def page_with_posts_joined(self, limit: int, offset: int) -> list[Author]:
        self.queries += 1
        return self._page(limit, offset, True)

    async def page_with_posts_in_second_query(self, limit: int, offset: int) -> list[Author]:
        self.queries += 2
        return self._page(limit, offset, True)


class FakeCache:
    def __init__(self) -> None:
        self.entries: dict[int, CachedUser] = {}

    async def get(self, user_id: int) -> CachedUser | None:
        return self.entries.get(user_id)

    async def put(self, user: CachedUser) -> None:
        self.entries[user.id] = user

    async def put_many(self, users: Sequence[CachedUser]) -> None:
        for user in users:
            await self.put(user)

    async def evict(self, user_id: int) -> tuple[str, bool]:
        return f"user:{user_id}", self.entries.pop(user_id, None) is not None

    async def clear(self) -> None:
        self.entries.clear()


class FakeSessions:
    def __init__(self) -> None:
        self.sessions: dict[str, int] = {}

    async def create(self, user_id: int) -> str:
        token = f"token-{len(self.sessions)}"
        self.sessions[token] = user_id
        return token

    async def resolve(self, token: str) -> int | None:
        return self.sessions.get(token)


class FakeTokens:
    def issue(self, user: User) -> str:
        return f"jwt-{user.id}"

    def verify(self, token: str) -> int | None:
        return int(token[4:]) if token.startswith("jwt-") else None
