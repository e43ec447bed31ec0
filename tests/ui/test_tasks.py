"""The task runner: database work off the GUI thread, results and errors back on it (SPEC S5, E3)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.domain.errors import DatabaseUnavailableError, DomainError, NotFoundError
from mandant_desktop.ui import tasks
from mandant_desktop.ui.errors import message_for, set_connection_lost_handler
from mandant_desktop.ui.excepthook import ExceptionHook
from mandant_desktop.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    return TaskRunner()


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _wait_idle(qtbot: QtBot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=5000)


def test_the_call_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget
) -> None:
    """S5: the service call leaves the GUI thread; the callback (which may touch widgets) does not."""
    threads: dict[str, Any] = {}

    def work(a: int, b: int) -> int:
        threads["worker"] = QThread.currentThread()
        return a + b

    def done(result: int) -> None:
        threads["callback"] = QThread.currentThread()
        owner.setWindowTitle(str(result))

    runner.run(owner, work, 2, b=3, on_done=done)
    _wait_idle(qtbot, runner)
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    assert threads["worker"] is not gui
    assert threads["callback"] is gui
    assert owner.windowTitle() == "5"


def test_a_refusal_is_shown_translated_or_given_to_on_error(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget, interactions: FakeInteraction
) -> None:
    """S1, U2: a DomainError from the worker becomes a message — or goes to the caller's handler."""

    def refuse() -> None:
        raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Tenant")

    runner.run(owner, refuse, on_done=lambda _r: pytest.fail("no result expected"))
    _wait_idle(qtbot, runner)
    assert [m.kind for m in interactions.messages] == ["error"]
    assert "no longer exists" in interactions.messages[0].text

    seen: list[Exception] = []
    runner.run(owner, refuse, on_error=seen.append, shows_error=True)
    _wait_idle(qtbot, runner)
    assert len(seen) == 1 and isinstance(seen[0], NotFoundError)
    assert len(interactions.messages) == 1, "said by on_error (shows_error): no second message"


