"""The role assignment page, standard view, driven as a user would (SPEC A1-A3, E2, E7, S7)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu, QProgressDialog, QPushButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from uihelpers import FakeInteraction

from mandant_desktop.db.models import AuditEntry, OrgUnit, Role, RoleAssignment, User, UserKind, UserStatus
from mandant_desktop.services.assignments import BulkEdit
from mandant_desktop.services.unit_tree import UNIT_PATH_SEPARATOR
from mandant_desktop.ui import role_menus
from mandant_desktop.ui.assignments.grid import CHIPS_ROLE, AssignmentGridModel, chip_close_point
from mandant_desktop.ui.assignments.page import EXPORT_ALL, EXPORT_SELECTION, AssignmentsPage
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.mnemonics import mnemonic
from mandant_desktop.ui.tasks import Task

UNIT_NAMES = ["Nord", "Süd", "West", "Ost", "=Zentrale"]


@pytest.fixture
def people(window: MainWindow) -> dict[str, list[int]]:
    """Five units under the root (the administrator's role reaches them, as inheritance would give
    it) and ten users without roles."""
    app = window.context.app
    admin_id = window.context.operator.id
    with app.session_factory.begin() as session:
        root = session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None))).one()
        admin_role = session.scalars(select(Role.id).where(Role.predefined_key == "administrator")).one()
        units = []
        for index, name in enumerate(UNIT_NAMES):
            unit = OrgUnit(name=name, parent_id=root, depth=1, sort_order=index)
            session.add(unit)
            session.flush()
            units.append(unit.id)
            session.add(
                RoleAssignment(user_id=admin_id, role_id=admin_role, org_unit_id=unit.id, inherited_from_id=root)
            )
        users = []
        for index in range(10):
            user = User(
                username=f"nutzer{index}",
                username_key=f"nutzer{index}",
                first_name="Nutzer",
                last_name=f"{index:02d}",
                email=f"nutzer{index}@example.de",
                kind=UserKind.INTERNAL,
                status=UserStatus.ACTIVE,
            )
            session.add(user)
            session.flush()
            users.append(user.id)
    return {"units": units, "users": users}


def assignments_page(qtbot: QtBot, window: MainWindow) -> AssignmentsPage:
    """The page, once its units, users and first cells have arrived from the worker (S5)."""
    assert window.show_page("assignments")
    page = window.current_page()
    assert isinstance(page, AssignmentsPage)
    page.refresh()
    settled(qtbot, page)
    return page


def role_id(page: AssignmentsPage, name: str) -> int:
    return next(r.id for r in page._roles if r.name == name)


def settled(qtbot: QtBot, page: AssignmentsPage) -> None:
    """S5: wait until the page's load, its worker step (a change, bulk edit, undo, redo) and the
    preview count are done."""
    qtbot.waitUntil(lambda: not page.busy and not page.bulk_panel.busy, timeout=10000)


def chips_of(qtbot: QtBot, index: QModelIndex) -> Any:
    """A cell's roles once its block has come from the worker (issue 8: a paint or a read asks for
    it, never waits for it; until then a cell read before a change shows what it had)."""
    model = index.model()
    assert isinstance(model, AssignmentGridModel)
    qtbot.waitUntil(
        lambda: index.data(CHIPS_ROLE) is not None and model.cell_known(index.row(), index.column()), timeout=10000
    )
    return index.data(CHIPS_ROLE)


def finished(qtbot: QtBot, task: Task[Any] | None) -> None:
    """Wait for a task started just now (its end is delivered by the event loop, never before)."""
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass


def test_bulk_add_three_roles_to_ten_users_in_five_units(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]]
) -> None:
    """A2 (the manual's example): the preview counts what is added and what is already there; one
    transaction with one audit entry per change; Ctrl+Z undoes the whole bulk edit, Ctrl+Y redoes."""
    page = assignments_page(qtbot, window)
    app = window.context.app
    reader = role_id(page, "Leser")
    page.add_role(page.model.units.index(next(u for u in page.model.units if u.name == "Nord")), 1, reader)
    settled(qtbot, page)  # S5: a single change runs on a worker too
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    panel = page.bulk_panel
    assert panel.isVisible()
    panel.roles.model.set_checked([role_id(page, n) for n in ("Redakteur", "Autor", "Leser")])
    panel.users.model.set_checked(people["users"])
    panel.units.model.set_checked(people["units"])
    panel.update_preview()
    assert panel.busy and not panel.confirm_button.isEnabled()  # counted on a worker (S5)
    settled(qtbot, page)
    assert panel.last_preview is not None
    assert (panel.last_preview.to_add, panel.last_preview.already_present) == (149, 1)
    assert "Adds 149 assignment(s)." in panel.preview_label.text()
    assert "Already present: 1." in panel.preview_label.text()
    with app.session_factory() as session:
        audit_before = session.scalar(select(func.count()).select_from(AuditEntry))
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert page.busy and not page.undo_action.isEnabled()
    settled(qtbot, page)
    with app.session_factory() as session:
        held = session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(people["users"])))
        assert held == 150
        assert session.scalar(select(func.count()).select_from(AuditEntry)) - audit_before == 149
    assert "Already present: 150." in panel.preview_label.text() and not panel.confirm_button.isEnabled()
    column = next(i for i, u in enumerate(page.model.users) if u.id == people["users"][3])
    row = next(i for i, u in enumerate(page.model.units) if u.name == "West")
    assert [c.role_name for c in chips_of(qtbot, page.model.index(row, column))] == ["Autor", "Leser", "Redakteur"]

    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, page)
    with app.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(people["users"]))) == 1
    assert chips_of(qtbot, page.model.index(row, column)) == []
    assert page.redo_action.isEnabled() and page.redo_action.text().startswith("Redo Bulk edit")
    page.redo_action.trigger()
    settled(qtbot, page)
    assert page.undo_stack.index() == 2
    with app.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(people["users"]))) == 150


def test_cell_menu_adds_and_the_chip_cross_removes(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], interactions: FakeInteraction
) -> None:
    """A1, S2: add a role from the cell's menu; click the × of its chip, confirm (warned: the last
    role), and it is gone.
    Inherited chips have no ×, and their cell offers no "add"."""
    page = assignments_page(qtbot, window)
    row = next(i for i, u in enumerate(page.model.units) if u.name == "Süd")
    column = next(i for i, u in enumerate(page.model.users) if u.id == people["users"][0])
    index = page.model.index(row, column)
    menu = page.build_cell_menu(index)
    add_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in add_menu.actions() if a.text().replace("&", "") == "Auditor").trigger()
    assert page.busy  # S5: the change runs on a worker
    settled(qtbot, page)
    assert [c.role_name for c in chips_of(qtbot, index)] == ["Auditor"]

    page.grid.scrollTo(index)
    rect = page.grid.visualRect(index)
    cross = chip_close_point(page.grid, rect, index.data(CHIPS_ROLE), QFont(page.grid.font()), role_id(page, "Auditor"))
    assert cross is not None
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=cross.center())
    settled(qtbot, page)  # "is it the last role?" is counted on a worker, then asked, then removed
    question = interactions.of_kind("confirm")[-1]
    assert question.title == "Remove role"
    # S2, R3: it was the user's only role, so the question warns that they can no longer log in.
    assert "can no longer log in" in question.text
    assert chips_of(qtbot, index) == []

    admin_column = next(i for i, u in enumerate(page.model.users) if u.id == window.context.operator.id)
    admin_cell = page.model.index(row, admin_column)
    [chip] = chips_of(qtbot, admin_cell)
    assert chip.inherited
    assert chip_close_point(page.grid, rect, [chip], QFont(page.grid.font()), chip.role_id) is None
    assert "inherited from Organisation" in admin_cell.data(Qt.ItemDataRole.ToolTipRole)
    admin_menu = page.build_cell_menu(admin_cell)
    assert not next(a for a in admin_menu.actions() if a.menu() is not None).isEnabled()


def test_filter_and_download(qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], tmp_path: Path) -> None:
    """A1, A3, S7: the unit and user filters narrow the grid after "Filter"; the download of the
    filter selection and of everything within reach, read back cell by cell."""
    page = assignments_page(qtbot, window)
    services = window.context.app.services
    services.assignments.apply(
        window.context.operator,
        BulkEdit(
            False, (role_id(page, "Leser"),), tuple(people["users"][:2]), (people["units"][0], people["units"][4])
        ),
    )
    page.unit_filter.model.set_checked([people["units"][4]])
    page.user_filter.model.set_checked(people["users"][:2])
    assert page.unit_filter.text() == "Org units: =Zentrale"
    qtbot.mouseClick(page.filter_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.model.columnCount() == 2

    selection = tmp_path / "auswahl.xlsx"
    finished(qtbot, page.export(EXPORT_SELECTION, selection))
    assert window.statusBar().currentMessage() == f"2 row(s) written to {selection}."
    sheet = openpyxl.load_workbook(selection).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["User", "E-mail", "Org unit", "Role", "Inherited", "Inherited from"]
    assert rows[1:] == [
        ["Nutzer 00", "nutzer0@example.de", "Organisation / =Zentrale", "Leser", "no", None],
        ["Nutzer 01", "nutzer1@example.de", "Organisation / =Zentrale", "Leser", "no", None],
    ]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F3"
    assert all(sheet.column_dimensions[letter].width for letter in "ABCDEF")

    everything = tmp_path / "alle.xlsx"
    finished(qtbot, page.export(EXPORT_ALL, everything))
    assert window.statusBar().currentMessage().startswith(f"{4 + 1 + 5} row(s)")
    values = [[c.value for c in row] for row in openpyxl.load_workbook(everything).active.iter_rows(min_row=2)]
    inherited = [v for v in values if v[4] == "yes"]
    assert len(inherited) == 5 and all(v[5] == "Organisation" for v in inherited)
    page.reset_button.click()
    assert page.model.rowCount() == 6


def test_a_unit_named_like_a_formula_is_neutralised(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], tmp_path: Path
) -> None:
    """S7: a cell that would start with "=" is written as text."""
    app = window.context.app
    with app.session_factory.begin() as session:
        unit = session.get(OrgUnit, people["units"][4])
        assert unit is not None
        unit.parent_id = None
        unit.depth = 0
    page = assignments_page(qtbot, window)
    path = tmp_path / "formel.xlsx"
    finished(qtbot, page.export(EXPORT_ALL, path))
    cells = [row[2] for row in openpyxl.load_workbook(path).active.iter_rows(min_row=2)]
    zentrale = [c for c in cells if "Zentrale" in str(c.value)]
    assert zentrale and all(c.data_type == "s" and not str(c.value).startswith("=") for c in zentrale)


def test_the_grid_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, people: dict[str, list[int]]
) -> None:
    page = assignments_page(qtbot, window)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.unit_filter.model)  # type: ignore[attr-defined]


def test_the_grid_fetches_only_visible_blocks(qtbot: QtBot, window: MainWindow, people: dict[str, list[int]]) -> None:
    """A1, section 8: the first screen's cells come with the load, so its first paint asks the
    database nothing; after a change the visible block is fetched again, once."""
    page = assignments_page(qtbot, window)
    page.grid.viewport().repaint()
    assert page.model.fetch_count == 0
    assert page.model.index(0, 0).data(CHIPS_ROLE) is not None
    page.model.invalidate()
    page.grid.viewport().repaint()
    settled(qtbot, page)  # the block comes from a worker (issue 8)
    assert page.model.fetch_count == 1
    assert page.model.index(0, 0).data(CHIPS_ROLE) is not None
    option = QStyleOptionViewItem()
    assert page.delegate.sizeHint(option, page.model.index(0, 0)).height() > 10
    assert page.grid.indexAt(QPoint(5, 5)).isValid()


def test_blocks_come_from_a_worker_with_placeholders_and_no_stale_answer(
    qtbot: QtBot,
    qtmodeltester: object,
    window: MainWindow,
    people: dict[str, list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 8, A1: a paint never queries. A cell whose block has not arrived paints a placeholder
    (its text "…", its tool tip says it is loading, its menu offers nothing yet) while the block is
    read on a worker; a cell read before invalidate() shows what it had until it is read again (no
    flash of placeholders), but its menu waits; an answer read before a change is dropped, never
    shown; blocks left out of a fetch (more than a screen's worth were asked for) are asked for
    again while on screen."""
    import mandant_desktop.ui.assignments.grid as grid
    import mandant_desktop.ui.assignments.page as page_module

    for module in (grid, page_module):  # blocks of one cell: more on the screen than one fetch takes
        monkeypatch.setattr(module, "BLOCK_ROWS", 1)
        monkeypatch.setattr(module, "BLOCK_COLUMNS", 1)
    page = assignments_page(qtbot, window)
    model = page.model
    service = window.context.app.services.assignments
    real = service.cells
    on_gui_thread: list[bool] = []
    release = threading.Event()

    def slow(operator: Any, unit_ids: Any, user_ids: Any) -> Any:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        answer = real(operator, unit_ids, user_ids)  # read now, delivered after the change below
        release.wait(10)
        return answer

    monkeypatch.setattr(service, "cells", slow)
    model.invalidate()
    page.grid.viewport().repaint()  # placeholders; the blocks are asked for
    qtbot.waitUntil(lambda: len(on_gui_thread) >= 1, timeout=5000)
    first = model.index(0, 0)  # read with the page's load, before invalidate()
    assert first.data(CHIPS_ROLE) is not None and not model.cell_known(0, 0)
    assert not page.build_cell_menu(first).actions()[0].isEnabled()
    cell = model.index(4, 5)
    assert cell.data(CHIPS_ROLE) is None and cell.data() == "…"
    assert "Loading" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert not page.build_cell_menu(cell).actions()[0].isEnabled()  # "Add role" waits for the roles
    # Meanwhile a role is added there (another workstation): the answer on its way is out of date.
    unit, user = model.units[4], model.users[5]
    service.add(window.context.operator, user.id, unit.id, role_id(page, "Leser"))
    model.invalidate()
    release.set()
    page.grid.viewport().update()
    qtbot.waitUntil(lambda: model.index(4, 5).data() == "Leser", timeout=10000)
    settled(qtbot, page)
    assert on_gui_thread and not any(on_gui_thread)
    screen = page.grid.viewport().rect()
    on_screen = [
        (row, column)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if page.grid.visualRect(model.index(row, column)).intersects(screen)
    ]
    assert len(on_screen) > grid.WANTED_AT_ONCE
    # Without reading them here (a read asks for its block): the repaints ask for what was left out.
    qtbot.waitUntil(lambda: all(model.cell_known(row, column) for row, column in on_screen), timeout=10000)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_grid_gone_while_its_block_is_read_takes_no_answer(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]]
) -> None:
    """Issue 8, S5: a grid model deleted (its page closed) while a block is read on a worker
    neither dispatches nor takes the answer: no error when the worker returns."""
    import shiboken6

    from mandant_desktop.ui import tasks

    page = assignments_page(qtbot, window)
    started, release = threading.Event(), threading.Event()

    def slow(unit_ids: Any, user_ids: Any) -> Any:
        started.set()
        release.wait(10)
        return {}

    model = AssignmentGridModel(lambda: slow)
    model.set_axes(page.model.units, page.model.users)
    assert model.chips(0, 0) is None  # asked for
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert model.loading()
    shiboken6.delete(model)
    release.set()
    qtbot.waitUntil(lambda: tasks.runner().active() == 0, timeout=5000)
    qtbot.wait(20)


