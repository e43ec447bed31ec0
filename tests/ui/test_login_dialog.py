"""Log-in and first administrator (SPEC S1)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dbhelpers import MigratedDatabase
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from uihelpers import ADMIN, FakeInteraction, opened

from mandant_desktop import bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.profiles import ProfileStore
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.ui.connections import Connections
from mandant_desktop.ui.first_admin_dialog import FirstAdminDialog
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.login_dialog import LoginDialog
from mandant_desktop.ui.session import log_in


@pytest.fixture
def empty_app(migrated_sqlite: MigratedDatabase) -> Iterator[bootstrap.AppContext]:
    with opened(migrated_sqlite.url) as app:
        yield app


def log_in_with(qtbot: QtBot, dialog: LoginDialog, user: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # the check runs off the GUI thread (S5)


def test_login_refuses_a_wrong_pair_without_saying_which_half(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]
) -> None:
    """S1: a wrong password and an unknown user get the same answer; the dialog stays open."""
    app, _operator = admin_app
    dialog = LoginDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    log_in_with(qtbot, dialog, ADMIN.username, "falsch-falsch")
    wrong_password = dialog.message.text()
    assert dialog.isVisible() and dialog.operator is None
    assert dialog.password.text() == ""
    log_in_with(qtbot, dialog, "niemand", "falsch-falsch")
    assert dialog.message.text() == wrong_password == "The user name or the password is wrong."
    assert dialog.message.is_error
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_login_accepts_the_right_pair(qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]) -> None:
    """S1: the operator created with create_first_admin logs in."""
    app, _operator = admin_app
    dialog = LoginDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        log_in_with(qtbot, dialog, ADMIN.username, ADMIN.password)
    assert dialog.operator is not None
    assert dialog.operator.username == ADMIN.username
    assert dialog.operator.can("settings.view")


def test_login_shows_the_connection_in_use(qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]) -> None:
    app, _operator = admin_app
    dialog = LoginDialog(app, choose_database=lambda _parent: None)
    qtbot.addWidget(dialog)
    assert dialog.connection.value.text() == "Testdatenbank (SQLite)"
    assert dialog.connection.change_button.isEnabled()


def test_first_admin_dialog_appears_on_an_empty_database_and_creates_the_operator(
    qtbot: QtBot, empty_app: bootstrap.AppContext, tmp_path: object
) -> None:
    """S1: the first start on an empty database creates the first administrator."""
    assert empty_app.services.auth.needs_first_admin()
    seen: list[QDialog] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstAdminDialog)
        seen.append(dialog)
        for edit, text in (
            (dialog.username, ADMIN.username),
            (dialog.email, ADMIN.email),
            (dialog.first_name, ADMIN.first_name),
            (dialog.last_name, ADMIN.last_name),
            (dialog.password, ADMIN.password),
            (dialog.password_repeat, ADMIN.password),
        ):
            qtbot.keyClicks(edit, text)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    connections = Connections(ProfileStore(tmp_path / "profiles.json", MemorySecretStore()))  # type: ignore[operator]
    QTimer.singleShot(0, fill_in)
    result = log_in(empty_app, connections)
    assert seen, "the first-administrator dialog was not shown"
    assert result is not None
    app, operator = result
    assert app is empty_app
    assert operator.username == ADMIN.username
    assert operator.can("users.edit")
    assert not empty_app.services.auth.needs_first_admin()


def test_first_admin_dialog_shows_the_service_validation_next_to_the_form(
    qtbot: QtBot, empty_app: bootstrap.AppContext
) -> None:
    """S1: validation messages come from the service; the named input gets the focus."""
    dialog = FirstAdminDialog(empty_app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "chefin")
    qtbot.keyClicks(dialog.email, "chefin@example.de")
    qtbot.keyClicks(dialog.password, "Sehr-geheim1")
    qtbot.keyClicks(dialog.password_repeat, "Sehr-geheim2")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # checked off the GUI thread (S5)
    assert dialog.isVisible()
    assert dialog.message.text() == "The two passwords do not match."
    assert dialog.focusWidget() is dialog.password_repeat
    dialog.email.setText("kein-at-zeichen")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert dialog.message.text() == "kein-at-zeichen is not a valid e-mail address."
    assert empty_app.services.auth.needs_first_admin()


def test_login_switches_to_the_first_admin_dialog_for_an_empty_database(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator], empty_app: bootstrap.AppContext
) -> None:
    """S1, S6: "Change…" to an empty database ends the log-in so the first-administrator dialog follows."""
    app, _operator = admin_app
    dialog = LoginDialog(app, choose_database=lambda _parent: empty_app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.connection.change_button.click()
    assert dialog.result() == LoginDialog.NEEDS_FIRST_ADMIN
    assert dialog.app is empty_app


def test_giving_up_the_login_closes_the_database(
    qtbot: QtBot, admin_url: str, tmp_path: object, interactions: FakeInteraction
) -> None:
    app = bootstrap.open_database(admin_url)
    connections = Connections(ProfileStore(tmp_path / "profiles.json", MemorySecretStore()))  # type: ignore[operator]

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        dialog.reject()

    closed: list[bool] = []
    real_close = app.close
    app.close = lambda: (closed.append(True), real_close())[-1]  # type: ignore[method-assign]
    QTimer.singleShot(0, cancel)
    assert log_in(app, connections) is None
    assert closed == [True]


def test_a_database_left_behind_in_the_login_is_closed(
    qtbot: QtBot, admin_url: str, empty_app: bootstrap.AppContext, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S6: "Change…" in the log-in dialog closes the database it leaves; the loop then asks for the
    first administrator of the new, empty one."""
    first = bootstrap.open_database(admin_url)
    closed: list[str] = []
    real_close = first.close
    first.close = lambda: (closed.append("first"), real_close())[-1]  # type: ignore[method-assign]
    connections = Connections(ProfileStore(tmp_path / "profiles.json", MemorySecretStore()))  # type: ignore[operator]
    monkeypatch.setattr(connections, "choose", lambda parent: empty_app)
    seen: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LoginDialog) and not seen:
            seen.append("login")
            dialog.connection.change_button.click()
        elif isinstance(dialog, FirstAdminDialog):
            seen.append("first admin")
            dialog.reject()
            return
        QTimer.singleShot(10, step)

    QTimer.singleShot(0, step)
    assert log_in(first, connections) is None
    assert seen == ["login", "first admin"]
    assert closed == ["first"]


