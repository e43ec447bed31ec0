"""Database work off the GUI thread (SPEC S5, E3).

``tasks.run(owner, fn, *args, on_done=…)`` calls ``fn`` on the global thread pool and delivers its
result — or its :class:`DomainError` — back on the GUI thread. The worker never touches a widget:
services create their SQLAlchemy sessions inside the call, and the callbacks run on the GUI thread
only while ``owner`` (a widget or any QObject) still exists. A task that takes longer than
:data:`BUSY_DELAY_MS` shows the busy cursor (and the main window's busy note, through
:attr:`TaskRunner.busy_changed`) until it ends.

Failures are reported as :func:`~mandant_desktop.ui.errors.run_action` reports them, and logged: a
lost connection goes to the banner (S5), a save over someone else's change to the conflict question,
any other DomainError to a translated message — also when the task has an ``on_error``, which then
only puts the page right (unlocks it, shows what it still has). A handler that says the error itself
(a dialog's message line, a page's note) declares it with ``shows_error=True``, so that nobody reads
it twice. A programming error (anything else than a DomainError, in the call or in ``on_done``) is
logged with its traceback and goes to the global exception hook (the friendly dialog) — or, for a
handler that says errors itself, to that handler only — and ``on_error`` then gets an
:class:`UnexpectedError` in its place: the page is put right (unlocked) whatever went wrong.

A task may be cancelled: its result is then dropped, and a service that takes a ``cancel`` check
(exports, bulk edit) stops between chunks when the task passes :meth:`Task.cancelled` to it. A task
that ``writes`` delivers its result even when Cancel came too late to stop it: the change is
committed then, and the page must know it (undo).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from mandant_desktop.domain.errors import DatabaseUnavailableError, DomainError
from mandant_desktop.ui import errors

log = logging.getLogger(__name__)

R = TypeVar("R")

#: a task that ends sooner shows no busy indicator (no flicker for the usual few milliseconds)
BUSY_DELAY_MS = 300


class UnexpectedError(DomainError):
    """What ``on_error`` gets for a programming error (its ``__cause__``): a handler reads it like
    any refusal — it puts the page right, and one that says errors itself (``shows_error``) shows
    this generic message. The traceback of the cause is in the log."""

    def __init__(self) -> None:
        super().__init__(
            "Something went wrong that the program did not expect. Please try again; if it happens again, "
            "tell your administrator."
        )


#: what every task's call runs inside, on its worker (see :func:`set_call_gate`)
_call_gate: Callable[[], AbstractContextManager[object]] = nullcontext


def set_call_gate(gate: Callable[[], AbstractContextManager[object]]) -> None:
    """Run every task's call inside ``gate()`` on its worker: the launcher passes the ORM warm-up's
    gate (``bootstrap.orm_gate.work``), so that no call imports the ORM while the warm-up does."""
    global _call_gate
    _call_gate = gate


class _Returned(QObject):
    """The one object workers emit on: it lives on the GUI thread as long as its runner."""

    returned = Signal(int)


class _Job(QRunnable):
    """Runs a task's call on a pool thread.

    The pool deletes the job on that thread when ``run`` ends, so the job must not be the last
    holder of anything: a closure, a result or an exception that reaches a widget would otherwise be
    freed there, and Qt objects may only be deleted on the thread they belong to. The call and its
    outcome therefore live in a box the Task holds; the job lets go of it before it reports, and the
    Task drops it on the GUI thread.
    """

    def __init__(self, key: int, box: list[Any], returned: SignalInstance, event: threading.Event) -> None:
        super().__init__()
        self._key = key
        self._box: list[Any] | None = box
        self._returned = returned
        self._event = event

    def run(self) -> None:
        box, self._box = self._box, None
        assert box is not None
        try:
            with _call_gate():
                box[1] = (True, box[0]())
        except BaseException as exc:  # delivered to the GUI thread, which decides what it means
            box[1] = (False, exc)
        del box
        self._event.set()
        self._returned.emit(self._key)


class Task(QObject, Generic[R]):
    """One call in flight; ``finished`` is emitted on the GUI thread when it is over, whatever the outcome."""

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        owner: QObject | None,
        fn: Callable[[], R],
        on_done: Callable[[R], None] | None,
        on_error: Callable[[DomainError], None] | None,
        banner: bool = True,
        writes: bool = False,
        shows_error: bool = False,
    ) -> None:
        super().__init__(runner)
        self._banner = banner
        self._shows_error = shows_error
        self._writes = writes
        self._runner = runner
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self._cancel = threading.Event()
        self.is_running = True
        #: what the task calls, for a diagnosis (a hang, a task that never ends)
        self.name = ""
        #: [the call, its outcome (ok, result or exception)]; released on the GUI thread only
        self._box: list[Any] | None = [fn, None]
        #: set on the worker thread as soon as the call has returned
        self._returned = threading.Event()

    def cancel(self) -> None:
        """Drop the result; a service given :meth:`cancelled` as its cancel check stops early."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout_ms: int) -> bool:
        """Block until the call has returned on its worker (not until the answer is delivered);
        for closing what the call uses. True when it returned in time."""
        return self._returned.wait(timeout_ms / 1000)

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _deliver(self) -> None:
        box = self._box
        assert box is not None and box[1] is not None
        ok, value = box[1]
        if ok:
            self._done(value)
        else:
            self._failed(value)

    def _done(self, result: object) -> None:
        try:
            wanted = self._writes or not self.cancelled()
            if self._on_done is not None and wanted and self._owner_alive():
                try:
                    self._on_done(result)  # type: ignore[arg-type]
                except Exception as exc:  # a failing handler must not leave the page locked either
                    self._report(exc, during="on_done")
        finally:
            self._end()

    def _failed(self, exc: BaseException) -> None:
        try:
            if self.cancelled() or not self._owner_alive():
                if isinstance(exc, DomainError):
                    log.info("dropped the failure of a cancelled or orphaned task: %r", exc)
                else:
                    log.warning("%s: a cancelled or orphaned task failed unexpectedly", self.name, exc_info=exc)
            else:
                self._report(exc)
        finally:
            self._end()

    def _report(self, exc: BaseException, during: str = "") -> None:
        """Say ``exc`` once (the banner, a message, the friendly dialog, or the task's handler, see
        the module's text) and give it — or an :class:`UnexpectedError` for a programming error —
        to ``on_error``, so that the page is put right whatever went wrong."""
        what = f"{self.name} ({during})" if during else self.name
        if isinstance(exc, DomainError):
            failure: DomainError = exc
            if self._on_error is None:
                said_here = True
            elif isinstance(exc, DatabaseUnavailableError):
                said_here = self._banner  # banner=False: the handler says it in its own message line
            else:
                said_here = not self._shows_error
            if said_here:
                # The banner for a lost connection, a message for anything else (as run_action does).
                parent = self._owner if isinstance(self._owner, QWidget) else None
                errors.report_failure(parent, exc, what)
            else:
                log.info("%s failed (its handler says so): %s", what, exc.template)
        else:
            failure = UnexpectedError()
            failure.__cause__ = exc
            if self._on_error is not None and self._shows_error:
                # The handler says it in its own message line; the traceback goes to the log.
                log.error("%s failed unexpectedly (its handler says so)", what, exc_info=exc)
            else:
                # The global hook logs the traceback and shows the friendly dialog.
                sys.excepthook(type(exc), exc, exc.__traceback__)
        if self._on_error is not None and self._owner_alive():
            self._on_error(failure)

    def _end(self) -> None:
        self._box = None  # the call's closure and its outcome go here, on the GUI thread
        self.is_running = False
        self._runner._ended(self)
        self.finished.emit()


