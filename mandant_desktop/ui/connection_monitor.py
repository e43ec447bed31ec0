"""A lost database connection becomes a banner, not a dialog (SPEC S5).

When an action fails with :class:`DatabaseUnavailableError`, ``errors.run_action`` tells the
monitor instead of showing a message box. The main window shows its banner; the monitor probes the
database off the GUI thread — soon at first, then less often (back-off up to
:data:`MAX_PROBE_INTERVAL_MS`) — and reports when it answers again. Pages are not
rebuilt on either event, so what the user typed stays where it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 2000
#: the back-off doubles the interval after every unanswered probe, up to this
MAX_PROBE_INTERVAL_MS = 30000


class _ProbeSignals(QObject):
    answered = Signal(bool)


class _Probe(QRunnable):
    def __init__(self, probe: Callable[[], object], signals: _ProbeSignals) -> None:
        super().__init__()
        self._probe = probe
        # Owned by the monitor (its Qt parent): the pool deletes this runnable on its own thread,
        # which must not take the GUI-thread signals object with it.
        self.signals = signals

    def run(self) -> None:
        try:
            self._probe()
        except Exception:
            # Any failure means "still gone"; the next probe tries again.
            self.signals.answered.emit(False)
        else:
            self.signals.answered.emit(True)


class ConnectionMonitor(QObject):
    lost = Signal()
    restored = Signal()

    def __init__(
        self, probe: Callable[[], object], *, interval_ms: int = PROBE_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._probe = probe
        self._first_interval = interval_ms
        self._is_lost = False
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.probe_now)
        self._unguard: Callable[[], None] | None = None

    @property
    def is_lost(self) -> bool:
        return self._is_lost

    def report_lost(self) -> None:
        if self._is_lost:
            return
        log.warning("database connection lost; probing every %s ms", self._timer.interval())
        self._is_lost = True
        self._timer.setInterval(self._first_interval)
        self._timer.start()
        self.lost.emit()

    def probe_now(self) -> None:
        if self._probing:
            return
        self._probing = True
        signals = _ProbeSignals(self)
        signals.answered.connect(self._answered)
        signals.answered.connect(signals.deleteLater)  # on the GUI thread, after the answer
        QThreadPool.globalInstance().start(_Probe(self._probe, signals))

    def _answered(self, ok: bool) -> None:
        self._probing = False
        if not ok and self._is_lost:
            self._timer.setInterval(min(self._timer.interval() * 2, max(MAX_PROBE_INTERVAL_MS, self._first_interval)))
        if ok and self._is_lost:
            log.info("database connection is back")
            self._is_lost = False
            self._timer.stop()
            self.restored.emit()

    @property
    def interval_ms(self) -> int:
        """The current wait between two probes."""
        return self._timer.interval()

    def guard(self, install: Callable[[Callable[[], bool]], Callable[[], None]]) -> None:
        """While the connection is lost, a connect attempt from the GUI thread fails at once instead
        of waiting for the connect timeout (a lazy model's window fetch, a page refresh); the
        probes and other work off the GUI thread still try (S5). ``install`` is
        :meth:`ConnectionGuard.install <mandant_desktop.services.connection_guard.ConnectionGuard.install>`."""
        self.unguard()
        self._unguard = install(self._refuse_on_gui_thread)

    def unguard(self) -> None:
        if self._unguard is not None:
            self._unguard()
            self._unguard = None

    def _refuse_on_gui_thread(self) -> bool:
        app = QCoreApplication.instance()
        return self._is_lost and app is not None and QThread.currentThread() is app.thread()

    def stop(self) -> None:
        self.unguard()
        self._timer.stop()
        if self._probing:
            # A probe in flight uses the engine that the caller is about to dispose.
            QThreadPool.globalInstance().waitForDone(5000)
