"""What a service call changed, as row images, for undo and redo (SPEC E7).

:func:`recorded` runs a service call with a
:class:`~mandant_desktop.services.change_record.Recorder` in a context variable. Every unit of
work of that call adds, when it commits, the rows its ORM flushes wrote — full row images before
and after, grouped by the database they live in — and :meth:`Operator.require` notes each
permission the service asked for. The result is a
:class:`~mandant_desktop.services.change_record.ChangeRecord`, which
:class:`~mandant_desktop.services.undo.UndoService` applies backwards with the same rights, version
checks and audit as any change.

A record is *not undoable* (and says why) when the call wrote what row images cannot take back: a
set-based statement the ORM never saw (an import, a bulk change: the unit of work's explicit
audit), a password, an activation link made invalid (U3: it never works again), or only a sent
mail. Such a record still goes on the undo stack, so that the stack never reverts an older change
over a newer one that it cannot see.

This module is the context of the call being recorded; the record itself and its rows are
:mod:`mandant_desktop.services.change_record`. Every permission check notes its permission here
(:meth:`Operator.require`), so a start imports this module; the record's classes are created when
the first call is recorded (issue 8).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from mandant_desktop.services.change_record import ChangeRecord, Recorder

P = ParamSpec("P")
R = TypeVar("R")

#: why a record cannot be undone (English source strings; the UI translates them in "errors")
BLOCKED_BULK = "It changed many rows at once, which cannot be taken back row by row."
BLOCKED_PASSWORD = "A password cannot be changed back."
BLOCKED_MAIL = "A sent mail cannot be called back."
BLOCKED_LINK = "An activation link that was made invalid stays invalid."


_current: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar("mandant_recorder", default=None)


def current() -> Recorder | None:
    """The recorder of the call being recorded on this thread, if any."""
    return _current.get()


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record the service calls made inside the block (on this thread)."""
    from mandant_desktop.services.change_record import Recorder

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