class _GuiCall(QObject):
    """Runs a callable on the GUI thread for a worker that waits for its answer."""

    request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    def _run(self, box: list[Any]) -> None:
        try:
            box.append((True, box[0]()))
        except BaseException as exc:
            box.append((False, exc))


class TaskRunner(QObject):
    """Starts tasks and keeps the busy indicator while any of them runs longer than a moment."""

    #: True while at least one task has been running for longer than BUSY_DELAY_MS
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._active: set[Task[Any]] = set()
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._gui_call = _GuiCall(self)
        self._tasks_by_key: dict[int, Task[Any]] = {}
        self._next_key = 0
        self._returns = _Returned(self)
        # Queued: a worker emits, the runner (GUI thread) receives.
        self._returns.returned.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._busy

    def active(self) -> int:
        return len(self._active)

    def describe_active(self) -> list[str]:
        """The tasks not yet ended: what each calls, and whether its call has returned (its answer
        then waits for the GUI thread) or was cancelled; for diagnosing a page that stays busy."""
        return [
            f"{task.name} ({'returned' if task._returned.is_set() else 'running'}"
            f"{', cancelled' if task.cancelled() else ''})"
            for task in self._active
        ]

    def run(
        self,
        owner: QObject | None,
        fn: Callable[..., R],
        *args: Any,
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[DomainError], None] | None = None,
        banner: bool = True,
        writes: bool = False,
        shows_error: bool = False,
        **kwargs: Any,
    ) -> Task[R]:
        """Call ``fn(*args, **kwargs)`` on a worker thread; ``on_done(result)`` on the GUI thread.

        A failure is said to the user (banner, message) and then given to ``on_error``, if any;
        ``shows_error=True``: ``on_error`` says a refusal itself, the task only logs it.
        ``banner=False``: a lost connection goes only to ``on_error`` (a dialog before the main window
        says it in its own message line). ``writes=True``: ``on_done`` gets the result even when the
        task was cancelled after ``fn`` had got past its last cancel check (the change is made).
        """
        task: Task[R] = Task(self, owner, lambda: fn(*args, **kwargs), on_done, on_error, banner, writes, shows_error)
        task.name = getattr(fn, "__qualname__", None) or repr(fn)
        self._active.add(task)
        if not self._busy and not self._busy_timer.isActive():
            self._busy_timer.start()
        self._next_key += 1
        key = self._next_key
        self._tasks_by_key[key] = task
        assert task._box is not None
        self._pool.start(_Job(key, task._box, self._returns.returned, task._returned))
        return task

    def wait_for_all(self, timeout_ms: int = 10000) -> bool:
        """Block until every call this runner's pool is running has returned (a closing window,
        the end of the program): no worker may outlive the database or the QApplication (S5).
        Results still queued for the GUI thread are dropped with their owners. True when done in time."""
        for task in list(self._active):
            task.cancel()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("%s database calls still running after %s ms", self._pool.activeThreadCount(), timeout_ms)
        return done

    def call_in_gui_thread(self, fn: Callable[[], R]) -> R:
        """``fn()`` on the GUI thread, waited for: a question (an upgrade to confirm) asked halfway
        through a worker's call. From the GUI thread itself it is simply called."""
        if QThread.currentThread() is self.thread():
            return fn()
        box: list[Any] = [fn]
        self._gui_call.request.emit(box)
        ok, value = box[1]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _deliver(self, key: int) -> None:
        task = self._tasks_by_key.pop(key, None)
        if task is not None:
            task._deliver()

    def _ended(self, task: Task[Any]) -> None:
        self._active.discard(task)
        task.deleteLater()
        if not self._active:
            self._busy_timer.stop()
            if self._busy:
                self._busy = False
                QApplication.restoreOverrideCursor()
                self.busy_changed.emit(False)

    def _show_busy(self) -> None:
        if self._active and not self._busy:
            self._busy = True
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy_changed.emit(True)


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application's runner (one per process, living on the GUI thread)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = TaskRunner(QApplication.instance())
    return _runner


