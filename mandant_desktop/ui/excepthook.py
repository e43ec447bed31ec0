"""The global exception hook: log the traceback to a file, show the user a friendly dialog.

The dialog never shows a traceback; it says where the details were written. A DomainError that
reaches the hook (a slot that did not go through ``run_action``) shows only its translated
message. Exceptions raised in worker threads (Qt's thread pool reports them to ``sys.excepthook``,
Python threads to ``threading.excepthook``; both are taken over) are logged there and reported in
the GUI thread.

Without a display (the ``offscreen`` or ``minimal`` platform: ``--screenshot``, scripts, the start
probe) nobody could close a dialog, and a modal one would block the run for good. There the hook
only logs (the log file and stderr) and ends the run with :data:`EXIT_UNEXPECTED`.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.ui import interaction
from mandant_desktop.ui.errors import message_for

log = logging.getLogger("mandant_desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

#: the exit code of a run that an unexpected error ended (``mandant_desktop.__main__``'s "anything unexpected")
EXIT_UNEXPECTED = 1
#: Qt platforms that show nothing to a user
_HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
#: how often a run ended by an error asks its event loop to stop, until one runs
_EXIT_RETRY_MS = 10


def has_display() -> bool:
    """False when the running application shows its windows to nobody (see the module's text)."""
    return QGuiApplication.platformName() not in _HEADLESS_PLATFORMS


def friendly_text(exc: BaseException, log_file: Path | None) -> tuple[str, str]:
    """Title and text of the dialog for ``exc``."""
    if isinstance(exc, DomainError):
        return QCoreApplication.translate("errors", "Cannot complete the action"), message_for(exc)
    title = QCoreApplication.translate("errors", "Unexpected error")
    text = QCoreApplication.translate(
        "errors",
        "Something went wrong that the program did not expect. Please try again; if it happens again, "
        "tell your administrator.",
    )
    if log_file is not None:
        text += "\n\n" + QCoreApplication.translate("errors", "The details were written to {file}.").format(
            file=log_file
        )
    return title, text


class ExceptionHook(QObject):
    """Installed as ``sys.excepthook`` and ``threading.excepthook``; :meth:`uninstall` puts the previous hooks back.

    ``interactive``: show the dialog. When False, an error is only logged and ends the run: the
    event loop stops with :attr:`exit_code` (at once, or as soon as one runs), and the caller of a
    run that ends without one reads :attr:`exit_code` too.
    """

    _report = Signal(object)

    def __init__(self, log_file: Path | None, parent: QObject | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.interactive = interactive
        #: 0, or :data:`EXIT_UNEXPECTED` once an error reached a hook that is not interactive
        self.exit_code = 0
        self._exit_retry: QTimer | None = None
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        # the one bound method installed, so that uninstall can recognise it
        self._thread_hook = self._from_thread
        self._showing = False
        # Queued to the thread this object lives in (the GUI thread), whichever thread emits.
        self._report.connect(self._show)

    def install(self) -> None:
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous
        if threading.excepthook is self._thread_hook:
            threading.excepthook = self._previous_thread_hook
        if self._exit_retry is not None:
            self._exit_retry.stop()

    def _from_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return  # a thread that ended with sys.exit() is no error (threading's own hook agrees)
        self(args.exc_type, args.exc_value, args.exc_traceback)

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        if isinstance(exc, DomainError):
            log.warning("refusal reached the exception hook: %s", exc.template, exc_info=(exc_type, exc, tb))
        else:
            log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            self._previous(exc_type, exc, tb)
            return
        if not self.interactive:
            # set at once, on whichever thread: the run may end before the GUI thread hears of it
            self.exit_code = EXIT_UNEXPECTED
        if threading.current_thread() is threading.main_thread():
            self._show(exc)
        else:
            self._report.emit(exc)

    def _show(self, exc: BaseException) -> None:
        if not self.interactive:
            self._end_run()
            return
        if self._showing:
            return  # one dialog at a time: an error in a paint loop must not stack up boxes
        self._showing = True
        try:
            title, text = friendly_text(exc, self.log_file)
            interaction.get().error(QApplication.activeWindow(), title, text)
        except Exception:
            log.exception("the error dialog itself failed")
        finally:
            self._showing = False

    def _end_run(self) -> None:
        """Stop the event loop with :attr:`exit_code`; when none runs yet (the start, a screenshot's
        rendering), keep asking until one does."""
        self._exit_loop()
        if self._exit_retry is None:
            log.critical("no display to report the error on: the program ends with exit code %d", self.exit_code)
            self._exit_retry = QTimer(self)
            self._exit_retry.setInterval(_EXIT_RETRY_MS)
            self._exit_retry.timeout.connect(self._exit_loop)
            self._exit_retry.start()

    def _exit_loop(self) -> None:
        # Only while a loop runs: QCoreApplication.exit() without one would make every later
        # QEventLoop.exec() return at once, until the next QApplication.exec().
        if QThread.currentThread().loopLevel() > 0:
            QCoreApplication.exit(self.exit_code)
