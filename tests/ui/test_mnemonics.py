"""Accelerators given to menu entries made from data (SPEC E2)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop.ui.mnemonics import escaped, give_mnemonics, is_note, mark_note, mnemonic, with_mnemonic


def test_mnemonic_reads_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic("Re&name…") == "n"
    assert mnemonic("Rock && Roll") is None
    assert mnemonic("Rock && &Roll") == "r"
    assert mnemonic("Kontakte & Verteiler") is None  # "& " is no accelerator
    assert mnemonic("plain") is None


def test_a_free_letter_is_taken_from_a_word_start_first() -> None:
    used = {"a"}
    assert with_mnemonic("Auditor", used) == "A&uditor"
    assert with_mnemonic("Autor", used) == "Au&tor"
    assert with_mnemonic("Leser", used) == "&Leser"
    assert with_mnemonic("Remove Leser…", used) == "&Remove Leser…"
    assert with_mnemonic(escaped("R & D"), used) == "R && &D"
    assert used == {"a", "u", "t", "l", "r", "d"}
    assert with_mnemonic("ulrat", used) == "ulrat"  # every letter taken: no accelerator rather than a double


def test_give_mnemonics_leaves_translated_letters_and_notes_alone(qtbot: QtBot) -> None:
    """E2: every entry of a menu and its submenus ends up with a letter no sibling has."""
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    menu.addAction("&Add role")
    sub = menu.addMenu("&Roles")
    for name in ("Administrator", "Auditor", "Autor", "Redakteur"):
        sub.addAction(escaped(name))
    menu.addAction("Remove Auditor…")
    note = mark_note(menu.addAction("You may not assign roles here."))
    give_mnemonics(menu)
    assert [a.text() for a in menu.actions()] == ["&Add role", "&Roles", "R&emove Auditor…", note.text()]
    assert note.text() == "You may not assign roles here." and is_note(note) and not note.isEnabled()
    assert [a.text() for a in sub.actions()] == ["&Administrator", "A&uditor", "Au&tor", "&Redakteur"]