def test_a_cancelled_bulk_edit_changes_nothing_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    people: dict[str, list[int]],
    interactions: FakeInteraction,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """E3, A2, S5: the bulk edit runs on a worker while the window stays responsive; Cancel in the
    progress dialog rolls it back; the status bar says so, no error box appears and nothing lands
    on the undo stack."""
    page = assignments_page(qtbot, window)
    service = window.context.app.services.assignments
    release = threading.Event()
    apply = service.apply

    def held_back(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(10), "the test never let the bulk edit go on"
        return apply(*args, **kwargs)

    monkeypatch.setattr(service, "apply", held_back)
    edit = BulkEdit(False, (role_id(page, "Leser"),), tuple(people["users"]), tuple(people["units"]))
    task = page.apply_bulk(edit)
    assert task is not None and page.busy
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the GUI thread runs on while the worker waits
    assert page.apply_bulk(edit) is None  # one step at a time
    assert window.statusBar().currentMessage() == "Please wait: the previous change is still being saved."
    progress = page.findChild(QProgressDialog)
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()  # the operator presses Cancel
    release.set()
    settled(qtbot, page)
    assert window.statusBar().currentMessage() == "Cancelled; nothing was changed."
    assert not interactions.of_kind("error") and page.undo_stack.count() == 0
    with window.context.app.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(people["users"]))) == 0


