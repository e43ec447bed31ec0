"""The connection dialog and opening databases from the UI (SPEC S6, S9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.db.migrate import SchemaStatus, UpgradeReport
from mandant_desktop.services.profiles import Backend, ConnectionProfile, ProfileStore
from mandant_desktop.services.secrets import KeyringSecretStore, MemorySecretStore, SecretStoreUnavailableError
from mandant_desktop.ui import connection_test
from mandant_desktop.ui.connection_dialog import ConnectionDialog
from mandant_desktop.ui.connections import Connections, upgrade_notice
from mandant_desktop.ui.profile_model import PROFILE_ROLE, ProfileListModel

SECRET = "Geheim!42-Kennwort"


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def store(tmp_path: Path, secrets: MemorySecretStore) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "profiles.json", secrets)


@pytest.fixture
def dialog(qtbot: QtBot, store: ProfileStore, interactions: FakeInteraction) -> ConnectionDialog:
    widget = ConnectionDialog(Connections(store))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose_backend(dialog: ConnectionDialog, backend: Backend) -> None:
    dialog.backend.setCurrentIndex(dialog.backend.findData(backend.value))


def fill_server_profile(qtbot: QtBot, dialog: ConnectionDialog, *, port: int = 5432) -> None:
    dialog.new_button.click()
    dialog.name.setText("Zentrale")
    choose_backend(dialog, Backend.POSTGRESQL)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText("mandant")
    dialog.user.setText("mandant")
    qtbot.keyClicks(dialog.password, SECRET)


def test_saves_a_server_profile_with_the_password_only_in_the_secret_store(
    qtbot: QtBot, dialog: ConnectionDialog, store: ProfileStore, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    """S6: the password goes to the keyring, never into the profiles file."""
    fill_server_profile(qtbot, dialog)
    assert dialog.save_password.isEnabled()
    dialog.save_password.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Profile Zentrale saved."
    saved = store.get("Zentrale")
    assert saved is not None and saved.backend == Backend.POSTGRESQL and saved.port == 5432
    assert secrets.get("profile:Zentrale") == SECRET
    content = (tmp_path / "config" / "profiles.json").read_text(encoding="utf-8")
    assert "Zentrale" in content
    assert SECRET not in content
    assert dialog.model.row_of("Zentrale") >= 0
    assert dialog.password.placeholderText() == "saved in the keyring"


def test_without_save_password_the_secret_store_stays_empty(
    qtbot: QtBot, dialog: ConnectionDialog, secrets: MemorySecretStore
) -> None:
    fill_server_profile(qtbot, dialog)
    dialog.save_password.setChecked(False)
    dialog.save_button.click()
    assert secrets.get("profile:Zentrale") is None


def test_without_a_keyring_the_box_is_disabled_and_the_reason_shown(
    qtbot: QtBot, tmp_path: Path, interactions: FakeInteraction
) -> None:
    """S6: with no keyring backend the app says why and asks for the password each time."""
    failing = KeyringSecretStore(backend=keyring.backends.fail.Keyring())
    store = ProfileStore(tmp_path / "profiles.json", failing)
    dialog = ConnectionDialog(Connections(store))
    qtbot.addWidget(dialog)
    dialog.show()
    fill_server_profile(qtbot, dialog)
    assert not dialog.save_password.isEnabled()
    assert not dialog.save_password.isChecked()
    assert dialog.keyring_reason.isVisibleTo(dialog)
    assert dialog.keyring_reason.text() == failing.reason
    assert "keyring" in dialog.save_password.toolTip()
    dialog.save_button.click()
    assert store.get("Zentrale") is not None
    assert SECRET not in (tmp_path / "profiles.json").read_text(encoding="utf-8")
    choose_backend(dialog, Backend.SQLITE)
    assert not dialog.keyring_reason.isVisibleTo(dialog)


def test_fields_follow_the_backend(dialog: ConnectionDialog) -> None:
    """S6: SQLite asks for a file; the servers for host, port, database, user and password."""
    choose_backend(dialog, Backend.SQLITE)
    assert dialog.path.isVisibleTo(dialog) and dialog.browse_button.isVisibleTo(dialog)
    assert not dialog.host.isVisibleTo(dialog)
    choose_backend(dialog, Backend.MARIADB)
    assert not dialog.path.isVisibleTo(dialog)
    for widget in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password, dialog.save_password):
        assert widget.isVisibleTo(dialog)
    assert dialog.port.specialValueText() == "Default (3306)"


def test_first_start_offers_the_local_database(dialog: ConnectionDialog) -> None:
    assert dialog.model.rowCount() == 0
    assert dialog.name.text() == "Local database"
    assert dialog.current_backend() == Backend.SQLITE
    assert dialog.path.text().endswith("mandant.sqlite")


def test_connection_test_runs_off_the_gui_thread_and_reports(
    qtbot: QtBot, dialog: ConnectionDialog, tmp_path: Path
) -> None:
    """S6: "Test connection" shows the server's answer."""
    dialog.path.setText(str(tmp_path / "probe.sqlite"))
    with qtbot.waitSignal(dialog.test_finished, timeout=10_000):
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled()
    assert dialog.message.text().startswith("Connection works: SQLite 3.")
    assert dialog.test_button.isEnabled()


