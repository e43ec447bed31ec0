"""The interactive start and "Change database…" (SPEC S1, S6)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from dbhelpers import MigratedDatabase
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import ADMIN, FakeInteraction

import mandant_desktop.__main__ as entry
from mandant_desktop import bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.profiles import ProfileStore
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.ui.connections import Connections
from mandant_desktop.ui.first_admin_dialog import FirstAdminDialog
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP, LanguageManager
from mandant_desktop.ui.login_dialog import LoginDialog
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.page import Page
from mandant_desktop.ui.session import SessionController
from mandant_desktop.ui.settings import Settings


def when_modal(kind: type[QWidget], action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the modal dialog of ``kind`` as soon as it is open (it blocks in exec())."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            action(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_interactive_start_logs_in_and_shows_the_main_window(admin_url: str, qtbot: QtBot) -> None:
    """S1: without automation variables the log-in dialog asks; after it the main window opens."""
    shown: list[MainWindow] = []

    def log_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.username.setText(ADMIN.username)
        dialog.password.setText(ADMIN.password)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        QTimer.singleShot(0, close_main_window)

    def close_main_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, close_main_window)
            return
        shown.extend(windows)
        windows[0].close()

    when_modal(LoginDialog, log_in)
    assert entry.main(["--db", admin_url, "--lang", "en"]) == 0
    assert shown and shown[0].status_operator.text() == "Karla Chef"


def test_cancelling_the_login_ends_the_program(admin_url: str) -> None:
    when_modal(LoginDialog, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    assert entry.main(["--db", admin_url]) == 0


def test_the_last_used_profile_is_opened(admin_url: str, qtbot: QtBot) -> None:
    """S6: with no --db and no MANDANT_DB_URL the last used connection profile is used."""
    from mandant_desktop.services.profiles import ConnectionProfile

    store = bootstrap.make_profile_store()
    store.save(ConnectionProfile(name="Büro", path=admin_url.removeprefix("sqlite:///")))
    store.mark_used("Büro")
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        seen.append(dialog.connection.value.text())
        dialog.reject()

    when_modal(LoginDialog, look)
    assert entry.main([]) == 0
    assert seen == ["Büro (SQLite)"]


def test_first_start_uses_the_default_file_and_asks_for_the_first_admin(isolated_user: Path) -> None:
    """S1, S6: no profile → the SQLite file in the user data directory, empty → first administrator."""
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        seen.append(dialog.connection.value.text())
        dialog.reject()  # type: ignore[attr-defined]

    when_modal(FirstAdminDialog, look)
    assert entry.main(["--lang", "en"]) == 0
    assert seen == ["Local database (SQLite)"]
    assert (isolated_user / "data" / "mandant_desktop" / "mandant.sqlite").exists()


@pytest.fixture
def controller(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    tmp_path: Path,
) -> SessionController:
    app, operator = admin_app
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    connections = Connections(ProfileStore(tmp_path / "profiles.json", MemorySecretStore()))
    return SessionController(window, app, operator, connections)


def test_change_database_logs_in_to_the_new_one(
    controller: SessionController,
    migrated_sqlite: MigratedDatabase,
    monkeypatch: pytest.MonkeyPatch,
    interactions: FakeInteraction,
) -> None:
    """S6: File → Change database… opens another database and its first administrator is created."""
    new_app = bootstrap.open_database(migrated_sqlite.url, profile_name="Filiale")
    monkeypatch.setattr(controller.connections, "choose", lambda parent: new_app)
    old_app = controller.app

    def create(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        dialog.username.setText("filialchef")
        dialog.email.setText("filiale@example.de")
        dialog.password.setText("Filiale-geheim1")
        dialog.password_repeat.setText("Filiale-geheim1")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(FirstAdminDialog, create)
    controller.window.change_database_action.trigger()
    try:
        assert controller.app is new_app
        assert controller.operator.username == "filialchef"
        assert controller.window.status_profile.text() == "Filiale"
        assert controller.window.statusBar().currentMessage() == "Connected to Filiale."
        page = controller.window.current_page()
        # The pages' context carries the new database (with its services recorded for undo, E7).
        assert page is not None and page.context.app.engine is new_app.engine, "the pages work on the new database"
        assert old_app is not new_app
    finally:
        new_app.close()


def test_change_database_cancelled_keeps_the_session(
    controller: SessionController, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(controller.connections, "choose", lambda parent: None)
    before = controller.app
    controller.change_database()
    assert controller.app is before


class UnsavedPage(Page):
    page_id: ClassVar[str] = "unsaved-test"
    object_name: ClassVar[str] = "page.unsavedTest"
    permission: ClassVar[str] = "tenants.view"
    icon_name: ClassVar[str] = "tenants"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Tenants")

    def has_unsaved_changes(self) -> bool:
        return True


def test_change_database_with_unsaved_changes_asks_first(
    controller: SessionController, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """T2, S6: switching the database would drop staged edits; declining keeps everything as it is."""
    controller.window.navigation_model.set_pages([UnsavedPage])
    controller.window.show_page("unsaved-test")
    chosen: list[object] = []
    monkeypatch.setattr(controller.connections, "choose", lambda parent: chosen.append(parent))
    interactions.confirm_answers.append(False)
    controller.change_database()
    [question] = interactions.of_kind("confirm")
    assert "Tenants" in question.text
    assert chosen == [], "the connection dialog must not open after the user declined"
