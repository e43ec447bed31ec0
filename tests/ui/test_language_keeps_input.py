"""A language switch in the settings keeps what the user typed and has not saved (SPEC E1)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mandant_desktop.services.contacts import TenantChoice
from mandant_desktop.ui import formats
from mandant_desktop.ui.audit.page import AuditPage
from mandant_desktop.ui.contacts.dialogs import ContactDialog
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


def test_date_inputs_show_the_language_s_date_format_and_keep_the_date(qtbot: QtBot, window: MainWindow) -> None:
    """E1: the audit page's date filter and the contact dialog's birthday write dates as the rest of
    the program does (formats.date_format: English 12/3/2026, German 03.12.2026), and a switch in
    the settings changes the format at once, keeping the date."""
    window.show_page("audit")
    audit = window.current_page()
    assert isinstance(audit, AuditPage)
    audit.since.setDate(QDate(2026, 12, 3))
    contact = ContactDialog(lambda _tenant, _input: 1, [TenantChoice(1, "Presse Nord")], parent=window)
    contact.birthday.setDate(QDate(1980, 4, 2))
    contact.show()
    assert (audit.since.text(), contact.birthday.text()) == ("12/3/2026", "4/2/1980")
    window.show_page("settings")
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    combo = page.language_combo
    for code, since, birthday in (("de", "03.12.2026", "02.04.1980"), ("en", "12/3/2026", "4/2/1980")):
        combo.setCurrentIndex(combo.findData(code))
        qtbot.waitUntil(lambda want=since: audit.since.text() == want)
        qtbot.waitUntil(lambda want=birthday: contact.birthday.text() == want)
        assert audit.since.displayFormat() == contact.birthday.displayFormat() == formats.date_format()
        assert (audit.since.date(), contact.birthday.date()) == (QDate(2026, 12, 3), QDate(1980, 4, 2))
    contact.close()
