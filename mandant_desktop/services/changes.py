"""Noticing other workstations' changes (SPEC E8).

PostgreSQL: every unit of work that changed something sends ``NOTIFY mandant_changes`` with the
changed tables when it commits (:mod:`services.unit_of_work`); :class:`ChangeListener` holds one
extra connection that LISTENs and calls back from its own thread.

SQLite and MariaDB: every change writes the audit log in its transaction, so the newest audit
entry is a change counter. :class:`ChangePoller` asks for entries newer than the last one it saw —
one indexed query every few seconds — and leaves out this workstation's own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError

from mandant_desktop.db.engine import engine_of
from mandant_desktop.db.tables import audit_log
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import (
    _TABLE_OF_CLASS,
    CHANGES_CHANNEL,
    change_source,
    raise_as_domain_error,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: at most this many new audit entries are looked at per poll (the rest only moves the counter)
_POLL_LIMIT = 500
#: the listener's reconnect delays, in seconds, after the server went away
_BACKOFF_S = (1.0, 2.0, 5.0, 10.0, 30.0)


@dataclass(frozen=True)
class Changes:
    """What other workstations changed: the tables (empty when unknown, e.g. many at once)."""

    tables: frozenset[str]


class ChangePoller:
    """The periodic check for SQLite and MariaDB (and a fallback anywhere)."""

    def __init__(self, session_factory: sessionmaker[Session], operator: Operator) -> None:
        self._factory = session_factory
        self._operator = operator
        self._seen: int | None = None

    def poll(self) -> Changes | None:
        """Changes of others since the last poll, or None; the first poll only sets the mark.

        Raises DatabaseUnavailableError when the database is gone (the caller shows the banner).
        """
        try:
            return self._poll()
        except DBAPIError as exc:
            raise_as_domain_error(exc)

    def _poll(self) -> Changes | None:
        entry = audit_log.c
        # A Core connection: the first poll runs while the start page loads, before the ORM (issue 8).
        with engine_of(self._factory).connect() as connection:
            if self._seen is None:
                self._seen = connection.scalar(select(func.max(entry.id))) or 0
                return None
            rows = connection.execute(
                select(entry.id, entry.object_type, entry.operator_id, entry.workstation)
                .where(entry.id > self._seen)
                .order_by(entry.id)
                .limit(_POLL_LIMIT)
            ).all()
            if not rows:
                return None
            self._seen = rows[-1].id
            if len(rows) == _POLL_LIMIT:
                self._seen = connection.scalar(select(func.max(entry.id))) or self._seen
        others = [
            row
            for row in rows
            if row.operator_id != self._operator.id or row.workstation != self._operator.workstation[:255]
        ]
        if not others:
            return None
        return Changes(frozenset(_TABLE_OF_CLASS.get(row.object_type, row.object_type.lower()) for row in others))


class ChangeListener:
    """LISTEN on PostgreSQL in a daemon thread; ``on_change`` and ``on_state`` are called from it.

    ``on_state(False)`` when the listening connection is lost, ``on_state(True)`` when it is back
    (after a reconnect with back-off); changes made through ``engine`` itself are left out.
    """

    def __init__(
        self,
        engine: Engine,
        on_change: Callable[[Changes], None],
        on_state: Callable[[bool], None] | None = None,
    ) -> None:
        self._engine = engine
        self._own = change_source(engine)
        self._on_change = on_change
        self._on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mandant-listen", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and join the thread: it must not outlive the engine or the interpreter (at most one
        ``notifies`` timeout and one ``SELECT 1``, or a connect attempt, pass before it sees the flag)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("change listener did not stop within %s s", timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._listen()
                failures = 0
            except Exception as exc:  # SQLAlchemy's and the driver's own kinds
                if self._stop.is_set():
                    return
                log.info("change listener lost its connection: %s", str(exc).splitlines()[0] if str(exc) else exc)
                self.listening.clear()
                if failures == 0:
                    self._tell(self._on_state, False)
                delay = _BACKOFF_S[min(failures, len(_BACKOFF_S) - 1)]
                failures += 1
                self._stop.wait(delay)

    def _tell(self, callback: Callable[[Any], None], value: object) -> None:
        """Call back; a receiver that is gone (the window closed) ends the listener quietly."""
        try:
            callback(value)
        except RuntimeError:
            log.info("change listener: its receiver is gone; stopping")
            self._stop.set()

    def _listen(self) -> None:
        with self._engine.connect() as connection:
            raw: Any = connection.connection.dbapi_connection  # psycopg's own connection
            try:
                raw.autocommit = True
                raw.execute(f"LISTEN {CHANGES_CHANNEL}")
                self.listening.set()
                self._tell(self._on_state, True)
                while not self._stop.is_set():
                    for notify in raw.notifies(timeout=1.0):
                        source, _, tables = notify.payload.partition("|")
                        if source != self._own:
                            self._tell(self._on_change, Changes(frozenset(t for t in tables.split(",") if t)))
                    # notifies() returns after its timeout; an answer proves the connection is alive
                    raw.execute("SELECT 1")
            finally:
                self.listening.clear()
                # Never back into the pool: it is in autocommit mode and listening.
                connection.invalidate()


class ChangeService:
    """The composition root's door to change detection: LISTEN where the backend has it, else polls."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    @property
    def _engine(self) -> Engine:
        return engine_of(self._factory)

    @property
    def uses_notify(self) -> bool:
        return self._engine.dialect.name == "postgresql"

    def poller(self, operator: Operator) -> ChangePoller:
        return ChangePoller(self._factory, operator)

    def listener(
        self, on_change: Callable[[Changes], None], on_state: Callable[[bool], None] | None = None
    ) -> ChangeListener:
        return ChangeListener(self._engine, on_change, on_state)
