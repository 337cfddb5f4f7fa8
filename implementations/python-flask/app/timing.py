"""Server-side elapsed time."""

from __future__ import annotations

import time


def elapsed_ms(started: float) -> float:
    """Milliseconds since `started` (a time.perf_counter() value), rounded to 3 decimals."""
    return round((time.perf_counter() - started) * 1000, 3)
