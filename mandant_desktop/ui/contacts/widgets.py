"""Small helpers the tabs of the contacts page share: tables, buttons, selection, the action runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTableView, QWidget

from mandant_desktop.ui.contacts.models import RowsModel
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.page_parts import row_table


def table(name: str, model: RowsModel[Any], widths: tuple[int, ...] = ()) -> QTableView:
    view = row_table(name, model)
    view.horizontalHeader().setStretchLastSection(True)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
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


def current_row(view: QTableView, model: RowsModel[Any]) -> Any:
    index = view.currentIndex()
    return model.row(index.row()) if index.isValid() and view.selectionModel().isRowSelected(index.row()) else None


def run_ok(parent: QWidget, fn: Callable[..., object], *args: object) -> bool:
    """``run_action`` for a service that returns nothing: True when it went through."""

    def call() -> bool:
        fn(*args)
        return True

    return run_action(parent, call) is True