def test_a_failed_undo_drops_the_step_and_keeps_the_page_usable(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], interactions: FakeInteraction
) -> None:
    """E7, S2: an undo the service refuses (here: another workstation removed the unit's rows and
    the operator lost the right there) shows the error and leaves the stack without that step."""
    page = assignments_page(qtbot, window)
    finished(qtbot, page.add_role(0, 0, role_id(page, "Leser")))
    assert page.undo_stack.count() == 1

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        from mandant_desktop.domain.errors import PermissionDeniedError

        raise PermissionDeniedError("You may assign roles only in the org units where you hold the permission.")

    original = page._service.revert
    page._service.revert = refuse  # type: ignore[method-assign]
    try:
        page.undo_action.trigger()
        settled(qtbot, page)
    finally:
        page._service.revert = original  # type: ignore[method-assign]
    assert [m.kind for m in interactions.messages][-1] == "error"
    assert page.undo_stack.count() == 0 and not page.undo_action.isEnabled()


def test_an_operator_who_may_only_look_gets_no_editing(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]]
) -> None:
    """S1, S2: with assignments.view alone the cell menu offers nothing to add or remove, bulk edit
    and download are off — and the service refuses a direct call all the same."""
    from dataclasses import replace

    from mandant_desktop.domain.errors import PermissionDeniedError
    from mandant_desktop.ui.page import PageContext

    context = window.context
    looker = replace(context.operator, permissions=frozenset({"assignments.view"}))
    limited = PageContext(
        app=context.app, operator=looker, settings=context.settings, language=context.language, shell=context.shell
    )
    page = AssignmentsPage(limited)
    try:
        settled(qtbot, page)
        assert not page.bulk_button.isEnabled() and not page.export_button.isEnabled()
        menu = page.build_cell_menu(page.model.index(1, 0))
        assert not next(a for a in menu.actions() if a.menu() is not None).isEnabled()
        assert any(a.text() == "You may not assign roles in this org unit." for a in menu.actions())
        removal = menu.findChild(QMenu, "removeRoleMenu").menuAction()  # E2: off, and says why
        assert not removal.isEnabled() and removal.statusTip() == role_menus.not_allowed_reason()
        with pytest.raises(PermissionDeniedError):
            context.app.services.assignments.add(looker, people["users"][0], people["units"][0], role_id(page, "Leser"))
    finally:
        page.deleteLater()


