"""The German word for a contact's type is the same wherever a contact is entered (SPEC C10, E1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mandant_desktop.services.contacts import TenantChoice
from mandant_desktop.ui.contacts.dialogs import ContactDialog
from mandant_desktop.ui.contacts.models import ContactsModel
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.mnemonics import mnemonic


def test_the_contact_dialog_says_kontaktart_as_create_contact_does(qtbot: QtBot, language: LanguageManager) -> None:
    """C10, E1, E2: "Create contact" of a customer and its contact list say "Kontaktart"; the contact
    dialog of the contacts page said "Typ" for the same field. Its letters stay unique."""
    language.choose("de")
    dialog = ContactDialog(lambda _tenant, _data: 0, [TenantChoice(1, "Redaktion Nord")])
    qtbot.addWidget(dialog)
    labels = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert labels[dialog.contact_type] == "&Kontaktart:"
    letters = [mnemonic(text) for text in labels.values()]
    assert len(letters) == len(set(letters)), letters


def test_the_contacts_page_and_its_export_say_kontaktart_as_the_dialogs_do(language: LanguageManager) -> None:
    """C10, E1: the column of the contacts page and the contacts sheet of an export said "Art" for
    the field the dialogs call "Kontaktart"."""
    language.choose("de")
    model = ContactsModel()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[1] == "Kontaktart"
    assert "Art" not in headers
    assert QCoreApplication.translate("exports", "Type") == "Kontaktart"
