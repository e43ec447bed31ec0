"""The org units page, driven as an administrator would (SPEC A4-A10, R3, E2, E7, section 8).

The tree is the worked example of SPEC A5-A9 — Konzern > Vertrieb > (Nord > Hamburg, Süd), mia
holding Leser directly in Süd — under the first administrator's root unit.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tenanthelpers import add_user
from uihelpers import FakeInteraction

from mandant_desktop.db.engine import create_engine_for, engine_of, make_session_factory
from mandant_desktop.db.models import Role
from mandant_desktop.domain.errors import DatabaseUnavailableError
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService, UnitRoles
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.org_units.dialogs import (
    DeleteUnitDialog,
    InheritDialog,
    MoveDialog,
    RolePickerDialog,
    dialog_button,
)
from mandant_desktop.ui.org_units.explain import ExplainDialog
from mandant_desktop.ui.org_units.page import EXPORT_USER, OrgUnitsPage
from mandant_desktop.ui.org_units.tree_model import INHERIT_COLUMN, ROLES_COLUMN, UNIT_ID_ROLE, OrgUnitTreeModel
from mandant_desktop.ui.users.page import UsersPage

TREE = (("Konzern", None), ("Vertrieb", "Konzern"), ("Nord", "Vertrieb"), ("Hamburg", "Nord"), ("Süd", "Vertrieb"))


@dataclass
class Example:
    unit: dict[str, int]
    role: dict[str, int]
    mia: int


@pytest.fixture
def example(window: MainWindow) -> Example:
    app, op = window.context.app, window.context.operator
    service = app.services.org_units
    unit: dict[str, int] = {}
    root = service.roots(op)[0].id
    for name, parent in TREE:
        unit[name] = service.add(op, unit[parent] if parent else root, name).units_added[0]
    mia_id = add_user(app.session_factory, "mia", "Mia", "Muster")
    with app.session_factory() as session:
        role = {r.name: r.id for r in session.scalars(select(Role))}
    service.add_roles(op, mia_id, unit["Süd"], [role["Leser"]])
    return Example(unit, role, mia_id)


def open_page(qtbot: QtBot, window: MainWindow) -> OrgUnitsPage:
    assert window.show_page("org-units")
    page = window.current_page()
    assert isinstance(page, OrgUnitsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading())
    activate(qtbot, page)
    return page


def activate(qtbot: QtBot, page: OrgUnitsPage) -> None:
    """Shortcuts (Ctrl+N, Del, Ctrl+Z) reach the active window only; offscreen, a closed dialog
    does not give the activation back to the main window."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)


def settle(qtbot: QtBot, page: OrgUnitsPage) -> None:
    """Until every step and every load the page started has arrived."""
    from mandant_desktop.ui import tasks

    qtbot.waitUntil(lambda: not page.busy and tasks.runner().active() == 0 and not page.model.loading(), timeout=10000)


def choose_user(qtbot: QtBot, page: OrgUnitsPage, text: str) -> None:
    """Type into the user field and pick the first entry of the list that drops down (A4)."""
    picker = page.user_picker
    picker.setFocus()
    with qtbot.waitSignal(picker.searched, timeout=5000):
        qtbot.keyClicks(picker, text)
    popup = picker.completer_.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.user is not None
    settle(qtbot, page)


def find_unit(qtbot: QtBot, page: OrgUnitsPage, name: str) -> None:
    """The unit search (A4): type, Enter; the tree reveals and selects the match."""
    page.unit_search.setFocus()
    page.unit_search.clear()
    page.unit_search.insert(name)  # QTest types ASCII only (Süd)
    qtbot.keyClick(page.unit_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (u := page.current_unit()) is not None and u.name == name, timeout=5000)
    settle(qtbot, page)
    activate(qtbot, page)


def roles_text(page: OrgUnitsPage, name: str) -> str:
    index = unit_index(page, name)
    return str(index.siblingAtColumn(ROLES_COLUMN).data() or "")


def unit_index(page: OrgUnitsPage, name: str) -> QModelIndex:
    model = page.model
    unit_id = next(i for i in model.loaded_ids() if (u := model.node_unit(i)) is not None and u.name == name)
    return model.index_of(unit_id)


def roles_of(page: OrgUnitsPage, name: str) -> UnitRoles:
    roles = page.model.roles(page.model.data(unit_index(page, name), Qt.ItemDataRole.UserRole + 1))
    assert roles is not None
    return roles


def add_access(qtbot: QtBot, page: OrgUnitsPage, *role_names: str) -> None:
    """ "Add access…", search each role in the picker, tick it with Space, "Add"."""
    qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RolePickerDialog)
    assert dialog is not None and dialog.isVisible()
    for name in role_names:
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, name)
        dialog.list.setFocus()
        dialog.list.setCurrentIndex(dialog.list.model().index(0, 0))
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    # Each role is offered with its number of permissions (A4).
    assert "permission" in dialog.model.data(dialog.model.index(0), Qt.ItemDataRole.DisplayRole)
    qtbot.mouseClick(dialog_button(dialog), Qt.MouseButton.LeftButton)
    settle(qtbot, page)


def click_radio(qtbot: QtBot, button: QAbstractButton) -> None:
    """On the round mark: a radio button takes clicks on its mark and text only, not its whole width."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def tick_inherit(qtbot: QtBot, page: OrgUnitsPage, mode: str) -> dict[str, str]:
    """Tick the box, choose replace or keep, Continue; returns the impact texts the dialog showed."""
    qtbot.mouseClick(page.panel.inherit_box, Qt.MouseButton.LeftButton)
    assert not page.panel.inherit_box.isChecked()  # not before the dialog is answered
    qtbot.waitUntil(lambda: not page.busy)  # the impact is counted on a worker first
    dialog = page.findChild(InheritDialog)
    assert dialog is not None and dialog.isVisible()
    shown = {name: dialog.findChild(QLabel, f"inherit{name.title()}Impact").text() for name in ("keep", "replace")}
    click_radio(qtbot, dialog.replace_button if mode == "replace" else dialog.keep_button)
    qtbot.mouseClick(dialog_button(dialog), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    return shown


def expand_all(qtbot: QtBot, page: OrgUnitsPage) -> None:
    """Ctrl++ ("Expand all"): every unit loaded in one query and the whole tree expanded."""
    activate(qtbot, page)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    assert all(
        page.tree.isExpanded(page.model.index_of(unit))
        for unit in page.model.loaded_ids()
        if page.model.rowCount(page.model.index_of(unit))
    )


def press(qtbot: QtBot, page: OrgUnitsPage, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A shortcut on the tree, then until its step is done."""
    activate(qtbot, page)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, key, modifiers)
    settle(qtbot, page)


CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def open_with_vertrieb_inheriting(qtbot: QtBot, window: MainWindow, example: Example) -> OrgUnitsPage:
    """mia given Redakteur at Vertrieb and the box ticked (keep), then the page open with mia chosen."""
    app, op = window.context.app, window.context.operator
    service = app.services.org_units
    service.add_roles(op, example.mia, example.unit["Vertrieb"], [example.role["Redakteur"]])
    service.set_inherit(op, example.mia, example.unit["Vertrieb"], "keep")
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    return page


def names_under(page: OrgUnitsPage, name: str) -> list[str]:
    parent = unit_index(page, name)
    return [page.model.index(row, 0, parent).data() for row in range(page.model.rowCount(parent))]


def test_worked_example_keep_then_edit_roles_then_untick(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """A4, A5 keep, A6, A7, A8 — the SPEC's worked example clicked through: choose mia, add
    Redakteur + Auditor at Vertrieb, tick "Inherit roles to child units", keep existing; Nord and
    Hamburg inherit, Süd keeps Leser. "Edit roles" at Nord says 1 unit is affected, then Nord holds
    the roles directly and Hamburg none. Unticking at Vertrieb removes what was inherited below."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "Muster")
    find_unit(qtbot, page, "Vertrieb")
    assert not page.panel.inherit_box.isEnabled()  # no direct role yet: nothing to pass on
    add_access(qtbot, page, "Redakteur", "Auditor")
    assert sorted(chip.label.text() for chip in page.panel.chips) == ["Auditor", "Redakteur"]
    assert page.panel.inherit_box.isEnabled()

    shown = tick_inherit(qtbot, page, "keep")
    assert "Affects 2 unit(s): adds 4 role(s), removes 0." in shown["keep"]
    assert "Affects 3 unit(s): adds 6 role(s), removes 1." in shown["replace"]
    expand_all(qtbot, page)
    assert page.panel.inherit_box.isChecked()
    assert roles_text(page, "Nord") == "Auditor, Redakteur — inherited from Vertrieb"
    assert roles_text(page, "Hamburg") == "Auditor, Redakteur — inherited from Vertrieb"
    assert roles_text(page, "Süd") == "Leser"
    assert roles_text(page, "Konzern") == ""
    assert unit_index(page, "Vertrieb").siblingAtColumn(INHERIT_COLUMN).data() == "Passes on ↓"
    nord = unit_index(page, "Nord").siblingAtColumn(ROLES_COLUMN)
    assert nord.data(Qt.ItemDataRole.FontRole).italic()

    find_unit(qtbot, page, "Nord")
    assert not page.panel.add_button.isEnabled()  # A6: no direct role beside inherited ones
    assert not any(chip.remove_button.isVisibleTo(page.panel) for chip in page.panel.chips)  # A7
    qtbot.mouseClick(page.panel.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert "Affected: 1 unit(s) below" in interactions.of_kind("confirm")[-1].text
    assert roles_text(page, "Nord") == "Auditor, Redakteur"
    assert roles_text(page, "Hamburg") == ""
    assert unit_index(page, "Nord").siblingAtColumn(INHERIT_COLUMN).data() == "Chain broken ✕"

    find_unit(qtbot, page, "Vertrieb")
    qtbot.mouseClick(page.panel.inherit_box, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert interactions.of_kind("confirm")[-1].title == "Inherit roles to child units"
    assert not page.panel.inherit_box.isChecked()
    assert roles_text(page, "Vertrieb") == "Auditor, Redakteur"
    assert roles_text(page, "Süd") == "Leser"


def test_replace_takes_away_what_was_there_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, example: Example
) -> None:
    """A5 replace, E7: Süd's Leser gives way to the inherited roles; Ctrl+Z restores Leser,
    Ctrl+Shift+Z does the replace again."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Vertrieb")
    add_access(qtbot, page, "Redakteur", "Auditor")
    tick_inherit(qtbot, page, "replace")
    expand_all(qtbot, page)
    assert roles_text(page, "Süd") == "Auditor, Redakteur — inherited from Vertrieb"
    assert page.undo_action.text() == "Undo"
    assert page.undo_action.toolTip() == "Undo: Inherit the roles of Mia Muster from Vertrieb (replace) (Ctrl+Z)"

    activate(qtbot, page)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    assert roles_text(page, "Süd") == "Leser"
    assert not roles_of(page, "Vertrieb").inherit_ticked
    activate(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, page)
    assert roles_text(page, "Süd") == "Auditor, Redakteur — inherited from Vertrieb"


def test_a_direct_role_goes_with_minus_after_a_question(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """A7, R3: "−" beside Leser asks (it is mia's last role: she could not log in) and removes it."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Süd")
    [chip] = page.panel.chips
    interactions.confirm_answers = [False]
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert roles_text(page, "Süd") == "Leser"
    [chip] = page.panel.chips
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    question = interactions.of_kind("confirm")[-1]
    assert "can no longer log in" in question.text
    assert roles_text(page, "Süd") == ""
    assert page.panel.chips == []


def explain_mia_in_sued(qtbot: QtBot, window: MainWindow) -> tuple[OrgUnitsPage, ExplainDialog, list[tuple[str, ...]]]:
    """Choose mia, select Süd, Ctrl+I: the explain dialog (A10) with its rows."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Süd")
    page.explain_action.trigger()
    dialog = page.findChild(ExplainDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.explanation is not None, timeout=5000)
    settle(qtbot, page)
    model = dialog.table_model
    return page, dialog, [tuple(model.text(r, c) for c in range(5)) for r in range(model.rowCount())]