def test_two_roles_added_are_undone_and_redone_with_the_shortcuts(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], interactions: FakeInteraction
) -> None:
    """E7, E2, A1: two roles given in one cell, one after the other; Ctrl+Z, Ctrl+Z takes both
    back, Ctrl+Y, Ctrl+Shift+Z gives them again, each step finding the cell as the one before
    left it (role assignments carry no version: undo and redo go by the rows themselves)."""
    page = assignments_page(qtbot, window)
    row = next(i for i, u in enumerate(page.model.units) if u.name == "Süd")
    column = next(i for i, u in enumerate(page.model.users) if u.id == people["users"][0])
    index = page.model.index(row, column)
    for name in ("Leser", "Auditor"):
        finished(qtbot, page.add_role(row, column, role_id(page, name)))
        settled(qtbot, page)
    assert page.undo_stack.count() == 2

    def roles() -> list[str]:
        return sorted(c.role_name for c in chips_of(qtbot, index))

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    steps = ((Qt.Key.Key_Z, ctrl, ["Leser"]), (Qt.Key.Key_Z, ctrl, []))
    steps += ((Qt.Key.Key_Y, ctrl, ["Leser"]), (Qt.Key.Key_Z, ctrl | shift, ["Auditor", "Leser"]))
    for key, modifiers, expected in steps:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page.grid.setFocus()
        qtbot.keyClick(page.grid, key, modifiers)
        settled(qtbot, page)
        qtbot.waitUntil(lambda expected=expected: roles() == expected, timeout=5000)
    assert not interactions.of_kind("error") and page.undo_stack.index() == 2