def test_login_runs_off_the_gui_thread_and_blocks_a_second_click(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator], monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: the password check (argon2 and a round trip) leaves the GUI thread; meanwhile the inputs
    are read only and OK is disabled, so one click is one check."""
    import threading

    app, _operator = admin_app
    release = threading.Event()
    calls: list[str] = []
    real_login = app.services.auth.login

    def slow_login(user: str, password: str) -> Operator:
        calls.append(threading.current_thread().name)
        release.wait(5)
        return real_login(user, password)

    monkeypatch.setattr(app.services.auth, "login", slow_login)
    dialog = LoginDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(ADMIN.username)
    dialog.password.setText(ADMIN.password)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)
    assert dialog.busy and not ok.isEnabled() and dialog.username.isReadOnly()
    dialog.accept()  # Enter pressed again: ignored while the check runs
    assert calls != [threading.current_thread().name]
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        release.set()
    assert len(calls) == 1
    assert dialog.operator is not None and not dialog.busy


def test_an_empty_field_is_named_in_german_and_focused_without_a_check(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator], language: LanguageManager
) -> None:
    """S1, E1: an empty user name or password answered "Benutzername oder Passwort ist falsch"; the
    dialog names what is missing, focuses it and starts no check (no worker, no password check)."""
    language.choose("de")
    app, _operator = admin_app
    calls: list[object] = []
    app.services.auth.login = lambda *args, **kwargs: calls.append(args)  # type: ignore[method-assign]
    dialog = LoginDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Bitte geben Sie einen Benutzernamen ein."
    assert dialog.message.is_error and not dialog.busy
    assert dialog.focusWidget() is dialog.username
    qtbot.keyClicks(dialog.username, ADMIN.username)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Bitte geben Sie Ihr Passwort ein."
    assert dialog.focusWidget() is dialog.password
    assert dialog.username.text() == ADMIN.username
    assert calls == [] and dialog.isVisible()
