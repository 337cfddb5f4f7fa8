"""The server-configuration workloads."""

from __future__ import annotations

import asyncio
import json

from app.domain.entities import AuthorTotals, Report
from app.domain.repositories import AuthorRepository, PasswordHasher
from app.domain.rules import build_report, fibonacci, json_items

PASSWORD = b"benchmark-password"


async def sleep_briefly() -> float:
    """A non-blocking 100 ms wait; the seconds slept."""
    await asyncio.sleep(0.1)
    return 0.1


def compute_fibonacci(n: int) -> int:
    """Runs on the caller's thread (the event loop): blocks it, on purpose."""
    return fibonacci(n)


def serialize_items(count: int = 10_000) -> int:
    """Compact JSON of `count` items; its UTF-8 byte length."""
    return len(json.dumps(json_items(count), separators=(",", ":")).encode())


class HashPassword:
    def __init__(self, hasher: PasswordHasher) -> None:
        self.hasher = hasher

    def execute(self) -> int:
        """Length of the bcrypt hash of the fixed password (on the event loop, like fibonacci)."""
        return len(self.hasher.hash(PASSWORD))


class AuthorReports:
    def __init__(self, authors: AuthorRepository) -> None:
        self.authors = authors

    async def totals(self) -> list[AuthorTotals]:
        return await self.authors.totals()

    async def report(self) -> Report:
        return build_report(await self.authors.totals())