def test_explain_says_why_and_that_a_user_without_roles_cannot_log_in(
    qtbot: QtBot, window: MainWindow, example: Example
) -> None:
    """A10, R3: explain from the tree lists each permission with its role and origin; from the
    users page, a user without any role is flagged as unable to log in."""
    page, dialog, rows = explain_mia_in_sued(qtbot, window)
    granted = [row for row in rows if row[1] == "Yes"]
    assert granted and all(row[2] == "Role Leser, assigned directly" for row in granted)
    assert any(row[1] == "No" and row[2] == "None of the user's roles in Süd includes this permission." for row in rows)
    assert not dialog.login_warning.isVisibleTo(dialog)
    dialog.close()

    app, op = window.context.app, window.context.operator
    add_user(app.session_factory, "ole", "Ole", "Ohnerolle")
    assert window.show_page("users")
    users = window.current_page()
    assert isinstance(users, UsersPage)
    users.refresh()
    qtbot.waitUntil(lambda: users.model.rowCount() > 0)
    row = next(r for r in range(users.model.rowCount()) if "Ohnerolle" in str(users.model.index(r, 0).data()))
    users.table.selectRow(row)
    assert users.explain_action.isEnabled()
    users.explain_action.trigger()
    dialog = users.findChild(ExplainDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.explanation is not None, timeout=5000)
    assert dialog.login_warning.isVisibleTo(dialog)
    assert "cannot log in" in dialog.login_warning.text()
    settle(qtbot, page)
    del op


def test_units_are_added_renamed_moved_and_deleted_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """A9, E2: Ctrl+N adds a child, F2 renames, Ctrl+M moves (the "Move to…" dialog), dragging
    moves, Del deletes — a unit with children asks what happens to them."""
    page = open_page(qtbot, window)
    find_unit(qtbot, page, "Nord")
    interactions.text_answers = ["Bremen"]
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (u := page.current_unit()) is not None and u.name == "Bremen", timeout=5000)

    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.tree
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Bremerhaven")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (u := page.current_unit()) is not None and u.name == "Bremerhaven", timeout=5000)

    # Move to… : Bremerhaven under Süd, found with the dialog's own search.
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(MoveDialog)
    assert dialog is not None
    dialog.picker.search.insert("Süd")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.picker.current() == example.unit["Süd"], timeout=5000)
    qtbot.mouseClick(dialog_button(dialog), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.path_names(page.current_unit().id)[-2:] == ["Süd", "Bremerhaven"])  # type: ignore[union-attr]

    # Drag and drop: Hamburg onto Süd (the model's drop, as the view performs it).
    find_unit(qtbot, page, "Hamburg")
    hamburg = unit_index(page, "Hamburg")
    data = page.model.mimeData([hamburg])
    assert not page.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, hamburg)  # not into itself
    assert page.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, unit_index(page, "Süd")) is False
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.path_names(example.unit["Hamburg"])[-2:] == ["Süd", "Hamburg"])
    assert page.undo_stack.count() == 4  # the add, the rename and both moves are undoable

    # Del on Süd, which has children now: lift them up to Vertrieb.
    find_unit(qtbot, page, "Süd")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not page.busy)
    delete = page.findChild(DeleteUnitDialog)
    assert delete is not None
    assert delete.lift_button.isChecked()  # the harmless answer is the default
    click_radio(qtbot, delete.lift_button)
    qtbot.mouseClick(dialog_button(delete), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.path_names(example.unit["Hamburg"])[-2:] == ["Vertrieb", "Hamburg"])
    assert example.unit["Süd"] not in page.model.loaded_ids()


def test_a_move_to_the_current_parent_is_no_step_to_undo(qtbot: QtBot, window: MainWindow, example: Example) -> None:
    """A9, E7: Hamburg moved under Nord, where it is already: the page says there is nothing to
    change and puts no step on the undo stack."""
    page = open_page(qtbot, window)
    find_unit(qtbot, page, "Hamburg")
    page.move_unit(example.unit["Hamburg"], example.unit["Nord"])
    settle(qtbot, page)
    assert page.undo_stack.count() == 0
    assert page.status.text() == "Nothing to change: it is so already."
    assert page.model.path_names(example.unit["Hamburg"])[-2:] == ["Nord", "Hamburg"]


def test_the_context_menu_offers_what_is_possible(qtbot: QtBot, window: MainWindow, example: Example) -> None:
    """E2: the menu (also from the menu key) lists unit actions, then the chosen user's role
    actions; an inherited unit offers "Edit roles" instead of "Add access…"."""
    page = open_page(qtbot, window)
    find_unit(qtbot, page, "Süd")
    texts = [a.text() for a in page.build_context_menu().actions() if not a.isSeparator()]
    assert "&Add child unit…" in texts and "&Delete…" in texts and "Add a&ccess…" not in texts
    choose_user(qtbot, page, "mia")
    texts = [a.text() for a in page.build_context_menu().actions() if not a.isSeparator()]
    assert "Add a&ccess…" in texts and "E&xplain permissions…" in texts and "&Edit roles" not in texts
    menu = page.build_context_menu()
    remove_menu = menu.findChild(QMenu, "removeRoleMenu")
    assert remove_menu is not None and remove_menu.menuAction().isEnabled()
    remove = next(a for a in remove_menu.actions() if a.text().replace("&", "") == "Leser…")
    remove.trigger()  # "−" from the keyboard: asks, then removes
    settle(qtbot, page)
    assert roles_text(page, "Süd") == ""