def test_an_undo_that_keeps_a_change_made_elsewhere_says_so(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], interactions: FakeInteraction
) -> None:
    """E7, S4: a role given in a cell and taken away again on another workstation; Ctrl+Z has
    nothing left to take back and keeps the other workstation's removal: the step is done (no
    error) and the status bar says that a change made elsewhere was kept."""
    from dataclasses import replace

    from mandant_desktop.services.operator import system_operator

    page = assignments_page(qtbot, window)
    row = next(i for i, u in enumerate(page.model.units) if u.name == "Süd")
    column = next(i for i, u in enumerate(page.model.users) if u.id == people["users"][0])
    reader = role_id(page, "Leser")
    finished(qtbot, page.add_role(row, column, reader))
    settled(qtbot, page)
    unit = page.model.units[row].id
    rolf = replace(system_operator("rolf"), workstation="PC-ROLF")
    window.context.app.services.assignments.remove(rolf, people["users"][0], unit, reader)
    page.undo_action.trigger()
    settled(qtbot, page)
    assert not interactions.of_kind("error") and page.undo_stack.index() == 0
    assert window.statusBar().currentMessage() == "Undone; 1 change(s) made elsewhere in the meantime were kept."


def test_ctrl_f_finds_units_and_users_in_the_grid(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, people: dict[str, list[int]]
) -> None:
    """E2, A1, A4: Ctrl+F goes to the page's search (it had none: the key did nothing). In org
    units it narrows the rows to the units whose name holds the text, with the units above them;
    in users the columns to the users whose name, user name or e-mail holds it. The search runs
    over the loaded axes (no new load); Down and Enter go to the first match, Esc shows all; it
    goes with the unit and user filters; the grid model passes the model tester while it searches."""
    page = assignments_page(qtbot, window)
    all_units, all_users = list(page.model.units), list(page.model.users)
    window.activateWindow()
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_field() is page.search

    qtbot.keyClicks(page.search, "ST")  # West and Ost, any case
    page.apply_search()
    assert not page.loader.busy  # found in what was loaded, not read again
    found = [u for u in all_units if "st" in u.name.casefold()]
    above = {a.id for u in found for a in all_units if u.path.startswith(a.path + UNIT_PATH_SEPARATOR)}
    assert {u.name for u in found} >= {"West", "Ost"}
    assert page.model.units == [u for u in all_units if u in found or u.id in above]
    assert page.model.users == all_users
    assert f"Search: {len(found)} org unit(s) found" in page.status.text()
    bold = [
        u in found for row, u in enumerate(page.model.units)
        if isinstance(font := page.model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.FontRole), QFont)
        and font.bold()
    ]  # fmt: skip
    assert bold == [True] * len(found)  # the units found stand out among those above them
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]

    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.grid
    current = page.grid.currentIndex()
    assert page.model.units[current.row()] == found[0] and current.column() == 0

    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.model.units == all_units

    # Users: by e-mail address, combined with the unit filter
    page.search_scope.setFocus()
    qtbot.keyClick(page.search_scope, Qt.Key.Key_Down)
    assert page.search_scope.currentIndex() == 1 and "users" in page.search.placeholderText()
    page.unit_filter.model.set_checked([people["units"][0]])
    page.apply_filter()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "nutzer3@")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # at once, and into the grid
    assert [u.id for u in page.model.users] == [people["users"][3]]
    assert [u.id for u in page.model.units] == [people["units"][0]]
    assert QApplication.focusWidget() is page.grid and page.grid.currentIndex() == page.model.index(0, 0)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]

    page.search.setText("no one is called like this")
    page.apply_search()
    assert page.model.users == [] and "0 user(s) found" in page.status.text()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    page.reset_filter()  # "Show all" empties the search too
    assert page.search.text() == "" and page.model.users == all_users and page.model.units == all_units


