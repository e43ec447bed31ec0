"""Other workstations' changes reach the open window without F5 (SPEC E8).

On PostgreSQL a :class:`~mandant_desktop.services.changes.ChangeListener` LISTENs in its own
thread; elsewhere a :class:`~mandant_desktop.services.changes.ChangePoller` runs every
:data:`POLL_INTERVAL_MS` on the task runner. Either way :attr:`ChangeWatcher.changed` is emitted on
the GUI thread; the main window decides which page reloads (only one without unsaved changes).

While the watcher is paused nothing is emitted, whatever the backend: the poller does not poll, and
notifications (and a poll that was already running) are kept, merged, and emitted once on resume.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mandant_desktop.domain.errors import DatabaseUnavailableError, DomainError
from mandant_desktop.services.changes import ChangeListener, ChangePoller, Changes
from mandant_desktop.ui import tasks
from mandant_desktop.ui.errors import report_error

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator

log = logging.getLogger(__name__)

#: how often SQLite and MariaDB are asked for news: one indexed query
POLL_INTERVAL_MS = 4000


class ChangeWatcher(QObject):
    #: another workstation changed something (a :class:`Changes`); emitted on the GUI thread
    changed = Signal(object)
    #: the listening connection broke (PostgreSQL); the connection monitor takes over
    connection_lost = Signal()
    _from_listener = Signal(object)
    _listener_state = Signal(bool)

    def __init__(
        self,
        app: AppContext,
        operator: Operator,
        *,
        interval_ms: int | None = None,
        paused: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._listener: ChangeListener | None = None
        self._poller: ChangePoller | None = None
        self._polling = False
        self._poll_task: tasks.Task[Changes | None] | None = None
        #: a refused poll has been said; the next ones are only logged until a poll succeeds
        self._refusal_said = False
        self._paused = paused
        #: what arrived while paused, merged; emitted once when the watcher resumes
        self._pending: Changes | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll_now)
        changes = app.services.changes
        if changes.uses_notify:
            self._from_listener.connect(self._arrived)
            self._listener_state.connect(self._state)
            self._listener = changes.listener(self._from_listener.emit, self._listener_state.emit)
            self._listener.start()
        else:
            self._poller = changes.poller(operator)
            self._timer.start()
            self.poll_now()  # sets the mark

    @property
    def uses_notify(self) -> bool:
        return self._listener is not None

    def set_paused(self, paused: bool, *, drop_pending: bool = False) -> None:
        """Pause (no polls, no ``changed``) e.g. while the connection is known to be lost and the
        monitor probes it; on resume what arrived meanwhile is emitted once, merged, unless the
        caller reloads everything itself (``drop_pending``). The poller then polls at once: its mark
        stayed where it was, so it finds what others changed during the pause."""
        was_paused, self._paused = self._paused, paused
        if paused or not was_paused:
            return
        if drop_pending:
            self._pending = None
        self._flush()
        self.poll_now()

    def _arrived(self, changes: Changes) -> None:
        self._pending = changes if self._pending is None else _merged(self._pending, changes)
        self._flush()

    def _flush(self) -> None:
        if self._paused or self._pending is None:
            return
        changes, self._pending = self._pending, None
        self.changed.emit(changes)

    def poll_now(self) -> None:
        if self._poller is None or self._polling or self._paused:
            return
        self._polling = True
        self._poll_task = tasks.run(
            self, self._poller.poll, on_done=self._polled, on_error=self._poll_failed, shows_error=True
        )

    def _polled(self, changes: Changes | None) -> None:
        self._polling = False
        self._refusal_said = False
        if changes is not None:
            self._arrived(changes)

    def _poll_failed(self, exc: DomainError) -> None:
        self._polling = False
        log.info("change poll failed: %s", exc.template)
        # A lost connection has the banner (the task shows it). Any other refusal is said once, not
        # every few seconds while it lasts: the other workstations' changes no longer arrive.
        if not isinstance(exc, DatabaseUnavailableError) and not self._refusal_said:
            self._refusal_said = True
            report_error(None, exc)

    def _state(self, up: bool) -> None:
        if not up:
            self.connection_lost.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._poller = None
        task = self._poll_task
        if task is not None and task.is_running:
            task.cancel()
            task.wait(2000)  # one indexed query: the database must not be closed under it
        if self._listener is not None:
            self._listener.stop()
            self._listener = None


def _merged(first: Changes, second: Changes) -> Changes:
    """Both at once; no tables (unknown: everything may have changed) wins."""
    if not first.tables or not second.tables:
        return Changes(frozenset())
    return Changes(first.tables | second.tables)