def test_a_handler_that_only_puts_the_page_right_still_gets_the_message(
    qtbot: QtBot,
    runner: TaskRunner,
    owner: QWidget,
    interactions: FakeInteraction,
    language: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """S1, S5, U2: a worker's refusal reaches the user in their language and the log also when the
    task has an on_error that only unlocks the page (the customers page's count, a tenants save);
    the handler runs too, after the message, and there is one message, not two. A lost connection
    stays with the banner (no message), and the handler learns of it."""
    language.choose("de")
    calls: list[str] = []

    def refuse() -> None:
        raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Tenant")

    def put_right(exc: Exception) -> None:
        calls.append(f"handler after {len(interactions.messages)} message(s)")

    with caplog.at_level("INFO", logger="mandant_desktop"):
        runner.run(owner, refuse, on_error=put_right)
        _wait_idle(qtbot, runner)
    assert calls == ["handler after 1 message(s)"]
    assert [m.kind for m in interactions.messages] == ["error"]
    message = interactions.messages[0]
    assert message.text == "Mandant existiert nicht mehr oder ist für Sie nicht sichtbar."
    assert message.title == "Die Aktion kann nicht ausgeführt werden"
    assert any("refuse refused" in r.getMessage() and "no longer exists" in r.getMessage() for r in caplog.records)

    lost: list[bool] = []
    set_connection_lost_handler(lambda: lost.append(True))

    def gone() -> None:
        raise DatabaseUnavailableError("The connection to the database was lost. Nothing was saved.")

    runner.run(owner, gone, on_error=put_right)
    _wait_idle(qtbot, runner)
    assert lost == [True] and len(calls) == 2 and len(interactions.messages) == 1


def test_a_lost_connection_goes_to_the_banner_not_a_dialog(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget, interactions: FakeInteraction
) -> None:
    """S5: DatabaseUnavailableError in a worker reaches the connection-lost handler."""
    lost: list[bool] = []
    set_connection_lost_handler(lambda: lost.append(True))

    def gone() -> None:
        raise DatabaseUnavailableError("The connection to the database was lost. Nothing was saved.")

    failures: list[Exception] = []
    runner.run(owner, gone, on_error=failures.append)
    _wait_idle(qtbot, runner)
    assert lost == [True]
    assert len(failures) == 1, "the caller still learns that nothing was saved"
    assert interactions.messages == []


def test_busy_only_after_the_delay(qtbot: QtBot, runner: TaskRunner, owner: QWidget) -> None:
    """S5: a quick call shows nothing; a slow one shows the busy state until it ends."""
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    runner.run(owner, lambda: 1)
    _wait_idle(qtbot, runner)
    qtbot.wait(tasks.BUSY_DELAY_MS + 100)
    assert states == []

    release = threading.Event()
    runner.run(owner, release.wait, 5)
    qtbot.waitUntil(lambda: runner.busy, timeout=2000)
    assert QApplication.overrideCursor() is not None
    release.set()
    _wait_idle(qtbot, runner)
    assert states == [True, False]
    assert not runner.busy
    assert QApplication.overrideCursor() is None


def test_a_cancelled_task_drops_its_result_and_the_service_can_stop(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget
) -> None:
    """E3: cancel() reaches a service that polls the cancel check; nothing is delivered."""
    started = threading.Event()
    stopped: list[bool] = []
    task_box: list[tasks.Task[int]] = []

    def long_work() -> int:
        started.set()
        for _ in range(500):
            if task_box and task_box[0].cancelled():
                stopped.append(True)
                return -1
            threading.Event().wait(0.01)
        return 1

    delivered: list[int] = []
    task = runner.run(owner, long_work, on_done=delivered.append)
    task_box.append(task)
    assert started.wait(5)
    task.cancel()
    _wait_idle(qtbot, runner)
    assert stopped == [True]
    assert delivered == []


def test_a_write_cancelled_too_late_still_delivers_what_it_did(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget
) -> None:
    """E3, E7: Cancel pressed after a writing call got past its last cancel check cannot undo the
    commit; with ``writes=True`` the page still gets the result (for its undo stack)."""
    release = threading.Event()

    def committed() -> str:
        assert release.wait(5)
        return "change set"

    delivered: list[str] = []
    task = runner.run(owner, committed, on_done=delivered.append, writes=True)
    task.cancel()
    release.set()
    _wait_idle(qtbot, runner)
    assert delivered == ["change set"]


def test_no_callback_once_the_owner_is_gone(qtbot: QtBot, runner: TaskRunner) -> None:
    """S5: a page closed while its load runs is not touched afterwards."""
    page = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(page, release.wait, 5, on_done=delivered.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page), timeout=2000)
    release.set()
    _wait_idle(qtbot, runner)
    assert delivered == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_programming_error_goes_to_the_exception_hook(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U2: a bug in a worker is logged and shown by the global hook, not swallowed."""
    caught: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _exc, _tb: caught.append(kind))

    def broken() -> None:
        raise KeyError("bug")

    runner.run(owner, broken)
    _wait_idle(qtbot, runner)
    assert caught == [KeyError]


@pytest.fixture
def hook(tmp_path: Any, qtbot: QtBot) -> Iterator[ExceptionHook]:
    """The program's own exception hook (logs the traceback, shows the friendly dialog)."""
    installed = ExceptionHook(tmp_path / "mandant.log", interactive=True)
    installed.install()
    yield installed
    installed.uninstall()


@pytest.mark.parametrize("where", ["call", "on_done"])
def test_a_programming_error_puts_the_page_right_and_says_so(
    qtbot: QtBot,
    runner: TaskRunner,
    owner: QWidget,
    interactions: FakeInteraction,
    hook: ExceptionHook,
    caplog: pytest.LogCaptureFixture,
    where: str,
) -> None:
    """S5, U2: a bug in a worker's call, or in the handler of its result, still reaches ``on_error``
    (the tenants page's save unlocks there), the user reads the friendly message once, and the
    traceback is in the log. Before, only the hook heard of it and the page stayed locked."""
    locked = [True]

    def broken() -> int:
        if where == "call":
            raise KeyError("bug")
        return 1

    def done(_result: int) -> None:
        raise KeyError("bug")

    seen: list[DomainError] = []

    def put_right(exc: DomainError) -> None:
        locked[0] = False
        seen.append(exc)

    with caplog.at_level("INFO"):
        runner.run(owner, broken, on_done=done, on_error=put_right)
        _wait_idle(qtbot, runner)
    assert locked == [False]
    assert len(seen) == 1 and isinstance(seen[0], tasks.UnexpectedError)
    assert isinstance(seen[0].__cause__, KeyError)
    assert [m.kind for m in interactions.messages] == ["error"]
    assert interactions.messages[0].title == "Unexpected error"
    assert "did not expect" in interactions.messages[0].text
    logged = [r for r in caplog.records if r.exc_info is not None and r.exc_info[0] is KeyError]
    assert len(logged) == 1 and logged[0].levelname == "CRITICAL"


def test_a_programming_error_goes_to_a_handler_that_says_errors_itself(
    qtbot: QtBot,
    runner: TaskRunner,
    owner: QWidget,
    interactions: FakeInteraction,
    hook: ExceptionHook,
    caplog: pytest.LogCaptureFixture,
    language: Any,
) -> None:
    """S5, U2, E1: a handler that shows errors in its own message line (``shows_error``, the
    assignment page's note, the log-in dialog) shows the unexpected one too, translated; no second
    dialog; the traceback is in the log."""
    language.choose("de")
    said: list[str] = []

    def broken() -> None:
        raise TypeError("bug")

    with caplog.at_level("INFO"):
        runner.run(owner, broken, on_error=lambda exc: said.append(message_for(exc)), shows_error=True)
        _wait_idle(qtbot, runner)
    assert said == [
        "Etwas Unerwartetes ist schiefgegangen. Bitte versuchen Sie es erneut; wenn es wieder passiert, "
        "wenden Sie sich an Ihren Administrator."
    ]
    assert interactions.messages == []
    logged = [r for r in caplog.records if r.exc_info is not None and r.exc_info[0] is TypeError]
    assert len(logged) == 1 and "broken" in logged[0].getMessage()


def test_a_worker_can_ask_a_question_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner, owner: QWidget) -> None:
    """S5, S9: an upgrade confirmation asked halfway through opening a database is asked on the GUI
    thread, and the worker goes on with the answer."""
    asked_on: list[object] = []

    def question() -> bool:
        asked_on.append(QThread.currentThread())
        return True

    answers: list[bool] = []
    runner.run(owner, lambda: runner.call_in_gui_thread(question), on_done=answers.append)
    _wait_idle(qtbot, runner)
    assert answers == [True]
    assert asked_on == [QApplication.instance().thread()]  # type: ignore[union-attr]
    assert runner.call_in_gui_thread(lambda: 7) == 7  # from the GUI thread: called directly