def remove_menu(menu: QMenu) -> QMenu:
    found = menu.findChild(QMenu, "removeRoleMenu")
    assert found is not None
    return found


def test_the_remove_submenu_is_walked_with_letters(
    qtbot: QtBot, window: MainWindow, people: dict[str, list[int]], interactions: FakeInteraction
) -> None:
    """E2, A1: Menu key on a cell, R opens "Remove role ▸", whose roles each have a letter of
    their own; the letter of one asks (S2) and removes it, the other stays."""
    page = assignments_page(qtbot, window)
    operator = window.context.operator
    unit, user = people["units"][1], people["users"][0]
    roles = [role_id(page, "Leser"), role_id(page, "Auditor")]
    window.context.app.services.assignments.apply(operator, BulkEdit(False, tuple(roles), (user,), (unit,)))
    page.model.invalidate()
    row = next(i for i, u in enumerate(page.model.units) if u.id == unit)
    column = next(i for i, u in enumerate(page.model.users) if u.id == user)
    index = page.model.index(row, column)
    assert sorted(c.role_name for c in chips_of(qtbot, index)) == ["Auditor", "Leser"]
    page.grid.setCurrentIndex(index)
    page.grid.setFocus()
    seen: dict[str, list[str]] = {}

    def in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        qtbot.keyClick(menu, Qt.Key.Key_R)
        QTimer.singleShot(50, in_submenu)

    def in_submenu() -> None:
        sub = QApplication.activePopupWidget()
        assert isinstance(sub, QMenu) and sub.objectName() == "removeRoleMenu"
        texts = [a.text() for a in sub.actions()]
        seen["texts"] = texts
        leser = next(t for t in texts if t.replace("&", "") == "Leser…")
        letter = mnemonic(leser)
        assert letter is not None
        qtbot.keyClick(sub, letter)

    QTimer.singleShot(50, in_menu)
    qtbot.keyClick(page.grid, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: "texts" in seen)
    settled(qtbot, page)
    letters = [mnemonic(t) for t in seen["texts"]]
    assert len(seen["texts"]) == 2 and None not in letters and len(set(letters)) == 2
    assert interactions.of_kind("confirm")[-1].title == "Remove role"
    qtbot.waitUntil(lambda: [c.role_name for c in chips_of(qtbot, index)] == ["Auditor"], timeout=10000)


def test_the_remove_submenu_says_why_it_is_off(qtbot: QtBot, window: MainWindow, people: dict[str, list[int]]) -> None:
    """E2, A1: with nothing to remove the submenu is there but disabled, and its status tip and
    tool tip say why: no role in the cell, or only inherited ones (no right to assign here:
    test_an_operator_who_may_only_look_gets_no_editing)."""
    page = assignments_page(qtbot, window)
    row = next(i for i, u in enumerate(page.model.units) if u.id == people["units"][0])
    empty = page.model.index(row, next(i for i, u in enumerate(page.model.users) if u.id == people["users"][0]))
    chips_of(qtbot, empty)
    admin = page.model.index(row, next(i for i, u in enumerate(page.model.users) if u.id == window.context.operator.id))
    assert all(c.inherited for c in chips_of(qtbot, admin))
    for cell, reason in ((empty, role_menus.no_role_reason()), (admin, role_menus.inherited_reason())):
        menu = page.build_cell_menu(cell)
        sub = remove_menu(menu)
        entry = sub.menuAction()
        assert not entry.isEnabled() and entry.statusTip() == reason == entry.toolTip()
        assert menu.toolTipsVisible() and mnemonic(entry.text()) == "r"