def wait_for_all(timeout_ms: int = 10000) -> bool:
    """Wait for every worker of the global pool (the task runner's, the connection probes'); for
    closing a session or the program. Safe to call when no runner was ever made."""
    if _runner is not None and shiboken6.isValid(_runner):
        return _runner.wait_for_all(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run(
    owner: QObject | None,
    fn: Callable[..., R],
    *args: Any,
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[DomainError], None] | None = None,
    banner: bool = True,
    writes: bool = False,
    shows_error: bool = False,
    **kwargs: Any,
) -> Task[R]:
    """:meth:`TaskRunner.run` on the application's runner."""
    return runner().run(
        owner,
        fn,
        *args,
        on_done=on_done,
        on_error=on_error,
        banner=banner,
        writes=writes,
        shows_error=shows_error,
        **kwargs,
    )


class _Progress(QObject):
    """Carries ``(done, total)`` from a worker to the progress dialog on the GUI thread."""

    step = Signal(int, int)


class ProgressDialog(QProgressDialog):
    """The window-modal dialog of :func:`run_with_progress`, shown after a moment; busy (no
    fraction) until the work reports its first step; with Cancel when the work can stop halfway.

    Work that cannot stop shows no Cancel, and then Escape and the window's close button leave the
    dialog open too: a plain QProgressDialog hid itself on Escape and gave the window back while
    the work went on (E2, E3). :meth:`finish` closes it when the work has ended.
    """

    def __init__(self, owner: QWidget | None, title: str, label: str, *, cancellable: bool) -> None:
        super().__init__(owner)
        self.setObjectName("progressDialog")
        self._cancellable = cancellable
        self._finished = False
        self.setWindowTitle(title)
        self.setLabelText(label)
        if cancellable:
            self.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
        else:
            self.setCancelButton(None)  # no button
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(800)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)

    def finish(self) -> None:
        """The work has ended: close, whether it could be cancelled or not."""
        self._finished = True
        self.close()

    def reject(self) -> None:
        """Escape: Cancel, when there is one (Qt's own Escape shortcut does that only while the
        dialog is the active window; this is the key arriving any other way)."""
        if self._finished:
            super().reject()
        elif self._cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cancellable or self._finished:
            super().closeEvent(event)
        else:
            event.ignore()