def test_connection_test_failure_is_a_clear_message(qtbot: QtBot, dialog: ConnectionDialog) -> None:
    fill_server_profile(qtbot, dialog, port=1)  # nothing listens on port 1
    with qtbot.waitSignal(dialog.test_finished, timeout=15_000):
        dialog.test_button.click()
    assert dialog.message.is_error
    assert dialog.message.text().startswith("Cannot connect to postgresql+psycopg://mandant:***@127.0.0.1:1/mandant")
    assert SECRET not in dialog.message.text()


def test_every_failed_connection_test_reaches_the_message_line(qtbot: QtBot, dialog: ConnectionDialog) -> None:
    """S5, S6: ten failing tests in a row each end with the clear message and a usable Test button.
    Before the test ran as a task, about half of them showed "None" or never ended."""
    fill_server_profile(qtbot, dialog, port=1)
    for _ in range(10):
        with qtbot.waitSignal(dialog.test_finished, timeout=15_000):
            dialog.test_button.click()
        assert dialog.message.is_error
        assert dialog.message.text().startswith("Cannot connect to postgresql+psycopg://mandant:***@127.0.0.1:1/")
        assert dialog.test_button.isEnabled()


def test_use_opens_the_database_and_remembers_the_profile(
    qtbot: QtBot, dialog: ConnectionDialog, store: ProfileStore, admin_url: str
) -> None:
    dialog.name.setText("Arbeitsplatz")
    dialog.path.setText(admin_url.removeprefix("sqlite:///"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.use_button.click()
    assert dialog.opened is not None
    try:
        assert dialog.opened.profile_name == "Arbeitsplatz"
        assert not dialog.opened.services.auth.needs_first_admin()
    finally:
        dialog.opened.close()
    last = store.last_used()
    assert last is not None and last.name == "Arbeitsplatz"


def test_a_schema_too_new_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: ConnectionDialog, admin_url: str, interactions: FakeInteraction
) -> None:
    """S9: a database of a newer program version is refused with a clear message."""
    path = admin_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    dialog.name.setText("Zukunft")
    dialog.path.setText(path)
    dialog.use_button.click()
    qtbot.waitUntil(lambda: not dialog.using, timeout=10000)  # opened off the GUI thread (S5)
    assert dialog.isVisible()
    assert dialog.opened is None
    [error] = interactions.of_kind("error")
    assert error.title == "Cannot open the database"
    assert "newer version of this program" in error.text
    assert "9999_from_the_future" in error.text


def test_an_unreachable_server_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: ConnectionDialog, interactions: FakeInteraction
) -> None:
    """S5, S6: no traceback, no crash; the message names the server, never the password."""
    fill_server_profile(qtbot, dialog, port=1)
    dialog.use_button.click()
    qtbot.waitUntil(lambda: not dialog.using, timeout=10000)  # opened off the GUI thread (S5)
    assert dialog.isVisible()
    [error] = interactions.of_kind("error")
    assert error.text.startswith("Cannot connect to")
    assert SECRET not in error.text


