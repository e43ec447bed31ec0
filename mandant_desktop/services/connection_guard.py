"""Failing fast while the database is known to be gone (SPEC S5).

A connect attempt to a server that vanished waits for the connect timeout. While the UI already
shows "connection lost", a lazy model that asks for its next rows on the GUI thread must not freeze
the window for that long: :meth:`ConnectionGuard.install` makes new connections fail at once
whenever the given predicate says so (the UI's predicate: lost, and on the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import event

from mandant_desktop.db.engine import engine_of
from mandant_desktop.domain.errors import DatabaseUnavailableError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


class ConnectionGuard:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._engine = engine_of(session_factory)

    def install(self, refuse: Callable[[], bool]) -> Callable[[], None]:
        """Refuse new connections while ``refuse()`` is true; returns the function that uninstalls it."""

        def check(*_args: Any) -> None:
            if refuse():
                raise DatabaseUnavailableError(
                    "The connection to the database was lost. Nothing was saved; try again when it is back."
                )

        event.listen(self._engine, "do_connect", check)

        def uninstall() -> None:
            if event.contains(self._engine, "do_connect", check):
                event.remove(self._engine, "do_connect", check)

        return uninstall
