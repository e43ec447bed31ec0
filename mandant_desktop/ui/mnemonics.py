"""Accelerators (Alt+letter, or the letter alone in an open menu) for menu entries whose text is
not a translated string with its own "&": entries made from data (role names) and entries that
repeat a button's text (the contacts tabs' menus). SPEC E2.

Translated entries carry their letter in the text, chosen by the translator, and keep it; the
entries given one here take the first letter of a word that no other entry of the menu has, else
any free letter, as KDE's accelerator manager does. Disabled notes that only explain something
(:func:`mark_note`) get none: there is nothing to choose.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

#: the dynamic property that marks a menu entry as an explanation, not a command
NOTE_PROPERTY = "menuNote"


def mark_note(action: QAction) -> QAction:
    """A disabled entry that explains why the menu offers nothing (no accelerator wanted)."""
    action.setEnabled(False)
    action.setProperty(NOTE_PROPERTY, True)
    return action


def is_note(action: QAction) -> bool:
    return bool(action.property(NOTE_PROPERTY))


def mnemonic(text: str) -> str | None:
    """The letter after the first single "&" of ``text`` (lower case), None without one."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            following = text[i + 1]
            if following == "&":
                i += 2
                continue
            return None if following.isspace() else following.lower()
        i += 1
    return None


def escaped(text: str) -> str:
    """Data shown as a menu entry: its "&" shown as such, not taken for an accelerator."""
    return text.replace("&", "&&")


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` (with "&&" for a literal "&") given the first free letter of one of its words, else
    the first free letter or digit anywhere; unchanged when every one is taken."""
    word_starts: list[int] = []
    others: list[int] = []
    i = 0
    previous = " "
    while i < len(text):
        char = text[i]
        if char == "&" and i + 1 < len(text) and text[i + 1] == "&":
            previous = "&"
            i += 2
            continue
        if char.isalnum():
            (word_starts if not previous.isalnum() else others).append(i)
        previous = char
        i += 1
    for position in (*word_starts, *others):
        letter = text[position].lower()
        if letter not in used:
            used.add(letter)
            return text[:position] + "&" + text[position:]
    return text


def give_mnemonics(menu: QMenu) -> QMenu:
    """Give every entry of ``menu`` (and of its submenus) that has no accelerator a free one."""
    entries = [a for a in menu.actions() if not a.isSeparator() and not is_note(a)]
    used = {letter for a in entries if (letter := mnemonic(a.text())) is not None}
    for action in entries:
        if mnemonic(action.text()) is None:
            action.setText(with_mnemonic(action.text(), used))
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            give_mnemonics(submenu)
    return menu
