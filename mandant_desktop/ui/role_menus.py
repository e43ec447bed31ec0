"""The "Remove role ▸" submenu of the context menus that show a user's roles in an org unit: the
assignment grid's cells (SPEC A1) and the org-unit tree of a chosen user (A4, A7).

One entry per direct role, each with a letter of its own (E2: the menu is opened with the Menu
key, the submenu with its letter or the right arrow, the role with its letter). When nothing can be
removed the submenu is there all the same but disabled, and its status tip and tool tip say why
(no role here, only inherited ones, no right to assign, still loading), so that the keyboard user
who finds it greyed out learns the reason in the status bar or on hover.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from mandant_desktop.services.assignments import Chip
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.mnemonics import escaped

CONTEXT = "RoleMenus"

NO_ROLE = QT_TRANSLATE_NOOP("RoleMenus", "The user holds no role here that could be removed.")
INHERITED = QT_TRANSLATE_NOOP(
    "RoleMenus", "The roles here are inherited; they are removed where they come from, or after Edit roles."
)
LOADING = QT_TRANSLATE_NOOP("RoleMenus", "The roles here are still loading.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("RoleMenus", "You may not assign or remove roles in this org unit.")
TITLE = QT_TRANSLATE_NOOP("RoleMenus", "&Remove role")
TITLE_TIP = QT_TRANSLATE_NOOP("RoleMenus", "Remove one of the user's roles in this org unit (asks first)")
ENTRY_TIP = QT_TRANSLATE_NOOP("RoleMenus", "Remove the role %1 here (asks first)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def no_role_reason() -> str:
    return _tr(NO_ROLE)


def inherited_reason() -> str:
    return _tr(INHERITED)


def loading_reason() -> str:
    return _tr(LOADING)


def not_allowed_reason() -> str:
    return _tr(NOT_ALLOWED)


def add_remove_role_menu(
    menu: QMenu, chips: Iterable[Chip], remove: Callable[[Chip], object], reason: str | None = None
) -> QMenu:
    """Append "Remove role ▸" to ``menu`` with one entry per direct role among ``chips``.
    ``reason``: why nothing may be removed here (the submenu is disabled and says it); without
    one, a submenu left empty says that there is no role of one's own here to remove."""
    sub = menu.addMenu(_tr(TITLE))
    sub.setObjectName("removeRoleMenu")
    direct = [chip for chip in chips if not chip.inherited]
    if reason is None and not direct:
        reason = inherited_reason() if any(chip.inherited for chip in chips) else no_role_reason()
    entry = sub.menuAction()
    if reason is not None:
        entry.setEnabled(False)
        entry.setStatusTip(reason)
        entry.setToolTip(reason)
        menu.setToolTipsVisible(True)
        return sub
    entry.setStatusTip(_tr(TITLE_TIP))
    for chip in direct:
        action = sub.addAction(escaped(chip.role_name) + "…")
        action.setStatusTip(_tr(ENTRY_TIP).replace("%1", chip.role_name))
        action.triggered.connect(lambda _checked=False, ch=chip: remove(ch))
    return sub