def test_a_missing_password_is_asked_for(qtbot: QtBot, store: ProfileStore, interactions: FakeInteraction) -> None:
    """S6: without a saved password the user is asked; cancelling opens nothing."""
    profile = ConnectionProfile(name="Zentrale", backend=Backend.POSTGRESQL, host="127.0.0.1", port=1, database="m")
    store.save(profile)
    interactions.text_answers.append(None)
    assert Connections(store).open_profile(profile) is None
    [question] = interactions.of_kind("ask_text")
    assert question.title == "Database password"


def test_delete_asks_first(dialog: ConnectionDialog, store: ProfileStore, interactions: FakeInteraction) -> None:
    store.save(ConnectionProfile(name="Alt", path="/tmp/alt.sqlite"))
    dialog._reload(select="Alt")
    interactions.confirm_answers.append(False)
    dialog.delete_button.click()
    assert store.get("Alt") is not None
    dialog.delete_button.click()
    assert store.get("Alt") is None
    assert [m.kind for m in interactions.messages] == ["confirm", "confirm"]


def test_a_validation_refusal_is_shown_in_the_dialog(dialog: ConnectionDialog, interactions: FakeInteraction) -> None:
    choose_backend(dialog, Backend.POSTGRESQL)
    dialog.name.setText("Ohne Server")
    dialog.host.clear()
    dialog.save_button.click()
    assert dialog.message.text() == "Please enter the server's host name."
    assert dialog.focusWidget() is dialog.host
    assert not interactions.messages


