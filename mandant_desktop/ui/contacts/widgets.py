"""Small helpers the tabs of the contacts page share: tables, buttons, selection, the action runner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QTableView, QWidget

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.ui import tasks
from mandant_desktop.ui.contacts.models import RowsModel
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.loading_note import LoadingNote
from mandant_desktop.ui.mnemonics import give_mnemonics
from mandant_desktop.ui.page_parts import row_table, set_column_widths


def table(name: str, model: RowsModel[Any], widths: tuple[int, ...] = ()) -> QTableView:
    view = row_table(name, model)
    view.horizontalHeader().setStretchLastSection(True)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    set_column_widths(view.horizontalHeader(), widths)
    return view


def exec_edit_dialog(dialog: QDialog) -> tuple[Any, int | None] | None:
    """Run the edit dialog of a tenant-scoped object (list, template): ``(tenant id, saved id)`` when
    it was accepted, else None. The dialog is deleted afterwards either way."""
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = (dialog.tenant.currentData(), dialog.saved_id)  # type: ignore[attr-defined]
    finally:
        dialog.deleteLater()
    return result if accepted else None


def button(name: str, slot: Callable[[], object]) -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def select_key(view: QTableView, model: RowsModel[Any], key: object) -> None:
    row = model.row_of(key) if key is not None else -1
    if row < 0 and model.rowCount() > 0:
        row = 0
    if row >= 0:
        view.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )


def new_and_delete_actions(
    tab: QWidget, view: QTableView, on_new: Callable[[], object], on_delete: Callable[[], object]
) -> tuple[QAction, QAction]:
    """The tab's keyboard actions: New (Ctrl+N) anywhere in the tab, Delete (Del) on its table."""
    new_action = QAction(tab)
    new_action.setShortcut(QKeySequence.StandardKey.New)
    new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    new_action.triggered.connect(lambda _checked=False: on_new())
    delete_action = QAction(tab)
    delete_action.setShortcut(QKeySequence.StandardKey.Delete)
    delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    delete_action.triggered.connect(lambda _checked=False: on_delete())
    tab.addAction(new_action)
    view.addAction(delete_action)
    return new_action, delete_action


def open_keys(view: QTableView, on_open: Callable[[], object]) -> QAction:
    """Enter and F2 on ``view`` open its current row, as a double click does (E2)."""
    action = QAction(view)
    action.setObjectName("openRowAction")
    action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter), QKeySequence(Qt.Key.Key_F2)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: on_open())
    view.addAction(action)
    return action


#: an entry of a table's context menu: the button it stands for and the key shown beside it;
#: None is a separator
MenuEntry = tuple[QPushButton, QKeySequence | None] | None


def button_menu(view: QTableView, entries: Callable[[], Sequence[MenuEntry]]) -> None:
    """Right click and the Menu key on ``view``: a menu of the tab's buttons, as enabled as they
    are, with their keys beside them. A row under the pointer that is not selected becomes the
    current one first, as in a file manager (the buttons then follow it)."""

    def show(pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isRowSelected(index.row()):
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        menu = QMenu(view)
        menu.setObjectName(f"{view.objectName()}Menu")
        for entry in entries():
            if entry is None:
                menu.addSeparator()
                continue
            widget, key = entry
            action = menu.addAction(widget.icon(), widget.text())
            action.setEnabled(widget.isEnabled())
            if key is not None:
                action.setShortcut(key)  # shown only: the menu is the widget, and it takes no keys but its own
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, w=widget: w.click())
        # E2: the buttons show no accelerators (the page's Alt letters are few); the menu's entries get theirs.
        give_mnemonics(menu)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(view.viewport().mapToGlobal(pos))

    view.customContextMenuRequested.connect(show)


def not_loaded_text(error: DomainError) -> str:
    """What a table's loading note says when its rows could not be read."""
    return message_for(error) + "\n\n" + QCoreApplication.translate("ContactsPage", "Press F5 to try again.")


def reload_rows(
    loader: tasks.Latest[Any],
    note: LoadingNote,
    view: QTableView,
    model: RowsModel[Any],
    keep: object,
    fn: Callable[..., Any],
    *args: object,
    loading: str,
    then: Callable[[], None],
) -> bool:
    """Load a tab's rows with ``fn(*args)`` on a worker (S5), then select ``keep`` (or the row
    selected before) and call ``then``. The table keeps its rows until the answer is there; while
    it has none, ``note`` says ``loading``, and a refusal is said there too."""
    current = current_row(view, model)
    wanted = keep if keep is not None else (current.key if current else None)

    def done(rows: list[Any]) -> None:
        note.hide()
        model.set_rows(rows)
        select_key(view, model, wanted)
        then()

    loader.run(fn, *args, on_done=done, on_error=lambda error: note.show_text(not_loaded_text(error)), shows_error=True)
    if model.rowCount() == 0:
        note.show_text(loading)
    return True


def current_row(view: QTableView, model: RowsModel[Any]) -> Any:
    index = view.currentIndex()
    return model.row(index.row()) if index.isValid() and view.selectionModel().isRowSelected(index.row()) else None


def run_ok(parent: QWidget, fn: Callable[..., object], *args: object) -> bool:
    """``run_action`` for a service that returns nothing: True when it went through."""

    def call() -> bool:
        fn(*args)
        return True

    return run_action(parent, call) is True