def test_export_of_the_chosen_users_accesses(
    qtbot: QtBot, window: MainWindow, example: Example, tmp_path: Path
) -> None:
    """A3: the download of the chosen user's accesses, inherited ones with their source."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    path = tmp_path / "mia.xlsx"
    task = page.export(EXPORT_USER, path)
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2)]
    assert len(rows) == 1 and "Süd" in str(rows[0][2]) and rows[0][3] == "Leser"


def test_a_painted_cell_gets_in_one_call_what_data_answers_role_by_role(
    qtbot: QtBot, window: MainWindow, example: Example
) -> None:
    """A4, section 8 (issue 8): multiData, which the delegate asks for the roles of a painted cell
    at once, answers as data() does role by role, in every column of every unit, the inherited
    roles in italics; a cell right of the unit column has no children and the unit's parent."""
    page = open_with_vertrieb_inheriting(qtbot, window, example)
    expand_all(qtbot, page)
    model = page.model
    asked = sorted({int(role) for role in Qt.ItemDataRole.__members__.values()} | {int(UNIT_ID_ROLE)})
    italic = 0
    for unit_id in model.loaded_ids():
        first = model.index_of(unit_id)
        for column in range(model.columnCount()):
            index = model.index(first.row(), column, first.parent())
            for role in asked:
                cell = QModelRoleData(role)
                model.multiData(index, cell)
                assert cell.data() == model.data(index, role), (unit_id, column, role)
            italic += bool(column == ROLES_COLUMN and model.data(index, Qt.ItemDataRole.FontRole))
            assert model.parent(index) == first.parent()
            assert index.siblingAtColumn(0) == first
            if column:
                assert model.rowCount(index) == 0 and not model.hasChildren(index)
                assert not model.index(0, 0, index).isValid()
    assert italic == 2  # Nord and Hamburg inherit from Vertrieb; Süd keeps its own Leser ("keep")


def test_the_tree_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, window: MainWindow, example: Example
) -> None:
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    expand_all(qtbot, page)
    qtmodeltester.check(page.model)
    settle(qtbot, page)