def test_progress_crosses_threads_and_cancel_stops_the_worker(qtbot: QtBot, owner: QWidget) -> None:
    """S5, E3: the worker reports progress through a queued signal (the dialog is only touched on the
    GUI thread); Cancel in the dialog sets the flag the service checks between chunks."""
    from PySide6.QtWidgets import QProgressDialog

    seen: list[int] = []
    started = threading.Event()
    stopped: list[int] = []
    results: list[object] = []

    def work(*, progress: Any, cancel: Any) -> int:
        for done in range(1000):
            progress(done, 1000)
            started.set()
            if cancel():
                stopped.append(done)
                raise NotFoundError("Stopped.")  # a service raises OperationCancelledError here
            threading.Event().wait(0.005)
        return 1000

    task = tasks.run_with_progress(owner, "Export", "Writing…", work, on_done=results.append)
    dialog = owner.findChild(QProgressDialog)
    assert dialog is not None
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.value() > 0 and dialog.maximum() == 1000)
    seen.append(dialog.value())
    assert QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]
    from PySide6.QtWidgets import QPushButton

    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    cancel_button.click()
    assert task.cancelled()
    qtbot.waitUntil(lambda: bool(stopped), timeout=5000)
    qtbot.waitUntil(lambda: owner.findChild(QProgressDialog) is None, timeout=5000)
    assert stopped[0] < 1000 and results == []  # stopped early; a cancelled task delivers nothing


def test_a_task_that_ended_does_not_read_as_cancelled(qtbot: QtBot, owner: QWidget) -> None:
    """E3: closing the progress dialog at the end (which emits canceled()) does not mark the task
    cancelled; whoever looks at it when it has finished sees a task that ran to its end."""
    seen: list[bool] = []
    task = tasks.run_with_progress(owner, "Import", "Importing…", lambda *, progress, cancel: 1)
    task.finished.connect(lambda: seen.append(task.cancelled()))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]