def test_profile_list_model(qtmodeltester: ModelTester) -> None:
    model = ProfileListModel(
        [
            ConnectionProfile(name="Lokal", path="/tmp/a.sqlite"),
            ConnectionProfile(name="Zentrale", backend=Backend.POSTGRESQL, host="db", database="m", username="u"),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "PostgreSQL: u@db/m"
    assert model.data(model.index(0, 0), PROFILE_ROLE).name == "Lokal"
    assert model.row_of("zentrale") == 1
    model.set_profiles([])
    qtmodeltester.check(model)


def test_server_upgrade_asks_for_confirmation(store: ProfileStore, interactions: FakeInteraction) -> None:
    """S9: a server database is upgraded only after the user agreed."""
    status = SchemaStatus(current="0001_initial", head="0002_next", state="outdated")
    interactions.confirm_answers.append(False)
    assert Connections(store).confirm_upgrade(status, None) is False
    [question] = interactions.of_kind("confirm")
    assert "0001_initial" in question.text and "0002_next" in question.text


def test_sqlite_upgrade_notice_names_the_backup(tmp_path: Path) -> None:
    """S9: after an automatic SQLite upgrade the status bar says where the backup is."""
    before = SchemaStatus(current="0001_initial", head="0002_next", state="outdated")
    after = SchemaStatus(current="0002_next", head="0002_next", state="current")
    backup = tmp_path / "mandant.before-upgrade.sqlite"
    app = SimpleNamespace(upgrade=UpgradeReport(before=before, after=after, backup_path=backup, upgraded=True))
    notice = upgrade_notice(app)  # type: ignore[arg-type]
    assert notice is not None and str(backup) in notice and "0002_next" in notice
    fresh = SimpleNamespace(upgrade=UpgradeReport(before=after, after=after, backup_path=None, upgraded=False))
    assert upgrade_notice(fresh) is None  # type: ignore[arg-type]


def test_editing_a_profile_keeps_its_driver_options(
    qtbot: QtBot, dialog: ConnectionDialog, store: ProfileStore
) -> None:
    """S6: options the form does not show (e.g. sslmode=require, set in the profiles file) survive an edit."""
    store.save(
        ConnectionProfile(
            name="Zentrale",
            backend=Backend.POSTGRESQL,
            host="db",
            database="m",
            username="u",
            options={"sslmode": "require"},
        )
    )
    dialog._reload(select="Zentrale")
    dialog.host.setText("db2")
    dialog.save_button.click()
    saved = store.get("Zentrale")
    assert saved is not None and saved.host == "db2"
    assert saved.options == {"sslmode": "require"}


def test_a_password_that_is_not_saved_stays_in_its_field(
    qtbot: QtBot, dialog: ConnectionDialog, secrets: MemorySecretStore, interactions: FakeInteraction
) -> None:
    """S6: without "save in keyring" the typed password is kept for Test and for another Use after a failed one."""
    fill_server_profile(qtbot, dialog, port=1)
    dialog.save_password.setChecked(False)
    dialog.save_button.click()
    assert dialog.password.text() == SECRET
    dialog.use_button.click()  # nothing listens on port 1
    qtbot.waitUntil(lambda: not dialog.using, timeout=10000)  # opened off the GUI thread (S5)
    assert interactions.of_kind("error")
    assert dialog.password.text() == SECRET
    assert secrets.get("profile:Zentrale") is None


def test_a_password_saved_in_the_keyring_leaves_the_field(
    qtbot: QtBot, dialog: ConnectionDialog, secrets: MemorySecretStore
) -> None:
    fill_server_profile(qtbot, dialog)
    dialog.save_password.setChecked(True)
    dialog.save_button.click()
    assert dialog.password.text() == ""
    assert dialog.password.placeholderText() == "saved in the keyring"


class RefusingSecretStore(MemorySecretStore):
    """A keyring that exists but refuses to store (locked, or the user said no)."""

    def set(self, key: str, secret: str) -> None:
        raise SecretStoreUnavailableError("locked")


def test_a_keyring_refusal_is_shown_and_the_password_kept(
    qtbot: QtBot, tmp_path: Path, interactions: FakeInteraction
) -> None:
    """S6: the profile is saved; the user is told that the password was not, and it stays typed in."""
    store = ProfileStore(tmp_path / "profiles.json", RefusingSecretStore())
    dialog = ConnectionDialog(Connections(store))
    qtbot.addWidget(dialog)
    dialog.show()
    fill_server_profile(qtbot, dialog)
    dialog.save_password.setChecked(True)
    dialog.save_button.click()
    assert store.get("Zentrale") is not None
    assert dialog.message.is_error
    assert "keyring refused the password" in dialog.message.text()
    assert dialog.password.text() == SECRET


def test_an_empty_profile_name_focuses_the_name(dialog: ConnectionDialog, interactions: FakeInteraction) -> None:
    dialog.name.clear()
    dialog.path.setFocus()
    dialog.save_button.click()
    assert dialog.message.text() == "Please enter a profile name."
    assert dialog.focusWidget() is dialog.name


def test_testing_a_renamed_profile_uses_its_saved_password(
    qtbot: QtBot, dialog: ConnectionDialog, store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S6: the keyring entry is filed under the saved name; renaming in the form does not lose it."""
    store.save(
        ConnectionProfile(name="Zentrale", backend=Backend.POSTGRESQL, host="db", database="m", username="u"),
        password=SECRET,
    )
    dialog._reload(select="Zentrale")
    used: list[str | None] = []

    def fake_test(profile: ConnectionProfile, password: str | None) -> str:
        used.append(password)
        return "PostgreSQL 16"

    monkeypatch.setattr(connection_test, "test_connection", fake_test)
    dialog.name.setText("Zentrale Hamburg")
    with qtbot.waitSignal(dialog.test_finished, timeout=5000):
        dialog.test_button.click()
    assert used == [SECRET]