def test_levels_and_roles_load_lazily_for_what_is_fetched(
    qtbot: QtBot, qtmodeltester: Any, window: MainWindow, example: Example, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Section 8, A4: 120 units under Konzern — the first view loads two levels; the roles of the
    chosen user come in one query that names no units (issue 8: not an IN list of every loaded
    unit), and a level fetched later asks for the roles in that level's parent only; the units not
    fetched stay unloaded."""
    app, op = window.context.app, window.context.operator
    service = app.services.org_units
    for index in range(120):
        service.add(op, example.unit["Konzern"], f"Filiale {index:03d}")
    asked: list[Any] = []
    real = service.roles_in_tree

    def counting(operator: Any, user_id: int, parent_ids: Any = None) -> Any:
        asked.append(None if parent_ids is None else list(parent_ids))
        return real(operator, user_id, parent_ids)

    monkeypatch.setattr(service, "roles_in_tree", counting)
    page = open_page(qtbot, window)
    settle(qtbot, page)
    loaded = len(page.model.loaded_ids())
    assert loaded == 2  # the root and Konzern: the root opened one level, Konzern is not expanded
    find_unit(qtbot, page, "Filiale 077")
    assert len(page.model.loaded_ids()) == 2 + 121
    choose_user(qtbot, page, "mia")
    assert asked == [None]  # everywhere, from the user's own rows
    assert all(page.model.roles_known(unit) for unit in page.model.loaded_ids())
    assert roles_text(page, "Filiale 077") == ""  # mia holds nothing there: known, empty
    assert example.unit["Nord"] not in page.model.loaded_ids()  # Vertrieb was never expanded
    asked.clear()
    page.tree.expand(unit_index(page, "Vertrieb"))
    qtbot.waitUntil(lambda: example.unit["Nord"] in page.model.loaded_ids(), timeout=5000)
    settle(qtbot, page)
    assert asked == [[example.unit["Vertrieb"]]]  # the new level's parent, not its units
    assert page.model.roles_known(example.unit["Nord"])
    qtmodeltester.check(page.model)
    settle(qtbot, page)


def test_a_user_who_may_only_look_changes_nothing(qtbot: QtBot, window: MainWindow, example: Example) -> None:
    """S1, S2: without assignments.assign and org_units.edit the buttons are off; no dragging."""
    from dataclasses import replace

    from mandant_desktop.ui.page import PageContext

    context = window.context
    viewer = replace(context.operator, permissions=frozenset({"org_units.view", "assignments.view"}))
    page = OrgUnitsPage(PageContext(context.app, viewer, context.settings, context.language, window))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    settle(qtbot, page)
    assert not page.add_action.isEnabled()
    assert not page.tree.dragEnabled()
    assert page.tree.editTriggers() == QAbstractItemView.EditTrigger.EditKeyPressed
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Süd")
    assert not page.panel.add_button.isEnabled()
    assert not any(chip.remove_button.isVisibleTo(page.panel) for chip in page.panel.chips)


def test_the_model_alone_loads_on_a_worker(qtbot: QtBot, qtmodeltester: Any) -> None:
    """The model against a plain function: nothing is loaded until asked for."""
    from mandant_desktop.services.org_units import UnitNode

    calls: list[int | None] = []

    def children(parent: int | None) -> list[UnitNode]:
        calls.append(parent)
        if parent is None:
            return [UnitNode(1, None, "A", 0, 2), UnitNode(2, None, "B", 0, 0)]
        return [UnitNode(10 + parent, parent, f"A{parent}", 1, 0)] if parent == 1 else []

    model = OrgUnitTreeModel(children, None, columns=1)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert calls == [None]
    assert model.hasChildren(model.index(0, 0)) and not model.hasChildren(model.index(1, 0))
    assert model.canFetchMore(model.index(0, 0))
    model.fetchMore(model.index(0, 0))
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == 1)
    qtmodeltester.check(model)


def small_tree_model(qtbot: QtBot, fail_for: int | None = None, **options: Any) -> OrgUnitTreeModel:
    """The model alone over A (with A1, A2) and B, the top level loaded; asking for the children
    of ``fail_for`` raises."""
    from mandant_desktop.domain.errors import DomainError
    from mandant_desktop.services.org_units import UnitNode

    units = {
        None: [UnitNode(1, None, "A", 0, 2), UnitNode(2, None, "B", 0, 0)],
        1: [UnitNode(11, 1, "A1", 1, 0), UnitNode(12, 1, "A2", 1, 0)],
    }

    def children(parent: int | None) -> list[UnitNode]:
        if parent is not None and parent == fail_for:
            raise DomainError("gone")
        return units.get(parent, [])

    model = OrgUnitTreeModel(
        children, None, columns=3, load_all=lambda: [unit for level in units.values() for unit in level], **options
    )
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading())
    return model


def test_the_model_answers_qt_by_internal_id_and_column(qtbot: QtBot, qtmodeltester: Any) -> None:
    """Issue 8 ("expand all" asks the model about every unit): an invalid index means the top
    level, an index of another column has no children, rows out of range give invalid indexes;
    flags follow drag_enabled (A9), data answers its roles only."""
    model = small_tree_model(qtbot)
    a = model.index(0, 0)
    assert model.rowCount() == 2 and model.hasChildren() and model.hasChildren(a)
    assert not model.hasChildren(model.index(1, 0))  # B has no children (child_count 0)
    assert model.canFetchMore(a) and not model.canFetchMore(model.index(1, 0))
    second = model.index(0, 1)
    assert second.isValid() and model.rowCount(second) == 0 and not model.hasChildren(second)
    assert not model.index(0, 0, second).isValid()
    assert not model.index(2, 0).isValid() and not model.index(-1, 0).isValid() and not model.index(0, 3).isValid()
    assert model.parent(a) == QModelIndex() and model.parent(QModelIndex()) == QModelIndex()
    assert model.flags(a) & Qt.ItemFlag.ItemIsDragEnabled and model.flags(a) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(second) & Qt.ItemFlag.ItemIsEditable
    model.drag_enabled = False
    assert not model.drag_enabled and model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert not model.flags(a) & Qt.ItemFlag.ItemIsDragEnabled and model.flags(a) & Qt.ItemFlag.ItemIsEditable
    model.drag_enabled = True
    assert model.drag_enabled and model.flags(a) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.data(a) == "A" and model.data(a, Qt.ItemDataRole.EditRole) == "A"
    assert model.data(a, Qt.ItemDataRole.DecorationRole) is None and model.data(second) is None
    assert model.load_all()
    qtbot.waitUntil(lambda: not model.loading())
    a1 = model.index(0, 0, model.index(0, 0))
    assert model.data(a1) == "A1" and model.parent(a1) == model.index(0, 0)
    assert model.data(a1, Qt.ItemDataRole.ToolTipRole) == "A / A1"
    qtmodeltester.check(model)


def test_roles_are_asked_by_parent_for_a_few_levels_and_everywhere_for_many(qtbot: QtBot, qtmodeltester: Any) -> None:
    """Issue 8: with a user chosen, the roles of a fetched level are asked for by its parent; when
    more than 50 levels arrive at once (a restored expansion) they are asked for everywhere, one
    query that names no units, never a long list of parent ids; units missing from an answer hold
    nothing."""
    from mandant_desktop.services.org_units import UnitNode, UnitRoles

    tops = [UnitNode(unit, None, f"U{unit}", 0, 1) for unit in range(1, 61)]
    below = {unit.id: [UnitNode(1000 + unit.id, unit.id, f"C{unit.id}", 1, 0)] for unit in tops}
    asked: list[Any] = []

    def roles(user_id: int, parents: Any) -> dict[int, UnitRoles]:
        asked.append(parents)
        return {1001: UnitRoles(1001, (), None, None, True, False)}

    model = OrgUnitTreeModel(
        lambda parent: tops if parent is None else below.get(parent, []),
        roles,
        columns=3,
        load_many=lambda parents: {parent: below.get(parent, []) for parent in parents},
    )
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 60 and not model.loading())
    model.set_user(7)
    qtbot.waitUntil(lambda: all(model.roles_known(unit.id) for unit in tops))
    assert asked == [None]
    model.fetchMore(model.index(0, 0))  # one level: asked for by its parent
    qtbot.waitUntil(lambda: model.roles_known(1001))
    assert asked[-1] == [1] and model.roles(1001) is not None and model.roles(1001).inherit_ticked
    asked.clear()
    for row in range(1, 60):  # 59 levels in one go
        model.fetchMore(model.index(row, 0))
    qtbot.waitUntil(lambda: all(model.roles_known(1000 + unit.id) for unit in tops))
    assert asked == [None]
    assert model.roles(1060) == UnitRoles(1060, (), None, None, False, False)
    qtmodeltester.check(model)


def test_loading_ends_when_a_level_arrives_fails_or_is_forgotten(qtbot: QtBot, interactions: FakeInteraction) -> None:
    """Issue 8, S5: ``loading()`` (asked on every poll) counts the levels on their way; a failed load
    and a reload end it too, so that nothing waits for ever. The failure is said (the model's own
    handler only ends the loading)."""
    model = small_tree_model(qtbot, fail_for=1)
    errors: list[bool] = []
    model.load_failed.connect(lambda: errors.append(True))
    model.fetchMore(model.index(0, 0))
    assert model.loading()
    qtbot.waitUntil(lambda: bool(errors))
    assert not model.loading() and model.canFetchMore(model.index(0, 0))  # it may be asked again
    assert [m.kind for m in interactions.messages] == ["error"]
    model.fetchMore(model.index(0, 0))
    model.reload()  # the level on its way belongs to the forgotten tree
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading())
    model.fetchMore(model.index(0, 0))
    assert model.load_all()  # the whole tree's answer includes the level on its way
    qtbot.waitUntil(lambda: not model.loading())
    assert model.rowCount(model.index(0, 0)) == 2


def test_changes_from_another_workstation_appear_and_expansion_stays(
    qtbot: QtBot, window: MainWindow, example: Example
) -> None:
    """E8: a unit added and a role given elsewhere appear when the window hears of the change;
    the expanded levels stay expanded."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Hamburg")
    app, op = window.context.app, window.context.operator
    app.services.org_units.add(op, example.unit["Nord"], "Bremen")
    app.services.org_units.add_roles(op, example.mia, example.unit["Hamburg"], [example.role["Autor"]])
    window._changed_elsewhere(None)  # what the change watcher emits
    settle(qtbot, page)
    assert page.tree.isExpanded(unit_index(page, "Nord"))
    assert "Bremen" in [page.model.node_unit(i).name for i in page.model.loaded_ids()]  # type: ignore[union-attr]
    assert roles_text(page, "Hamburg") == "Autor"
    assert [chip.label.text() for chip in page.panel.chips] == ["Autor"]


