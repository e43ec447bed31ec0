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
        #: a repaint was asked for and has not come yet
        self.requested = False
        self.start = time.perf_counter()
        #: what happened while waiting (busy changes, paints, repaint requests): told on a timeout
        self.history: list[str] = []

    def note(self, what: str) -> None:
        if len(self.history) < 200:
            self.history.append(f"{1000 * (time.perf_counter() - self.start):9.1f} ms  {what}")

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        # The filter sees the paint event before the widget paints; the loop quits only after the
        # event has been handled, so the elapsed time includes the painting itself.
        if event.type() == QEvent.Type.Paint and not self.painted:
            if self._busy():
                # A load started again between the request and the paint: this paint shows the
                # page before that load's answer, and the widget need not paint by itself after it
                # (its view repaints, not the widget). Ask again once the page is idle.
                self.requested = False
                self.note("paint while busy (not counted)")
            else:
                self.painted = True
                self._done()
        return False


def until_painted(
    widget: QWidget, action: Callable[[], object], busy: Callable[[], bool] = lambda: False, timeout_s: float = 300
) -> float:
    """ms from ``action()`` until ``widget`` has painted with ``busy()`` false.

    Whenever ``busy()`` is false and no repaint is on its way, one is asked for; a paint that comes
    while ``busy()`` is true again (a second load began after the first had ended) does not count,
    and another is asked for once the page is idle again.
    On a timeout the error says what was waited for (:func:`waiting_for`).
    """
    from mandant_desktop.ui import tasks

    loop = QEventLoop()
    watch = _PaintWatch(busy, loop.quit)
    was_busy = [True]

    def poll() -> None:
        # The data has arrived; make sure a paint follows (an update coalesces with a pending one).
        now_busy = busy()
        if now_busy != was_busy[0]:
            was_busy[0] = now_busy
            watch.note(f"busy: {', '.join(tasks.runner().describe_active())}" if now_busy else "idle")
        if not now_busy and not watch.requested:
            watch.requested = True
            watch.note("repaint requested")
            widget.update()

    poller = QTimer()
    poller.setInterval(1)
    poller.timeout.connect(poll)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    widget.installEventFilter(watch)
    try:
        start = watch.start = time.perf_counter()
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
        name = widget.objectName() or widget
        raise TimeoutError(f"{name} did not paint within {timeout_s} s\n{waiting_for(widget, busy, watch.history)}")
    return elapsed


def waiting_for(widget: QWidget, busy: Callable[[], bool], history: list[str]) -> str:
    """What :func:`until_painted` waited for when it gave up: the busy state, the tasks still
    running, what happened meanwhile and the stack of every thread (for a hang seen once)."""
    import faulthandler

    from mandant_desktop.ui import tasks

    runner = tasks.runner()
    window = widget.window()
    lines = [
        f"busy() = {busy()}, widget visible = {widget.isVisible()}, window = {window.objectName() or window}",
        f"tasks running: {runner.active()} {runner.describe_active()}",
        "history:",
        *(f"  {line}" for line in history),
        "threads:",
    ]
    with tempfile.TemporaryFile("w+") as out:  # faulthandler writes to a real file descriptor
        faulthandler.dump_traceback(out, all_threads=True)
        out.seek(0)
        lines.append(out.read())
    return "\n".join(lines)


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
        #: the GUI thread's CPU time of the last :meth:`open_page`, from choosing the page to its
        #: painted data (the page shown before it and the one dropped are not counted)
        self.last_open_gui_cpu_ms = 0.0

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
        started_cpu = time.thread_time()
        elapsed = _until_page_painted(go, holder, view, busy)
        self.last_open_gui_cpu_ms = 1000 * (time.thread_time() - started_cpu)
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
