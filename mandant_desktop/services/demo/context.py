"""What every part of the demo generator shares: the random source, the clock, the ids."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mandant_desktop.services.demo.config import ScaleConfig

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class TableRows:
    """Rows for one table, in insertion order. ``rows`` may be a generator (role assignments are
    too many to hold as dicts at once); ``count`` is known in advance for progress reporting."""

    table: str
    rows: Iterable[Row]
    count: int


@dataclass(slots=True)
class DemoContext:
    rng: random.Random
    config: ScaleConfig
    #: one instant for the whole run: every timestamp is an offset from it, so two runs with one
    #: seed differ only in timestamps (and the salted password hash)
    now: dt.datetime
    by: str
    #: next free primary key per table. Ids are chosen here rather than by the database so that
    #: rows can refer to each other before anything is inserted, and inserts stay set-based.
    next_ids: dict[str, int]
    #: predefined role key → role id
    roles: dict[str, int]
    #: system rights group name → id
    system_groups: dict[str, int]
    portal_codes: tuple[str, ...]
    password_hash: str
    used_ids: dict[str, int] = field(default_factory=dict)

    def new_id(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        self.used_ids[table] = self.used_ids.get(table, 0) + 1
        return value

    def days_ago(self, most: int, least: int = 0) -> dt.datetime:
        seconds = self.rng.randint(least * 86_400, most * 86_400)
        return self.now - dt.timedelta(seconds=seconds)

    def versioned(self) -> Row:
        """The bookkeeping columns of a :class:`~mandant_desktop.db.models.Versioned` row.

        Given explicitly because Core inserts would otherwise call ``utcnow`` once per row.
        """
        return {"version": 1, "updated_at": self.now, "updated_by": self.by}

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


def chunked(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
