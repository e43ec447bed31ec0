"""A language switch in the settings keeps what the user typed and has not saved (SPEC E1)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings_page.page import SettingsPage


def test_unsaved_form_input_survives_the_switch_both_ways(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    smtp, naming = page.smtp_section, page.naming_section
    smtp.host.setText("mail.example.de")
    smtp.port.setValue(2525)
    smtp.sender_edit.setText("verwaltung@example.de")
    naming.prefix_edit.setText("RG-Kunde")
    naming.third_combo.setCurrentIndex(naming.third_combo.count() - 1)
    typed = (smtp.host.text(), smtp.port.value(), smtp.sender_edit.text(), naming.prefix_edit.text())
    third = naming.third_combo.currentIndex()
    combo = page.language_combo
    for code, menu_title in (("de", "&Datei"), ("en", "&File")):
        combo.setCurrentIndex(combo.findData(code))
        qtbot.waitUntil(lambda title=menu_title: window.file_menu.title() == title)
        assert (smtp.host.text(), smtp.port.value(), smtp.sender_edit.text(), naming.prefix_edit.text()) == typed
        assert naming.third_combo.currentIndex() == third
        assert window.current_page() is page  # no page was rebuilt
    assert smtp.save_button.text() == "Save e-ma&il settings"