def run_with_progress(
    owner: QWidget,
    title: str,
    label: str,
    fn: Callable[..., R],
    *args: Any,
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[DomainError], None] | None = None,
    writes: bool = False,
    reports: bool = True,
    shows_error: bool = False,
    **kwargs: Any,
) -> Task[R]:
    """``fn(*args, progress=…, cancel=…, **kwargs)`` on a worker, with a window-modal progress
    dialog (shown after a moment) whose Cancel button cancels the task (S5, E3); ``writes`` as
    for :func:`run`. ``reports=False``: ``fn`` reports no progress and cannot stop halfway; it is
    called as ``fn(*args, **kwargs)`` and the dialog only says that the work goes on, without Cancel.

    The worker's ``progress(done, total)`` is a queued signal to the dialog, never a widget call;
    ``cancel()`` reads the task's thread-safe flag, so the service stops between chunks and its
    unit of work rolls back. The dialog closes when the task ends, whatever the outcome.
    """
    dialog = ProgressDialog(owner, title, label, cancellable=reports)
    signals = _Progress(dialog)

    def show(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    signals.step.connect(show, Qt.ConnectionType.QueuedConnection)
    holder: list[Task[R]] = []

    def cancelled() -> bool:
        return bool(holder) and holder[0].cancelled()

    if reports:
        kwargs.update(progress=signals.step.emit, cancel=cancelled)
    task = run(owner, fn, *args, on_done=on_done, on_error=on_error, writes=writes, shows_error=shows_error, **kwargs)
    holder.append(task)
    dialog.canceled.connect(task.cancel)

    def close() -> None:
        if shiboken6.isValid(dialog):
            # Closing a QProgressDialog emits canceled(): the task that has just ended must not
            # read as cancelled to whoever looks at it after this (a "cancelled" note, undo).
            dialog.canceled.disconnect(task.cancel)
            dialog.finish()
            dialog.deleteLater()

    task.finished.connect(close)
    return task


class Latest(QObject, Generic[R]):
    """One kind of load of a page (a search, a reload) where only the newest answer counts (S5).

    :meth:`run` starts the call on a worker and cancels the one before, whose answer is then
    dropped even if it arrives later; :attr:`busy` is True until the newest call has ended, and
    :attr:`settled` is emitted then.
    """

    settled = Signal()

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self._owner = owner
        self._task: Task[R] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def run(
        self,
        fn: Callable[..., R],
        *args: Any,
        on_done: Callable[[R], None],
        on_error: Callable[[DomainError], None] | None = None,
        shows_error: bool = False,
    ) -> Task[R]:
        if self._task is not None:
            self._task.cancel()  # a cancelled task delivers nothing
        task = run(self._owner, fn, *args, on_done=on_done, on_error=on_error, shows_error=shows_error)
        self._task = task
        task.finished.connect(lambda: self._ended(task))
        return task

    def cancel(self) -> None:
        """Drop the answer of the running call, if any; :attr:`busy` is False at once."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    @property
    def task(self) -> Task[R] | None:
        """The newest call while it runs."""
        return self._task

    def _ended(self, task: Task[R]) -> None:
        if not shiboken6.isValid(self):
            return  # the page (and this object with it) is gone; the task ended after it
        if self._task is task:
            self._task = None
            self.settled.emit()
