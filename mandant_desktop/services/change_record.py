"""What one recorded service call changed (SPEC E7): its rows as before and after images, the
permissions it asked for, and why it cannot be undone, if so.

:mod:`mandant_desktop.services.recording` runs the call with a :class:`Recorder`; the units of work
add to it what they commit, and it hands out a :class:`ChangeRecord` at the end, which
:class:`~mandant_desktop.services.undo.UndoService` applies backwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mandant_desktop.services.recording import BLOCKED_MAIL


@dataclass(frozen=True, slots=True)
class RowChange:
    """One row: ``before`` is None for a created row, ``after`` None for a deleted one. Images map
    column keys (ORM attribute names) to the values as the ORM holds them."""

    table: str
    key: tuple[Any, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def action(self) -> str:
        if self.before is None:
            return "create"
        if self.after is None:
            return "delete"
        return "update"


@dataclass(frozen=True, slots=True)
class ChangePart:
    """The rows one database received; ``database`` is its session factory (the main database or a
    separate tenant's, SPEC T6)."""

    database: Any
    rows: tuple[RowChange, ...]


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """Everything one service call changed, and the permissions it asked for."""

    parts: tuple[ChangePart, ...] = ()
    permissions: frozenset[str] = frozenset()
    #: why it cannot be undone (an English source string), or "" when it can
    blocked: str = ""
    #: when the call began (UTC): a refused undo looks in the audit log from here for the change
    #: that stands in its way (services.undo_conflicts)
    at: dt.datetime | None = None

    @property
    def rows(self) -> tuple[RowChange, ...]:
        return tuple(row for part in self.parts for row in part.rows)

    @property
    def empty(self) -> bool:
        return not self.blocked and not any(part.rows for part in self.parts)

    @property
    def undoable(self) -> bool:
        return not self.blocked and not self.empty

    def __len__(self) -> int:
        return sum(len(part.rows) for part in self.parts)


@dataclass
class Recorder:
    """Collects a call's committed rows; see the module docs."""

    parts: list[ChangePart] = field(default_factory=list)
    permissions: set[str] = field(default_factory=set)
    blocked: str = ""
    #: the call queued a mail; with nothing but tokens beside it, the record cannot be undone
    mail_sent: bool = False
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def block(self, reason: str) -> None:
        if not self.blocked:
            self.blocked = reason

    def add(self, database: Any, rows: list[RowChange]) -> None:
        if not rows:
            return
        for index, part in enumerate(self.parts):
            if part.database is database:
                self.parts[index] = ChangePart(database, merge_rows(part.rows, rows))
                return
        self.parts.append(ChangePart(database, merge_rows((), rows)))

    def record(self) -> ChangeRecord:
        blocked = self.blocked
        if (
            not blocked
            and self.mail_sent
            and not any(row.table not in _BOOKKEEPING for p in self.parts for row in p.rows)
        ):
            blocked = BLOCKED_MAIL
        return ChangeRecord(tuple(self.parts), frozenset(self.permissions), blocked, self.started)


#: tables whose rows go with a change but are no change of their own (a sent mail's token)
_BOOKKEEPING = frozenset({"activation_token"})


def merge_rows(old: tuple[RowChange, ...], new: list[RowChange]) -> tuple[RowChange, ...]:
    """Rows of several flushes or units of work as one change per row: the first ``before`` and
    the last ``after`` (a row created and deleted again in one call is no change at all)."""
    merged: dict[tuple[str, tuple[Any, ...]], RowChange] = {(row.table, row.key): row for row in old}
    for row in new:
        key = (row.table, row.key)
        earlier = merged.get(key)
        if earlier is None:
            merged[key] = row
            continue
        combined = RowChange(row.table, row.key, earlier.before, row.after)
        if combined.before is None and combined.after is None:
            del merged[key]
        else:
            merged[key] = combined
    return tuple(merged.values())
