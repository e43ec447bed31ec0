"""Test a connection profile off the GUI thread (a server may take seconds to answer or time out)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mandant_desktop.services.profiles import ConnectionProfile, test_connection

log = logging.getLogger(__name__)


class ConnectionTestSignals(QObject):
    #: the server's version line
    succeeded = Signal(str)
    #: the exception (a DomainError for everything a user can act on)
    failed = Signal(object)


class ConnectionTest(QRunnable):
    """One ``test_connection`` call on the global thread pool; results arrive as queued signals."""

    def __init__(self, profile: ConnectionProfile, password: str | None, owner: QObject) -> None:
        super().__init__()
        self._profile = profile
        self._password = password
        # Created here, in the GUI thread, so that its signals are delivered to GUI-thread receivers,
        # and owned by ``owner``: the pool deletes this runnable on its own thread, which must not
        # take a GUI-thread object with it. It deletes itself (on the GUI thread) after reporting.
        self.signals = ConnectionTestSignals(owner)
        self.signals.succeeded.connect(self.signals.deleteLater)
        self.signals.failed.connect(self.signals.deleteLater)

    def run(self) -> None:
        try:
            version = test_connection(self._profile, self._password)
        except Exception as exc:
            # Never let an exception out of a pool thread: report it to the dialog instead.
            log.info("connection test of %s failed: %s", self._profile.name, type(exc).__name__)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(version)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
