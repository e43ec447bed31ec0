"""Dialogs are never narrower than their texts need (SPEC E5): a dialog that opens wide enough on a
large screen must not be squeezed below its layout's minimum on a small one or by the user."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mandant_desktop.services.contacts import TenantChoice
from mandant_desktop.ui.contacts.dialogs import ImportDialog
from mandant_desktop.ui.org_units.dialogs import UnitPicker, fit_placeholder

#: a placeholder as long as the German one, which the explain dialog cut off
LONG_PLACEHOLDER = "Organisationseinheit suchen (Eingabe)…"


def test_a_form_dialog_keeps_its_layouts_minimum_width(qtbot: QtBot) -> None:
    """E5: the contacts dialogs open at least 460 px wide, but their layout's minimum still counts
    (an explicit minimum width would replace it: the import dialog's radio buttons were cut)."""
    dialog = ImportDialog([TenantChoice(1, "Presse Nord")], "vorlagen.xlsx")
    qtbot.addWidget(dialog)
    dialog.rename.setText("Unter einem neuen, sehr viel längeren Namen importieren, damit es knapp wird")
    dialog.show()
    qtbot.waitExposed(dialog)
    needed = dialog.layout().minimumSize().width()
    assert needed > dialog.WIDTH
    dialog.resize(200, dialog.height())
    assert dialog.width() >= needed
    assert dialog.rename.width() >= dialog.rename.sizeHint().width()


def test_a_short_dialog_still_opens_at_its_width(qtbot: QtBot) -> None:
    dialog = ImportDialog([TenantChoice(1, "Nord")], "a.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.sizeHint().width() >= dialog.WIDTH


def test_the_unit_search_shows_its_placeholder_whole(qtbot: QtBot) -> None:
    """E5: the unit picker (explain and move dialogs) is as wide as its search field's placeholder."""
    picker = UnitPicker(lambda _parent: [], lambda _text: [])
    qtbot.addWidget(picker)
    picker.search.setPlaceholderText(LONG_PLACEHOLDER)
    fit_placeholder(picker.search)
    picker.resize(50, 300)
    picker.show()
    qtbot.waitExposed(picker)
    text = picker.search.fontMetrics().horizontalAdvance(LONG_PLACEHOLDER)
    assert picker.search.width() > text
    assert picker.minimumSizeHint().width() > text
