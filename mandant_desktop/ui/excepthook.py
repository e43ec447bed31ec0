"""The global exception hook: log the traceback to a file, show the user a friendly dialog.

The dialog never shows a traceback; it says where the details were written. A DomainError that
reaches the hook (a slot that did not go through ``run_action``) shows only its translated
message. Exceptions raised in worker threads (Qt's thread pool reports them to ``sys.excepthook``,
Python threads to ``threading.excepthook``; both are taken over) are logged there and reported in
the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.ui import interaction
from mandant_desktop.ui.errors import message_for

log = logging.getLogger("mandant_desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


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
    """Installed as ``sys.excepthook`` and ``threading.excepthook``; :meth:`uninstall` puts the previous hooks back."""

    _report = Signal(object)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
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
        if threading.current_thread() is threading.main_thread():
            self._show(exc)
        else:
            self._report.emit(exc)

    def _show(self, exc: BaseException) -> None:
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
