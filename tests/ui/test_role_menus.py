"""The "Remove role ▸" submenu (SPEC E2, A1, A7); the pages' menus are driven in
test_assignments_page.py and test_org_units_page.py."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop.services.assignments import Chip
from mandant_desktop.ui import role_menus
from mandant_desktop.ui.mnemonics import give_mnemonics, mnemonic


def test_direct_roles_are_offered_and_the_menu_says_why_when_there_is_none(qtbot: QtBot) -> None:
    """E2, A7: one entry per direct role (an inherited one is removed where it comes from), each
    with its own letter once the menu is given them; "&" in a role name is shown, not a letter."""
    parent = QWidget()
    qtbot.addWidget(parent)
    removed: list[str] = []
    menu = QMenu(parent)
    chips = [Chip(1, "R&D"), Chip(2, "Redakteur"), Chip(3, "Leser", inherited_from=9)]
    sub = role_menus.add_remove_role_menu(menu, chips, lambda chip: removed.append(chip.role_name))
    give_mnemonics(menu)
    assert sub.menuAction().isEnabled() and mnemonic(sub.title()) == "r"
    texts = [a.text() for a in sub.actions()]
    assert [t.replace("&&", "+").replace("&", "") for t in texts] == ["R+D…", "Redakteur…"]
    assert len({mnemonic(t) for t in texts}) == 2 and None not in {mnemonic(t) for t in texts}
    sub.actions()[1].trigger()
    assert removed == ["Redakteur"]

    for given, reason in (
        ([Chip(3, "Leser", inherited_from=9)], role_menus.inherited_reason()),
        ([], role_menus.no_role_reason()),
    ):
        other = QMenu(parent)
        entry = role_menus.add_remove_role_menu(other, given, removed.append).menuAction()
        assert not entry.isEnabled() and entry.statusTip() == entry.toolTip() == reason
    loading = QMenu(parent)
    entry = role_menus.add_remove_role_menu(loading, chips, removed.append, role_menus.loading_reason()).menuAction()
    assert not entry.isEnabled() and entry.toolTip() == role_menus.loading_reason()
    assert loading.toolTipsVisible()