def held_back(monkeypatch: pytest.MonkeyPatch, service: object, name: str) -> threading.Event:
    """Make ``service.name`` wait on its worker until the returned event is set."""
    release = threading.Event()
    real = getattr(service, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(10), "the test never let the change go on"
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, waiting)
    return release


def test_a_slow_inheritance_change_leaves_the_window_responsive(
    qtbot: QtBot, window: MainWindow, example: Example, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, E3, A5: ticking inheritance (5,000 units take a while) runs on a worker; the GUI thread
    goes on, undo waits, and the change lands on the undo stack only when it is done."""
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    find_unit(qtbot, page, "Vertrieb")
    add_access(qtbot, page, "Redakteur")
    assert page.undo_stack.count() == 1
    release = held_back(monkeypatch, window.context.app.services.org_units, "set_inherit")
    qtbot.mouseClick(page.panel.inherit_box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy)  # the impact count
    dialog = page.findChild(InheritDialog)
    assert dialog is not None
    qtbot.mouseClick(dialog_button(dialog), Qt.MouseButton.LeftButton)
    assert page.busy and not page.undo_action.isEnabled()
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the GUI thread runs on while the worker waits
    assert page.busy and page.undo_stack.count() == 1  # the stack has not moved yet
    progress = page.findChild(QProgressDialog)  # shown after a moment; no Cancel: one commit
    assert progress is not None and progress.findChild(QPushButton) is None
    release.set()
    settle(qtbot, page)
    assert page.undo_stack.count() == 2 and page.undo_action.isEnabled()
    expand_all(qtbot, page)
    assert roles_text(page, "Nord") == "Redakteur — inherited from Vertrieb"


def test_a_second_change_while_one_is_saved_is_refused(
    qtbot: QtBot, window: MainWindow, example: Example, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """S5, E7: one step at a time — while a move is saved, deleting, adding or undoing says "please
    wait" in the status bar and changes nothing; the move then goes on the stack as usual."""
    page = open_page(qtbot, window)
    find_unit(qtbot, page, "Hamburg")
    release = held_back(monkeypatch, window.context.app.services.org_units, "move")
    page.move_unit(example.unit["Hamburg"], example.unit["Süd"])
    assert page.busy
    wait = "Please wait: the previous change is still being saved."
    page.delete_action.trigger()
    assert window.statusBar().currentMessage() == wait and page.status.text() == wait
    assert page.findChild(DeleteUnitDialog) is None and not interactions.of_kind("confirm")
    page.add_action.trigger()
    assert not interactions.of_kind("ask_text")  # refused before the name is asked for
    release.set()
    settle(qtbot, page)
    assert page.undo_stack.count() == 1
    qtbot.waitUntil(lambda: page.model.path_names(example.unit["Hamburg"])[-2:] == ["Süd", "Hamburg"])
    assert example.unit["Hamburg"] in page.model.loaded_ids()


def test_adding_renaming_and_deleting_units_are_undone_and_redone(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """E7, A9: Bremen added under Nord receives Vertrieb's roles; Ctrl+Z removes it, Ctrl+Shift+Z
    brings it back with them. A rename is undone. Vertrieb deleted with everything below comes
    back with Ctrl+Z: its units in their places, mia's roles and the ticked box."""
    page = open_with_vertrieb_inheriting(qtbot, window, example)
    find_unit(qtbot, page, "Nord")

    interactions.text_answers = ["Bremen"]
    press(qtbot, page, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: (u := page.current_unit()) is not None and u.name == "Bremen", timeout=5000)
    settle(qtbot, page)
    assert roles_text(page, "Bremen") == "Redakteur — inherited from Vertrieb"
    assert page.undo_action.toolTip() == "Undo: Add unit “Bremen” (Ctrl+Z)"
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: names_under(page, "Nord") == ["Hamburg"], timeout=5000)
    press(qtbot, page, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: names_under(page, "Nord") == ["Hamburg", "Bremen"], timeout=5000)
    settle(qtbot, page)
    assert roles_text(page, "Bremen") == "Redakteur — inherited from Vertrieb"

    # F2: Bremen → Bremerhaven, then Ctrl+Z gives the old name back.
    page.tree.setCurrentIndex(unit_index(page, "Bremen"))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.tree
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Bremerhaven")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names_under(page, "Nord") == ["Hamburg", "Bremerhaven"], timeout=5000)
    settle(qtbot, page)
    assert page.undo_action.toolTip() == "Undo: Rename unit “Bremen” to “Bremerhaven” (Ctrl+Z)"
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: names_under(page, "Nord") == ["Hamburg", "Bremen"], timeout=5000)

    # Del on Vertrieb, "delete the children too"; Ctrl+Z restores the whole subtree.
    find_unit(qtbot, page, "Vertrieb")
    press(qtbot, page, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    delete = page.findChild(DeleteUnitDialog)
    assert delete is not None
    click_radio(qtbot, delete.delete_button)
    qtbot.mouseClick(dialog_button(delete), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: example.unit["Vertrieb"] not in page.model.loaded_ids(), timeout=5000)
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: example.unit["Vertrieb"] in page.model.loaded_ids(), timeout=5000)
    expand_all(qtbot, page)
    assert names_under(page, "Vertrieb") == ["Nord", "Süd"]
    assert names_under(page, "Nord") == ["Hamburg", "Bremen"]
    assert roles_text(page, "Vertrieb") == "Redakteur"
    assert roles_of(page, "Vertrieb").inherit_ticked
    assert roles_text(page, "Hamburg") == "Redakteur — inherited from Vertrieb"
    assert roles_text(page, "Süd") == "Leser"
    # and Ctrl+Shift+Z deletes it all again
    press(qtbot, page, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: example.unit["Vertrieb"] not in page.model.loaded_ids(), timeout=5000)


