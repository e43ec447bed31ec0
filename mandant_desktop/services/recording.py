"""What a service call changed, as row images, for undo and redo (SPEC E7).

:func:`recorded` runs a service call with a :class:`Recorder` in a context variable. Every unit of
work of that call adds, when it commits, the rows its ORM flushes wrote — full row images before
and after, grouped by the database they live in — and :meth:`Operator.require` notes each
permission the service asked for. The result is a :class:`ChangeRecord`, which
:class:`~mandant_desktop.services.undo.UndoService` applies backwards with the same rights, version
checks and audit as any change.

A record is *not undoable* (and says why) when the call wrote what row images cannot take back: a
set-based statement the ORM never saw (an import, a bulk change: the unit of work's explicit
audit), a password, an activation link made invalid (U3: it never works again), or only a sent
mail. Such a record still goes on the undo stack, so that the stack never reverts an older change
over a newer one that it cannot see.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: why a record cannot be undone (English source strings; the UI translates them in "errors")
BLOCKED_BULK = "It changed many rows at once, which cannot be taken back row by row."
BLOCKED_PASSWORD = "A password cannot be changed back."
BLOCKED_MAIL = "A sent mail cannot be called back."
BLOCKED_LINK = "An activation link that was made invalid stays invalid."


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

_current: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("mandant_recorder", default=None)


def current() -> Recorder | None:
    """The recorder of the call being recorded on this thread, if any."""
    return _current.get()


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record the service calls made inside the block (on this thread)."""
    recorder = Recorder()
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def recorded(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> tuple[R, ChangeRecord]:
    """``fn(*args, **kwargs)`` and what it changed."""
    with recording() as recorder:
        result = fn(*args, **kwargs)
    return result, recorder.record()


def block(reason: str) -> None:
    """The call being recorded did something that cannot be undone (``reason``, one of the
    ``BLOCKED_*`` texts)."""
    recorder = _current.get()
    if recorder is not None:
        recorder.block(reason)


def note_permission(permission: str) -> None:
    recorder = _current.get()
    if recorder is not None:
        recorder.permissions.add(permission)


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
