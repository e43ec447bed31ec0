"""Offscreen Qt timings from the user's input to the finished repaint.

:func:`until_painted` starts a timer, gives the input (a key, a click, a page switch), lets the
event loop run until the page's background load (``ui.tasks``) has ended and the watched view has
painted after that, and returns the elapsed time. The event loop sleeps while a worker runs, so the
measurement does not steal the worker's CPU.
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from bench.harness import ADMIN


class _PaintWatch(QObject):
    def __init__(self, busy: Callable[[], bool], done: Callable[[], None]) -> None:
        super().__init__()
        self._busy = busy
        self._done = done
        self.painted = False

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        # The filter sees the paint event before the widget paints; the loop quits only after the
        # event has been handled, so the elapsed time includes the painting itself.
        if event.type() == QEvent.Type.Paint and not self._busy() and not self.painted:
            self.painted = True
            self._done()
        return False


def until_painted(
    widget: QWidget, action: Callable[[], object], busy: Callable[[], bool] = lambda: False, timeout_s: float = 300
) -> float:
    """ms from ``action()`` until ``widget`` has painted with ``busy()`` false."""
    loop = QEventLoop()
    watch = _PaintWatch(busy, loop.quit)
    requested = [False]

    def poll() -> None:
        # The data has arrived; make sure a paint follows (an update coalesces with a pending one).
        if not busy() and not requested[0]:
            requested[0] = True
            widget.update()

    poller = QTimer()
    poller.setInterval(1)
    poller.timeout.connect(poll)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    widget.installEventFilter(watch)
    try:
        start = time.perf_counter()
        action()
        if not watch.painted:
            poller.start()
            watchdog.start(int(timeout_s * 1000))
            loop.exec()
        elapsed = 1000 * (time.perf_counter() - start)
    finally:
        widget.removeEventFilter(watch)
        poller.stop()
        watchdog.stop()
    if not watch.painted:
        raise TimeoutError(f"{widget.objectName() or widget} did not paint within {timeout_s} s")
    return elapsed


def settle(ms: int = 50) -> None:
    """Let pending events (deferred deletes, layout) run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    from mandant_desktop.ui.app import create_application

    return create_application(["bench"])


class Session:
    """The main window of a logged-in admin on one database, as the user sees it (1400 × 900)."""

    def __init__(self, url: str) -> None:
        from mandant_desktop import bootstrap
        from mandant_desktop.ui.collector import GuiThreadCollector
        from mandant_desktop.ui.i18n import LanguageManager
        from mandant_desktop.ui.main_window import MainWindow
        from mandant_desktop.ui.settings import Settings

        self.qt = application()
        # As the program runs (ui.app.start_gui): no automatic collection on whichever thread
        # allocates, but due collections on a GUI-thread timer.
        self.collector = GuiThreadCollector(self.qt)
        self.collector.start()
        self._scratch = tempfile.TemporaryDirectory(prefix="bench-settings-")
        # Fresh settings: no remembered sort, filter or last page of whoever ran the program here.
        store = QSettings(str(Path(self._scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
        settings = Settings(store)
        self.app = bootstrap.open_database(url)
        self.operator = self.app.services.auth.login(*ADMIN)
        self.window = MainWindow(self.app, self.operator, settings=settings, language=LanguageManager(settings))
        self.window.resize(1400, 900)
        self.window.show()
        settle()
        gc.freeze()  # as the launcher does once the window is up: the start lives as long as the program

    @property
    def engine(self) -> Any:
        return self.app.engine

    def forget_page(self, page_id: str) -> None:
        """Drop a page so that the next visit builds and loads it again, as on the first visit."""
        page = self.window._pages.pop(page_id, None)
        if page is not None:
            self.window.stack.removeWidget(page)
            page.deleteLater()
            settle(10)

    def open_page(self, page_id: str, view: Callable[[Any], QWidget]) -> tuple[float, Any]:
        """ms from choosing ``page_id`` in the navigation until ``view(page)`` has painted its data."""
        from mandant_desktop.ui import tasks

        self.forget_page(page_id)
        self.window.show_page("settings")
        settle(10)
        holder: list[Any] = []

        def go() -> None:
            self.window.show_page(page_id)
            holder.append(self.window.current_page())

        def busy() -> bool:
            page = holder[0] if holder else None
            return page is None or bool(getattr(page, "busy", False)) or tasks.runner().active() > 0

        # The view exists only once the page is built: watch the viewport of whatever page comes.
        elapsed = _until_page_painted(go, holder, view, busy)
        return elapsed, holder[0]

    def close(self) -> None:
        from mandant_desktop.ui import tasks

        tasks.wait_for_all()
        self.window.close()
        self.window.deleteLater()
        settle(10)
        self.app.close()
        self.collector.stop()
        self._scratch.cleanup()


def _until_page_painted(
    go: Callable[[], None], holder: list[Any], view: Callable[[Any], QWidget], busy: Callable[[], bool]
) -> float:
    """Like :func:`until_painted`, for a view that the action itself creates."""
    start = time.perf_counter()
    go()
    until_painted(view(holder[0]), lambda: None, busy)
    return 1000 * (time.perf_counter() - start)
