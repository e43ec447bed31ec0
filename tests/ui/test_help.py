"""Help (issue 9): the Help menu with What's This and About, the About dialog's facts and its
"Copy details", and the What's This texts of the controls that are not obvious."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop import __version__, bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.org_units import InheritImpact
from mandant_desktop.services.profiles import ProfileStore
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.ui import help_texts
from mandant_desktop.ui.about_dialog import AboutDialog, schema_revision
from mandant_desktop.ui.connection_dialog import ConnectionDialog
from mandant_desktop.ui.connections import Connections
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.org_units.dialogs import InheritDialog


def test_help_menu_has_whats_this_on_shift_f1_and_about(window: MainWindow) -> None:
    actions = [a for a in window.help_menu.actions() if not a.isSeparator()]
    assert actions == [window.whats_this_action, window.about_action]
    assert window.whats_this_action.shortcut() == QKeySequence("Shift+F1")
    assert window.whats_this_action.text() == "&What's This?"


def test_whats_this_mode_starts_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.whats_this_action.trigger()
    assert QApplication.overrideCursor() is not None  # the question-mark cursor of What's This mode
    from PySide6.QtWidgets import QWhatsThis

    QWhatsThis.leaveWhatsThisMode()
    assert QApplication.overrideCursor() is None


def test_about_shows_version_backend_server_and_schema(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]
) -> None:
    app, _operator = admin_app
    dialog = AboutDialog(app)
    qtbot.addWidget(dialog)
    facts = dict(dialog.rows())
    assert facts["Version"] == __version__
    assert facts["Database type"] == app.backend
    assert facts["Database server version"] == sqlite3.sqlite_version
    assert facts["Schema revision"] == schema_revision(app) != ""
    text = dialog.text.text()
    assert sqlite3.sqlite_version in text and schema_revision(app) in text


def test_copy_details_puts_plain_text_on_the_clipboard(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]
) -> None:
    app, _operator = admin_app
    dialog = AboutDialog(app)
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "&Copy details"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Mandant Desktop\n")
    assert f"Version: {__version__}" in copied
    assert f"Database server version: {sqlite3.sqlite_version}" in copied
    assert f"Schema revision: {schema_revision(app)}" in copied
    assert "<" not in copied  # plain text, not the dialog's HTML


def test_about_speaks_german(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator], language: LanguageManager
) -> None:
    language.choose("de")
    dialog = AboutDialog(admin_app[0])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Über Mandant Desktop"
    assert dialog.copy_button.text() == "Details &kopieren"
    assert "Version des Datenbankservers" in dict(dialog.rows())


def _named(root: QWidget, name: str) -> QWidget:
    widget = root.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def test_non_obvious_controls_of_the_pages_explain_themselves(qtbot: QtBot, window: MainWindow) -> None:
    assert window.tenant_filter.whatsThis() == help_texts.text_for("tenantFilter")
    wanted = {
        "org-units": ("inheritCheckBox", "editRolesButton", "explainButton"),
        "assignments": ("bulkEditButton",),
        "settings": ("rightsNamingPrefix", "rightsNamingSecond", "rightsNamingThird"),
        "tenants": ("accessPrivateButton", "accessApplyToSubTenants"),
    }
    for page_id, names in wanted.items():
        assert window.show_page(page_id)
        page = window.current_page()
        assert page is not None
        for name in names:
            widget = _named(page, name)
            assert widget.whatsThis() == help_texts.text_for(name) != ""
            assert widget.toolTip(), name


def test_the_replace_keep_choice_explains_itself(qtbot: QtBot) -> None:
    impact = InheritImpact(units=3, roles_added=2, roles_removed=1)
    dialog = InheritDialog("Vertrieb", "Leser", impact, impact, None)
    qtbot.addWidget(dialog)
    for name in ("inheritReplace", "inheritKeep"):
        assert _named(dialog, name).whatsThis() == help_texts.text_for(name) != ""


def test_connection_settings_explain_themselves(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ConnectionDialog(Connections(ProfileStore(tmp_path / "profiles.json", MemorySecretStore())))
    qtbot.addWidget(dialog)
    for name in ("profileBackend", "savePasswordCheck"):
        assert _named(dialog, name).whatsThis() == help_texts.text_for(name) != ""


def test_whats_this_texts_follow_the_language(qtbot: QtBot, window: MainWindow, language: LanguageManager) -> None:
    language.choose("de")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Datei")
    assert window.tenant_filter.whatsThis().startswith("Beschränkt jede Seite")
    assert window.whats_this_action.text() == "&Direkthilfe"


def test_every_help_text_names_an_existing_object() -> None:
    """A renamed widget must not silently lose its help: each key appears as an objectName in the code."""
    import mandant_desktop.ui as ui_package

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(ui_package.__file__).parent.rglob("*.py"))
    for name in help_texts.WHATS_THIS:
        assert f'"{name}"' in source.replace(f'"{name}": QT_TRANSLATE_NOOP', ""), name