def test_expand_all_and_collapse_all(qtbot: QtBot, window: MainWindow, example: Example) -> None:
    """Section 8, E2: "Expand all" (Ctrl++, toolbar, context menu) loads every level in one query
    on a worker and expands the whole tree; "Collapse all" (Ctrl+-) shows the top level only."""
    app, op = window.context.app, window.context.operator
    below = example.unit["Hamburg"]
    for depth in range(6):  # a branch deeper than anything fetched so far
        below = app.services.org_units.add(op, below, f"Ebene {depth}").units_added[0]
    page = open_page(qtbot, window)
    assert below not in page.model.loaded_ids()
    calls: list[int] = []
    original = app.services.org_units.all_units
    page._service.all_units = lambda operator: calls.append(1) or original(operator)  # type: ignore[method-assign]
    expand_all(qtbot, page)
    assert calls == [1]  # one call, one query: not a level at a time
    assert below in page.model.loaded_ids()
    deepest = page.model.index_of(below)
    assert page.tree.visualRect(deepest).isValid() or page.tree.isExpanded(deepest.parent())
    texts = [a.text() for a in page.build_context_menu().actions() if not a.isSeparator()]
    assert "Ex&pand all" in texts and "Co&llapse all" in texts
    assert page.expand_all_action in page.toolbar.actions() and page.collapse_all_action in page.toolbar.actions()
    press(qtbot, page, Qt.Key.Key_Minus, CTRL)
    top = page.model.index(0, 0)
    assert not page.tree.isExpanded(top)
    assert page.tree.currentIndex().parent() == QModelIndex()


