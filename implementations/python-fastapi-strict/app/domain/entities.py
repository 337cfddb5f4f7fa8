"""Entities and value objects: plain dataclasses, no ORM, no Pydantic."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, make_dataclass
from datetime import date, datetime
from typing import Any

from app.domain.errors import InvalidUserData, StockOutOfRange

#: Bounds of a user's fields (users.name VARCHAR(100), users.email VARCHAR(255)).
NAME_MAX, EMAIL_MAX = 100, 255
#: The range of a stock (products.stock INTEGER).
STOCK_MIN, STOCK_MAX = -(2**31), 2**31 - 1


def validate_name(name: str) -> str:
    """A user name has 1–100 characters, none of them NUL (a text column cannot hold it)."""
    if not 1 <= len(name) <= NAME_MAX or "\x00" in name:
        raise InvalidUserData("name must have 1 to 100 characters and no NUL")
    return name


def validate_email(email: str) -> str:
    """An email contains "@", has at most 255 characters and no NUL."""
    if "@" not in email or len(email) > EMAIL_MAX or "\x00" in email:
        raise InvalidUserData("email must contain @, have at most 255 characters and no NUL")
    return email


@dataclass(slots=True)
class NewUser:
    """A user not yet stored; validates itself."""

    name: str
    email: str

    def __post_init__(self) -> None:
        validate_name(self.name)
        validate_email(self.email)


@dataclass(slots=True)
class User:
    """A stored user (tables users and users_pagination)."""

    id: int
    name: str
    email: str
    created_at: datetime | None

    def rename(self, name: str) -> None:
        self.name = validate_name(name)

    def change_email(self, email: str) -> None:
        self.email = validate_email(email)


@dataclass(slots=True, frozen=True)
class OffsetPage:
    items: list[User]
    total: int
    page: int
    size: int

    @property
    def total_pages(self) -> int:
        """ceil(total / size)."""
        return -(-self.total // self.size)


@dataclass(slots=True, frozen=True)
class CursorPage:
    items: list[User]
    next_cursor: int | None
    size: int


@dataclass(slots=True)
class Post:
    id: int
    title: str
    content: str | None
    view_count: int | None
    created_at: datetime | None


@dataclass(slots=True)
class Author:
    id: int
    name: str
    email: str
    bio: str | None
    created_at: datetime | None
    posts: list[Post] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class NewBulkItem:
    name: str
    value: int


def bulk_items(count: int) -> list[NewBulkItem]:
    """The rows every bulk insert writes: item_<i> with value i, i = 0..count-1."""
    return [NewBulkItem(f"item_{i}", i) for i in range(count)]


def bulk_value(item_id: int) -> int:
    """The value the bulk updates write: id * 10."""
    return item_id * 10


@dataclass(slots=True, frozen=True)
class BulkResult:
    operation: str
    count: int
    elapsed_ms: float


@dataclass(slots=True)
class Product:
    id: int
    name: str
    stock: int
    version: int
    updated_at: datetime | None

    def decrement(self, quantity: int) -> None:
        """Takes `quantity` off the stock (no floor: the contract sets none), as long as the
        result stays a stock the column can hold; otherwise StockOutOfRange, stock unchanged."""
        stock = self.stock - quantity
        if not STOCK_MIN <= stock <= STOCK_MAX:
            raise StockOutOfRange()
        self.stock = stock


@dataclass(slots=True, frozen=True)
class DecrementResult:
    success: bool
    method: str
    product_id: int
    old_stock: int
    new_stock: int
    retries: int
    elapsed_ms: float
    error: str | None


@dataclass(slots=True, frozen=True)
class CachedUser:
    """The cached projection of a user: {"id","name","email"}."""

    id: int
    name: str
    email: str


@dataclass(slots=True, frozen=True)
class CacheRead:
    source: str
    user: CachedUser
    elapsed_ms: float


@dataclass(slots=True, frozen=True)
class IssuedToken:
    token: str
    elapsed_ms: float


@dataclass(slots=True, frozen=True)
class AuthenticatedUser:
    auth_type: str
    user: User
    elapsed_ms: float


@dataclass(slots=True, frozen=True)
class UserCounts:
    count_star: int
    count_id: int
    count_distinct_status: int


@dataclass(slots=True, frozen=True)
class CountryStats:
    country: str
    user_count: int
    total_logins: int
    avg_logins: float


@dataclass(slots=True, frozen=True)
class AuthorStats:
    author_id: int
    author_name: str
    post_count: int
    total_views: int
    avg_views: float


@dataclass(slots=True, frozen=True)
class AuthorTotals:
    id: int
    name: str
    email: str
    post_count: int
    total_views: int

    @property
    def avg_views(self) -> float:
        return self.total_views / self.post_count if self.post_count else 0.0


@dataclass(slots=True, frozen=True)
class ReportSummary:
    total_authors: int
    total_posts: int
    total_views: int
    avg_posts_per_author: float
    avg_views_per_post: float


@dataclass(slots=True, frozen=True)
class Report:
    summary: ReportSummary
    top_by_posts: list[AuthorTotals]
    top_by_views: list[AuthorTotals]


@dataclass(slots=True, frozen=True)
class PostHit:
    id: int
    author_id: int
    title: str


@dataclass(slots=True, frozen=True)
class RankedPostHit:
    id: int
    author_id: int
    title: str
    rank: float


@dataclass(slots=True, frozen=True)
class UpstreamReply:
    latency_ms: float
    data: dict[str, Any]


# Column-overhead rows: one entity per table shape.
@dataclass(slots=True)
class NarrowUser:
    id: int
    name: str
    email: str
    status: str | None
    created_at: datetime | None


@dataclass(slots=True)
class WideUser:
    id: int
    name: str
    email: str
    status: str | None
    created_at: datetime | None
    phone: str | None
    address: str | None
    city: str | None
    country: str | None
    postal_code: str | None
    birth_date: date | None
    gender: str | None
    occupation: str | None
    company: str | None
    website: str | None
    bio: str | None
    avatar_url: str | None
    last_login: datetime | None
    login_count: int | None
    preferences: dict[str, Any] | None


#: users_extra_wide's 45 free-text fields.
EXTRA_WIDE_FIELDS = tuple(f"field_{i:02d}" for i in range(1, 46))
ExtraWideUser = make_dataclass(
    "ExtraWideUser",
    [("id", int), ("name", str), ("email", str), *((f, str | None) for f in EXTRA_WIDE_FIELDS), ("created_at", datetime | None)],
    slots=True,
)

#: The six column types of the users_type_<type> tables.
COLUMN_TYPES = ("int", "varchar", "text", "jsonb", "timestamp", "uuid")
TypedValue = int | str | dict[str, Any] | datetime | uuid.UUID | None


@dataclass(slots=True)
class TypedColumnsUser:
    """A users_type_<type> row: id, name, email and its five typed values in column order."""

    id: int
    name: str
    email: str
    values: tuple[TypedValue, ...]
