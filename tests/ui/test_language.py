"""Translation at run time: German and English, switched without a restart (SPEC E1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mandant_desktop.domain.errors import AuthenticationError
from mandant_desktop.ui import i18n
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.settings_page.page import SettingsPage


def titles(window: MainWindow) -> list[str]:
    model = window.navigation_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_switching_to_german_retranslates_the_open_window(
    qtbot: QtBot, window: MainWindow, language: LanguageManager, settings: Settings
) -> None:
    """E1: the settings page switches the language at once, and nothing typed is lost."""
    assert titles(window)[:2] == ["Tenants", "Users"]
    window.show_page("settings")
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    typed = QLineEdit(page)
    typed.setText("halb getippt")
    combo = page.language_combo
    combo.setCurrentIndex(combo.findData("de"))
    assert language.current == "de"
    assert settings.value(ui_settings.LANGUAGE) == "de"
    # Qt posts LanguageChange to every widget; each applies its texts in retranslateUi().
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Datei")
    assert titles(window) == [
        "Mandanten",
        "Benutzer",
        "Rollen",
        "Rollenzuweisung",
        "Organisationseinheiten",
        "Kunden",
        "Kontakte & Verteiler",
        "Änderungsprotokoll",
        "Einstellungen",
        "Postausgang",
    ]
    assert window.tenant_filter.text() == "Alle Mandanten"
    assert page.change_button.text() == "Datenbank &wechseln…"
    assert typed.text() == "halb getippt"
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert titles(window)[0] == "Tenants"


def test_qt_own_texts_are_german_too(language: LanguageManager) -> None:
    """E1: Qt's own dialog buttons come from qtbase_de.qm."""
    language.choose("de")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_domain_errors_are_translated_with_their_values(language: LanguageManager) -> None:
    language.choose("de")
    from mandant_desktop.services.auth import _LOCKED

    error = AuthenticationError(_LOCKED, minutes=5)
    assert message_for(error).startswith("Die Anmeldung ist nach zu vielen Fehlversuchen für 5 Minuten gesperrt.")


def test_field_names_in_messages_are_translated(language: LanguageManager) -> None:
    from mandant_desktop.domain import validation
    from mandant_desktop.domain.errors import ValidationError

    language.choose("de")
    with pytest.raises(ValidationError) as refused:
        validation.clean_name("  ", field="first name")
    assert message_for(refused.value) == "Bitte füllen Sie das Feld „Vorname“ aus."


def test_the_choice_is_remembered_and_lang_overrides_it_for_one_run(settings: Settings) -> None:
    first = LanguageManager(settings)
    first.choose("de")
    first.shutdown()
    second = LanguageManager(settings)
    try:
        assert second.start() == "de"
        assert second.start("en") == "en"
        assert second.choice == "en"  # the settings page shows what is in use
        assert settings.value(ui_settings.LANGUAGE) == "de"  # --lang is not saved
    finally:
        second.shutdown()


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("de_DE", "de"), ("de_AT", "de"), ("en_GB", "en"), ("fr_FR", "en")],
)
def test_system_language_is_resolved(locale: str, expected: str) -> None:
    """E1: the language follows the system locale; unsupported ones fall back to English."""
    assert i18n.resolve(i18n.SYSTEM, QLocale(locale)) == expected
    assert i18n.resolve("de", QLocale("fr_FR")) == "de"


def test_language_menu_texts_name_each_language_in_itself(
    qtbot: QtBot, window: MainWindow, language: LanguageManager
) -> None:
    window.show_page("settings")
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    items = [page.language_combo.itemText(i) for i in range(page.language_combo.count())]
    assert items[1:] == ["Deutsch", "English"]
    assert items[0].startswith("As the system")
    language.choose("de")
    qtbot.waitUntil(lambda: page.language_combo.itemText(0).startswith("Wie das System"))
    assert page.language_combo.currentData(Qt.ItemDataRole.UserRole) == "de"
