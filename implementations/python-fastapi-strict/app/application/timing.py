"""Server-side elapsed time for use cases that report it."""

from __future__ import annotations

import time


def start() -> float:
    return time.perf_counter()


def elapsed_ms(started: float) -> float:
    """Milliseconds since `started`, rounded to 3 decimals."""
    return round((time.perf_counter() - started) * 1000, 3)
