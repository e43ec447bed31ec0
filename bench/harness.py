"""What every figure of the benchmark shares: timing, medians, the JSON line, paint waits, statement counts.

A figure is one JSON object per line (issue 8): ``name``, ``backend``, our ``value`` with its
``unit``, the ``baseline`` measured in the same run (null where the target is absolute), the
``ratio`` the target speaks of, the ``target`` in words, ``ok``, the number of ``runs`` the median
was taken over, and ``detail`` for whatever explains the figure.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Engine, event

ADMIN = ("admin", "mandant-demo")


@dataclass
class Figure:
    name: str
    backend: str
    value: float | None
    unit: str
    target: str
    ok: bool
    baseline: float | None = None
    ratio: float | None = None
    runs: int = 1
    detail: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        data = asdict(self)
        for key in ("value", "baseline", "ratio"):
            if isinstance(data[key], float):
                data[key] = round(data[key], 3)
        return json.dumps(data, ensure_ascii=False)


class Report:
    """Collects the figures and prints each as soon as it is known (a long run shows progress)."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.figures: list[Figure] = []

    def add(self, name: str, value: float | None, unit: str, target: str, ok: bool, **extra: Any) -> Figure:
        figure = Figure(name, self.backend, value, unit, target, ok, **extra)
        self.figures.append(figure)
        print(figure.line(), flush=True)
        return figure

    def failed(self, name: str, exc: BaseException) -> None:
        """A figure that could not be measured is reported as not ok, with the reason."""
        self.add(name, None, "", "", False, detail={"error": f"{type(exc).__name__}: {exc}"})


def median_ms(fn: Callable[[], object], runs: int, *, warmup: int = 0) -> tuple[float, list[float]]:
    """The median of ``runs`` timed calls of ``fn`` in ms, and all of them."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times), [round(t, 2) for t in times]


def median_of(samples: list[float]) -> tuple[float, list[float]]:
    return statistics.median(samples), [round(s, 2) for s in samples]


@contextmanager
def counting(engine: Engine, *, as_the_server_runs: bool = False) -> Iterator[list[str]]:
    """The SQL statements ``engine`` executes inside the block (an executemany counts once; with
    ``as_the_server_runs`` once per row on PostgreSQL, where psycopg runs a statement per row, and on
    MariaDB/MySQL for anything but an INSERT: PyMySQL sends an executemany's INSERT as one statement
    of many rows, cut at about a megabyte, and every other statement once per row)."""
    statements: list[str] = []
    dialect = engine.dialect.name

    def per_row(statement: str) -> bool:
        if dialect == "mysql":
            from pymysql.cursors import RE_INSERT_VALUES

            return RE_INSERT_VALUES.match(statement) is None
        return dialect == "postgresql"

    def count(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool) -> None:
        rows = as_the_server_runs and executemany and per_row(statement)
        statements.extend([statement] * (len(parameters) if rows else 1))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def rss_bytes() -> int:
    """This process's resident set size now (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _page_size()
    except OSError:
        return 0


def _page_size() -> int:
    import os

    return os.sysconf("SC_PAGE_SIZE")


def log(message: str) -> None:
    """Progress for the reader of a long run, on stderr so stdout stays JSON lines."""
    print(f"# {message}", file=sys.stderr, flush=True)