def test_expand_all_with_a_user_chosen_brings_their_roles_in_the_same_task(
    qtbot: QtBot, window: MainWindow, example: Example, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Section 8, A4 (issue 8): with a user chosen, "Expand all" reads the user's roles in every
    unit in the task that reads the units, so the tree shows them at once (no second round trip
    that changes the roles columns of every parent); a failure of the roles leaves the units
    shown and asks for the roles again on their own."""
    app, op = window.context.app, window.context.operator
    service = app.services.org_units
    below = example.unit["Hamburg"]
    for depth in range(3):  # never fetched before "Expand all"
        below = service.add(op, below, f"Ebene {depth}").units_added[0]
    page = open_page(qtbot, window)
    choose_user(qtbot, page, "mia")
    asked: list[Any] = []
    real = service.roles_in_tree

    def counting(operator: Any, user_id: int, parent_ids: Any = None) -> Any:
        asked.append(parent_ids)
        return real(operator, user_id, parent_ids)

    monkeypatch.setattr(service, "roles_in_tree", counting)
    expand_all(qtbot, page)
    assert asked == [None]  # every unit's roles in one query that names no units
    assert all(page.model.roles_known(unit) for unit in page.model.loaded_ids())
    assert page.model.roles_known(below)
    assert roles_text(page, "Süd") == "Leser"
    roles = page.model.roles(below)
    assert roles is not None and not roles.roles

    def failing(operator: Any, user_id: int, parent_ids: Any = None) -> Any:
        monkeypatch.setattr(service, "roles_in_tree", counting)  # the next request succeeds
        raise DatabaseUnavailableError("gone for a moment")

    asked.clear()
    monkeypatch.setattr(service, "roles_in_tree", failing)
    press(qtbot, page, Qt.Key.Key_Minus, CTRL)
    page.model.reload()
    settle(qtbot, page)
    expand_all(qtbot, page)
    qtbot.waitUntil(lambda: page.model.roles_known(below), timeout=5000)
    assert below in page.model.loaded_ids() and len(asked) == 1
    assert roles_text(page, "Süd") == "Leser"
    settle(qtbot, page)


def test_choosing_a_user_tells_the_expanded_tree_once_not_once_per_parent(
    qtbot: QtBot, qtmodeltester: Any, window: MainWindow, example: Example
) -> None:
    """Issue 8: with every unit expanded, choosing a user changes the roles columns of every unit
    with one dataChanged over the top-level rows and one roles_reset per step (the placeholders,
    then the roles), not a signal per parent; the view repaints, and every unit shows the user's
    roles, the deepest one included."""
    from PySide6.QtCore import QEvent, QObject

    page = open_page(qtbot, window)
    expand_all(qtbot, page)
    changed: list[QModelIndex] = []
    resets: list[int] = []
    page.model.dataChanged.connect(lambda top_left, *_: changed.append(top_left.parent()))
    page.model.roles_reset.connect(lambda: resets.append(1))

    class Paints(QObject):
        count = 0

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    page.tree.viewport().installEventFilter(paints)
    choose_user(qtbot, page, "mia")
    qtbot.waitUntil(lambda: paints.count > 0, timeout=5000)
    page.tree.viewport().removeEventFilter(paints)
    assert len(resets) == 2  # cleared (placeholders), then the roles
    assert len(changed) == 2 and not any(parent.isValid() for parent in changed)
    assert all(page.model.roles_known(unit) for unit in page.model.loaded_ids())
    assert roles_text(page, "Süd") == "Leser"
    assert roles_text(page, "Hamburg") == ""
    qtmodeltester.check(page.model)
    settle(qtbot, page)


def test_explain_in_german_shows_every_column_and_translates_the_reasons(
    qtbot: QtBot, window: MainWindow, example: Example, language: Any
) -> None:
    """A10, E1: in German the reasons for a missing permission are German too, and the columns fit
    the dialog (none, "Zugewiesen am" least of all, is cut off at the right edge)."""
    language.choose("de")
    page, dialog, rows = explain_mia_in_sued(qtbot, window)
    model = dialog.table_model
    assert any(
        row[1] == "Nein" and row[2] == "Keine der Rollen des Benutzers in Süd enthält diese Berechtigung."
        for row in rows
    )
    header = dialog.table.horizontalHeader()
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Zugewiesen am"
    right = header.sectionViewportPosition(4) + header.sectionSize(4)
    assert right <= dialog.table.viewport().width()
    assert header.sectionSize(4) >= header.sectionSizeHint(4)
    dialog.close()
    settle(qtbot, page)


def test_a_unit_restored_under_a_new_id_is_renumbered_on_the_whole_stack(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """E7: Süd renamed, then deleted; another workstation's new unit takes Süd's old id (SQLite
    reuses it). Ctrl+Z restores Süd under a new id, and the next Ctrl+Z takes back the rename of
    that unit, not of the other one."""
    from mandant_desktop.db.models import OrgUnit

    app = window.context.app
    page = open_page(qtbot, window)
    old = example.unit["Süd"]
    find_unit(qtbot, page, "Süd")
    page.rename_unit(old, "Süd West")
    settle(qtbot, page)
    find_unit(qtbot, page, "Süd West")
    interactions.confirm_answers = [True]
    press(qtbot, page, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: old not in page.model.loaded_ids(), timeout=5000)
    with app.session_factory.begin() as session:  # another workstation
        session.add(OrgUnit(id=old, name="Fremd", parent_id=example.unit["Konzern"], depth=1))
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "Süd West" in names_under(page, "Vertrieb"), timeout=5000)
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: names_under(page, "Vertrieb") == ["Nord", "Süd"], timeout=5000)
    with app.session_factory() as session:
        assert session.get(OrgUnit, old).name == "Fremd"  # type: ignore[union-attr]


def test_two_renames_are_undone_and_redone_with_the_shortcuts_and_a_move_elsewhere_stops_undo(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction
) -> None:
    """E7, E2, S3, S4: Nord renamed twice on the page; Ctrl+Z, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Shift+Z
    each find the unit as the step before left it. Then Nord is moved under Süd, another
    workstation (its own engine, rolf at PC-ROLF) moves it under Konzern, and Ctrl+Z is refused
    with a message naming rolf and his workstation; Nord stays where rolf put it."""
    page = open_page(qtbot, window)
    nord = example.unit["Nord"]

    def named(name: str) -> None:
        qtbot.waitUntil(lambda: (u := page.model.node_unit(nord)) is not None and u.name == name, timeout=5000)

    expand_all(qtbot, page)
    for name in ("Nordwest", "Nordost"):
        page.rename_unit(nord, name)  # what F2 and typing in the tree ask for (rename_requested)
        settle(qtbot, page)
        named(name)
    assert page.undo_stack.count() == 2
    for modifiers, name in ((CTRL, "Nordwest"), (CTRL, "Nord"), (CTRL | SHIFT, "Nordwest"), (CTRL | SHIFT, "Nordost")):
        press(qtbot, page, Qt.Key.Key_Z, modifiers)
        named(name)
    assert not interactions.of_kind("error") and page.undo_stack.count() == 2

    page.move_unit(nord, example.unit["Süd"])
    settle(qtbot, page)
    engine = create_engine_for(engine_of(window.context.app.session_factory).url)
    try:
        rolf = replace(system_operator("rolf"), workstation="PC-ROLF")
        OrgUnitsService(make_session_factory(engine)).move(rolf, nord, example.unit["Konzern"])
    finally:
        engine.dispose()
    press(qtbot, page, Qt.Key.Key_Z, CTRL)
    texts = [m.text for m in interactions.of_kind("error")]
    assert texts and "Cannot undo: rolf changed this org unit at " in texts[-1]
    # The workstation's hyphen does not break (U+2011), so that its name stays on one line.
    assert "on workstation PC\u2011ROLF, after your change. Nothing was changed." in texts[-1]
    assert window.context.app.services.org_units.get(window.context.operator, nord).parent_id == example.unit["Konzern"]


def test_questions_of_inheritance_count_role_assignments_in_correct_german(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction, language: Any
) -> None:
    """A7, A8, E1: "Edit roles" and unticking the box count the role assignments that go with the
    German plural of the number ("1 geerbte Rollenzuweisung entfällt", "(2 Rollenzuweisungen)"),
    not "Rollenzuweisung(en)" nor "(1 Rollenzuweisungen)"."""
    language.choose("de")
    page = open_with_vertrieb_inheriting(qtbot, window, example)  # Nord and Hamburg inherit Redakteur

    def question_at(unit: str, button: QAbstractButton) -> str:
        """The question the button asks at the unit, answered with Cancel."""
        find_unit(qtbot, page, unit)
        interactions.confirm_answers = [False]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(qtbot, page)
        return interactions.of_kind("confirm")[-1].text

    assert "werden aus 2 Einheiten entfernt (2 Rollenzuweisungen);" in question_at("Vertrieb", page.panel.inherit_box)
    assert page.panel.inherit_box.isChecked()
    edit = question_at("Nord", page.panel.edit_button)
    # Hamburg's Redakteur goes; Nord's stays, as a direct role (A7).
    assert "Betroffen: 1 Einheit darunter; 1 geerbte Rollenzuweisung entfällt." in edit
    assert "(en)" not in edit


def test_an_undo_step_names_the_unit_in_quotation_marks_in_german(
    qtbot: QtBot, window: MainWindow, example: Example, interactions: FakeInteraction, language: Any
) -> None:
    """E7, E1: the undo step of a new unit named "Neue Einheit" said "Rückgängig: Neue Einheit
    hinzufügen", which reads as "add a new unit"; it names the unit as the roles page names a role."""
    language.choose("de")
    page = open_page(qtbot, window)
    find_unit(qtbot, page, "Nord")
    interactions.text_answers = ["Neue Einheit"]
    press(qtbot, page, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: "Neue Einheit" in names_under(page, "Nord"), timeout=5000)
    settle(qtbot, page)
    assert page.undo_action.toolTip() == "Rückgängig: Einheit „Neue Einheit“ hinzufügen (Strg+Z)"
    page.move_unit(example.unit["Hamburg"], None)
    settle(qtbot, page)
    assert page.undo_action.toolTip() == "Rückgängig: Einheit „Hamburg“ auf die oberste Ebene verschieben (Strg+Z)"


def test_deleting_a_top_unit_offers_in_german_to_move_its_children_to_the_top_level(
    qtbot: QtBot, language: Any
) -> None:
    """A9, E1: the choice for the children of a unit on the top level read "Eine Ebene höher unter
    die oberste Ebene einordnen" (under the top level); they go into it, as under any other parent.
    A parent's name stands in „…“, the top level is no name and does not."""
    language.choose("de")
    for parent_name, said in (
        (None, "In die oberste Ebene &einordnen (eine Ebene höher)"),
        ("Vertrieb", "In „Vertrieb“ &einordnen (eine Ebene höher)"),
    ):
        dialog = DeleteUnitDialog("Nord", parent_name, 2, 3, 0, None)
        qtbot.addWidget(dialog)
        assert dialog.lift_button.text() == said