def _activate(qtbot: QtBot, dialog: QWidget) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_escape_cancels_work_that_can_stop_and_leaves_the_dialog_of_work_that_cannot(
    qtbot: QtBot, owner: QWidget
) -> None:
    """E2, E3: Escape in the progress dialog is Cancel; without Cancel (work that cannot stop
    halfway) neither Escape nor closing the window hides the dialog and frees the page while the
    work goes on (a plain QProgressDialog hid itself on Escape). It closes when the work ends."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    owner.show()
    release = threading.Event()
    task = tasks.run_with_progress(owner, "Import", "Importing…", lambda: release.wait(5), reports=False)
    dialog = owner.findChild(QProgressDialog)
    assert dialog is not None
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and not task.cancelled()
    release.set()
    qtbot.waitUntil(lambda: owner.findChild(QProgressDialog) is None, timeout=5000)

    def work(*, progress: Any, cancel: Any) -> None:
        while not cancel():
            threading.Event().wait(0.005)

    task = tasks.run_with_progress(owner, "Export", "Writing…", work)
    dialog = owner.findChild(QProgressDialog)
    assert dialog is not None
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert task.cancelled()
    qtbot.waitUntil(lambda: owner.findChild(QProgressDialog) is None, timeout=5000)


def test_the_newest_load_wins_and_a_closed_page_is_no_error(qtbot: QtBot) -> None:
    """S5: tasks.Latest drops an older answer, and a task ending after its page is gone is quiet."""
    page = QWidget()
    latest: tasks.Latest[str] = tasks.Latest(page)
    answers: list[str] = []
    release = threading.Event()

    def slow(text: str) -> str:
        release.wait(5)
        return text

    older = latest.run(slow, "old", on_done=answers.append)
    latest.run(lambda: "new", on_done=answers.append)
    assert older.cancelled() and latest.busy
    release.set()
    qtbot.waitUntil(lambda: not latest.busy)
    tasks.wait_for_all(5000)
    qtbot.wait(20)
    assert answers == ["new"]

    release.clear()
    latest.run(slow, "late", on_done=answers.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(latest))
    release.set()
    tasks.wait_for_all(5000)
    qtbot.wait(20)  # the late finish reaches a deleted Latest: no exception in the event loop
    assert answers == ["new"]


class _Tracked:
    """Notes the thread it is freed on."""

    def __init__(self, freed_on: list[str]) -> None:
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread().name)


def test_the_call_and_its_result_are_freed_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner, owner: QWidget) -> None:
    """S5: the pool deletes a finished job on its worker; what the call held (a closure that may
    reach a widget) and what it returned must not be freed there, where Qt objects may not die."""
    freed_on: list[str] = []

    def make_call() -> Any:
        held = _Tracked(freed_on)

        def call() -> _Tracked:
            assert held is not None
            return _Tracked(freed_on)

        return call

    names: list[str] = []
    task = runner.run(owner, make_call(), on_done=lambda result: names.append(type(result).__name__))
    _wait_idle(qtbot, runner)
    del task
    qtbot.waitUntil(lambda: len(freed_on) == 2, timeout=2000)
    assert names == ["_Tracked"]
    assert freed_on == [threading.main_thread().name] * 2


def test_a_failure_is_freed_on_the_gui_thread_too(
    qtbot: QtBot, runner: TaskRunner, owner: QWidget, interactions: FakeInteraction
) -> None:
    """S5: an exception (with its traceback and the frames it holds) reaches the GUI thread and dies
    there; it is said (the handler only records it) after the message box has gone."""
    freed_on: list[str] = []
    seen: list[str] = []

    def fail() -> None:
        held = _Tracked(freed_on)
        raise NotFoundError("The customer no longer exists.", detail=str(id(held)))

    task = runner.run(owner, fail, on_error=lambda exc: seen.append(type(exc).__name__))
    _wait_idle(qtbot, runner)
    del task
    qtbot.waitUntil(lambda: len(freed_on) == 1, timeout=2000)
    assert seen == ["NotFoundError"]
    assert freed_on == [threading.main_thread().name]
    assert [m.text for m in interactions.messages] == ["The customer no longer exists."]


def test_the_tasks_not_yet_ended_are_named_for_a_diagnosis(qtbot: QtBot, runner: TaskRunner, owner: QWidget) -> None:
    """Issue 8 (a benchmark hang seen once): what still runs can be told by name, and whether its
    call has returned (the answer then waits for the GUI thread) or was cancelled."""
    release = threading.Event()

    def load_units() -> int:
        release.wait(5)
        return 1

    task = runner.run(owner, load_units)
    assert runner.describe_active() == [f"{load_units.__qualname__} (running)"]
    task.cancel()
    release.set()
    assert task.wait(5000)
    assert runner.describe_active() == [f"{load_units.__qualname__} (returned, cancelled)"]
    _wait_idle(qtbot, runner)
    assert runner.describe_active() == []
