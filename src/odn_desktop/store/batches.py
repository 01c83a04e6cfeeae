"""Long id lists in ``IN (...)`` queries, one batch at a time: SQLite limits how many parameters one statement
binds, and 500 per statement is as fast as any larger batch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_BATCH = 500


def in_batches(items: Sequence[T], size: int = IN_BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
