"""Ctrl+C copies the selected rows of a list as tab-separated text (SPEC E2), Ctrl+Shift+C with the
column titles first; Edit → Copy does the same for the list with the focus.

On the small demo database, as an administrator would: select rows with the mouse and Shift+Down,
press the keys, paste (read the clipboard).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import copy_rows, tasks
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.page import Page

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def show(qtbot: QtBot, window: MainWindow, page_id: str) -> Page:
    assert window.show_page(page_id)
    page = window.current_page()
    assert page is not None
    qtbot.waitUntil(lambda: tasks.runner().active() == 0 and not getattr(page, "busy", False), timeout=15000)
    return page


def shown_row(view: QTableView, row: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def select_two_rows(qtbot: QtBot, view: QTableView) -> None:
    qtbot.waitUntil(lambda: view.model().rowCount() >= 2)
    view.setFocus()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 1)).center())
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    assert len(view.selectionModel().selectedRows()) == 2


@pytest.fixture(autouse=True)
def empty_clipboard() -> None:
    QApplication.clipboard().setText("")


def test_ctrl_c_copies_the_selected_customers_as_tab_separated_rows(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2, C1: two selected customers → two lines, every column shown in order, tabs between."""
    page = show(qtbot, demo_window, "customers")
    view = page.findChild(QTableView, "customerTable")
    select_two_rows(qtbot, view)

    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)

    assert (
        QApplication.clipboard().text() == "\t".join(shown_row(view, 0)) + "\n" + "\t".join(shown_row(view, 1)) + "\n"
    )
    assert demo_window.statusBar().currentMessage() == "Rows copied to the clipboard: 2."


def test_ctrl_shift_c_puts_the_column_titles_first(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2: the titles line pastes as a spreadsheet's header row; a moved column stays where it is shown."""
    page = show(qtbot, demo_window, "customers")
    view = page.findChild(QTableView, "customerTable")
    view.horizontalHeader().moveSection(1, 0)  # Name before Number
    select_two_rows(qtbot, view)

    qtbot.keyClick(view, Qt.Key.Key_C, CTRL | SHIFT)

    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Name", "Number"]
    name, number = shown_row(view, 0)[1], shown_row(view, 0)[0]
    assert lines[1].split("\t")[:2] == [name, number]
    assert len(lines) == 3


def test_copy_on_other_pages_and_a_check_box_as_yes_or_no(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2, T2: the tenants' access table (its private-data column is a check box) and the outbox."""
    page = show(qtbot, demo_window, "tenants")
    access = page.findChild(QTableView, "accessTable")
    qtbot.waitUntil(lambda: access.model().rowCount() > 0)
    access.setFocus()
    access.selectRow(0)
    qtbot.keyClick(access, Qt.Key.Key_C, CTRL)
    cells = QApplication.clipboard().text().split("\t")
    assert cells[-1] in {"Yes", "No"}
    assert cells[0] == access.model().index(0, 0).data()

    page = show(qtbot, demo_window, "outbox")
    outbox = page.findChild(QTableView, "outboxTable")
    qtbot.waitUntil(lambda: outbox.model().rowCount() > 0)
    outbox.setFocus()
    outbox.setCurrentIndex(outbox.model().index(0, 0))
    qtbot.keyClick(outbox, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "\t".join(shown_row(outbox, 0))


def test_edit_menu_copies_from_the_list_with_the_focus_or_the_text_field(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2: Edit → Copy is the menu-bar way to the same command; in a text field it copies its text."""
    edit_actions = demo_window.edit_menu.actions()
    copy = demo_window.copy_commands.copy_action
    assert copy in edit_actions and demo_window.copy_commands.copy_titles_action in edit_actions
    assert copy.shortcut().toString() == "Ctrl+C"

    page = show(qtbot, demo_window, "customers")
    view = page.findChild(QTableView, "customerTable")
    select_two_rows(qtbot, view)
    copy.trigger()
    assert len(QApplication.clipboard().text().splitlines()) == 2

    search = page.search_field()
    search.setText("Brauerei")
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    search.selectAll()
    copy.trigger()
    assert QApplication.clipboard().text() == "Brauerei"
    # Ctrl+C in the field is still the field's own copy, not the list's.
    search.setSelection(0, 3)
    qtbot.keyClick(search, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "Bra"


def test_the_audit_log_keeps_its_own_copy(qtbot: QtBot, demo_window: MainWindow) -> None:
    """S3: Ctrl+C on the audit log copies the entry with its changes, as before."""
    page = show(qtbot, demo_window, "audit")
    table = page.findChild(QAbstractItemView, "auditTable")
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == page.entry_text(page.selected_entry())


def test_more_rows_than_the_limit_are_refused_with_a_hint(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E2, E3: Ctrl+A on 100,000 customers does not freeze the window on the clipboard; it says
    to export instead."""
    monkeypatch.setattr(copy_rows, "MAX_ROWS", 1)
    page = show(qtbot, demo_window, "customers")
    view = page.findChild(QTableView, "customerTable")
    select_two_rows(qtbot, view)

    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)

    assert QApplication.clipboard().text() == ""
    assert "Export" in demo_window.statusBar().currentMessage()
