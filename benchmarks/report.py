"""One JSON line per figure: ``name, value, unit, baseline, ratio`` (baseline measured in the same run)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def emit(name: str, value: float, unit: str, baseline: float | None = None, **extra: Any) -> dict[str, Any]:
    ratio = None if not baseline else round(value / baseline, 3)
    record = {"name": name, "value": round(value, 4), "unit": unit,
              "baseline": None if baseline is None else round(baseline, 4), "ratio": ratio, **extra}
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return record


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_of(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))
