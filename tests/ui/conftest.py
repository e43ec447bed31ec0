"""Fixtures of the widget tests (pytest-qt).

Every test runs with its own user directories and QSettings location under tmp_path, so nothing
touches the real user's files, profiles or keyring; and fails on unexpected Qt warnings (like
qutebrowser's logfail).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.backends.fail
import keyring.core
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool, QtMsgType
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import ADMIN, FakeInteraction, copy_sqlite

from mandant_desktop import bootstrap
from mandant_desktop.services.demo import ADMIN_PASSWORD
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.collector import GuiThreadCollector
from mandant_desktop.ui.errors import set_connection_lost_handler
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings

#: Qt warnings that say nothing about our code
HARMLESS_QT_WARNINGS = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "QFont::setPointSizeF: Point size <= 0",
)


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """As in the program: cyclic garbage is collected on the GUI thread only, never on a worker."""
    collector = GuiThreadCollector(qapp)
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def isolated_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[Path]:
    """User data, config and QSettings in tmp_path; no keyring; no automation variables."""
    home = tmp_path / "user"
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(variable, str(home / sub))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # keyring reads that variable only once per process; a backend chosen earlier (another test,
    # a real desktop keyring) would stay. Replace whatever is cached for this test.
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    for variable in ("MANDANT_DB_URL", "MANDANT_USER", "MANDANT_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    QCoreApplication.setOrganizationName("mandant_desktop")
    QCoreApplication.setApplicationName("mandant_desktop")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(home / "qsettings"))
    yield home


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qtlog: object) -> Iterator[None]:
    yield
    unexpected = [
        record.message
        for record in qtlog.records  # type: ignore[attr-defined]
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not record.message.startswith(HARMLESS_QT_WARNINGS)
    ]
    if unexpected:
        pytest.fail("unexpected Qt warnings:\n" + "\n".join(unexpected))


@pytest.fixture(autouse=True)
def no_connection_lost_handler() -> Iterator[None]:
    """A main window of one test must not receive another test's lost connection."""
    yield
    set_connection_lost_handler(None)


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[Callable[[float], None]]:
    """``app_font(1.5)``: the application font half as large again, for this test only (E5).

    A font change reaches every widget of the process. So that test order does not matter, what
    earlier tests deleted goes first, and at the end the widgets made since (top-level ones without
    a parent: windows, dialogs) are closed and deleted before the font is put back: no later test
    meets a widget laid out for another font, nor a font it did not ask for."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    original = QFont(qapp.font())
    before = {shiboken6.getCppPointer(widget)[0] for widget in QApplication.topLevelWidgets()}

    def scale(factor: float) -> None:
        font = QFont(original)
        font.setPointSizeF(original.pointSizeF() * factor)
        qapp.setFont(font)

    yield scale
    for widget in QApplication.topLevelWidgets():
        if widget.parentWidget() is None and shiboken6.getCppPointer(widget)[0] not in before:
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setFont(original)


@pytest.fixture
def interactions() -> Iterator[FakeInteraction]:
    fake = FakeInteraction()
    with interaction.installed(fake):
        yield fake


@pytest.fixture
def settings(isolated_user: Path) -> Settings:
    return Settings(QSettings())


@pytest.fixture
def language(settings: Settings) -> Iterator[LanguageManager]:
    manager = LanguageManager(settings)
    manager.start("en")
    yield manager
    manager.shutdown()


@pytest.fixture(scope="session")
def admin_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Operator]:
    """A migrated SQLite file with the first administrator, made once; tests get copies.

    Made with the services the first-administrator dialog uses; the operator it returned is
    reused, because an argon2 check per test would cost a quarter of a second each.
    """
    path = tmp_path_factory.mktemp("template") / "admin.sqlite"
    app = bootstrap.open_database(f"sqlite:///{path}")
    try:
        operator = app.services.auth.create_first_admin(ADMIN)
    finally:
        app.close()  # the newest commits may still be in the WAL: copies go through copy_sqlite
    return path, operator


@pytest.fixture
def admin_url(admin_template: tuple[Path, Operator], tmp_path: Path) -> str:
    copy = tmp_path / "admin.sqlite"
    copy_sqlite(admin_template[0], copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def admin_app(admin_url: str, admin_template: tuple[Path, Operator]) -> Iterator[tuple[bootstrap.AppContext, Operator]]:
    """A migrated SQLite database with a first administrator, opened as the GUI opens it."""
    app = bootstrap.open_database(admin_url, profile_name="Testdatenbank")
    try:
        yield app, admin_template[1]
    finally:
        app.close()


@pytest.fixture
def window(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[MainWindow]:
    """The main window on the administrator's database, shown and exposed."""
    app, operator = admin_app
    win = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture(autouse=True)
def no_worker_outlives_the_test() -> Iterator[None]:
    """S5: every database call started off the GUI thread has returned when a test ends, so that
    no QThreadPool worker runs into the next test's database or past the QApplication at exit."""
    yield
    assert tasks.wait_for_all(15000), "a worker thread was still running 15 s after the test"


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The last line of defence for a clean exit: no pool worker is alive when Python shuts down."""
    QThreadPool.globalInstance().waitForDone(15000)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Operator]:
    """The small demo database, made once, with its administrator logged in once (argon2 is slow)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    app = bootstrap.open_database(f"sqlite:///{path}")
    try:
        bootstrap.ensure_demo_data(app)
        operator = app.services.auth.login("admin", ADMIN_PASSWORD)
    finally:
        app.close()
    return path, operator


@pytest.fixture
def demo_window(
    qtbot: QtBot,
    demo_template: tuple[Path, Operator],
    tmp_path: Path,
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[MainWindow]:
    copy = tmp_path / "demo.sqlite"
    copy_sqlite(demo_template[0], copy)
    app = bootstrap.open_database(f"sqlite:///{copy}", profile_name="Demo")
    try:
        win = MainWindow(app, demo_template[1], settings=settings, language=language)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        yield win
        tasks.wait_for_all()
        win.close()
    finally:
        app.close()
