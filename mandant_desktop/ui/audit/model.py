"""The audit table's item model: pages after a keyset cursor, fetched as the view scrolls (SPEC S3).

The log may hold millions of entries. The model counts the filtered entries once, shows the first
page, and appends the next page (``fetchMore``) when the view scrolls to the end; each page is read
after the sort value and id of the last row already shown, which costs the same at any depth.
Sorting and filtering happen in the database; a new sort or filter starts again from the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from mandant_desktop.services.audit import AuditQuery, AuditRow, AuditSort, Cursor
from mandant_desktop.ui import formats
from mandant_desktop.ui.audit.fields import summary_text
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.object_names import OBJECTS_CONTEXT

CONTEXT = "AuditTableModel"
PAGE = 200

#: the columns in order, with the sort they stand for (None: not sortable)
COLUMNS: tuple[tuple[AuditSort | None, str], ...] = (
    (AuditSort.TIME, QT_TRANSLATE_NOOP("AuditTableModel", "Time")),
    (AuditSort.OPERATOR, QT_TRANSLATE_NOOP("AuditTableModel", "Operator")),
    (AuditSort.WORKSTATION, QT_TRANSLATE_NOOP("AuditTableModel", "Workstation")),
    (None, QT_TRANSLATE_NOOP("AuditTableModel", "Tenant")),
    (AuditSort.OBJECT_TYPE, QT_TRANSLATE_NOOP("AuditTableModel", "Object type")),
    (AuditSort.OBJECT, QT_TRANSLATE_NOOP("AuditTableModel", "Object")),
    (AuditSort.ACTION, QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
)
TENANT_COLUMN = 3

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditTableModel", "created"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "deleted"),
}

#: the entry itself, for the detail pane
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Counter = Callable[[AuditQuery], int]
Loader = Callable[[AuditQuery, Cursor | None, int], list[AuditRow]]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(at: dt.datetime) -> str:
    """UTC as stored, shown in the workstation's local time with seconds."""
    return formats.date_time_text(at, seconds=True)


def action_text(action: str) -> str:
    source = ACTIONS.get(action)
    return _tr(source) if source is not None else action


def object_type_text(object_type: str) -> str:
    return QCoreApplication.translate(OBJECTS_CONTEXT, object_type)


class AuditTableModel(QAbstractTableModel):
    def __init__(self, counter: Counter, loader: Loader, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = counter
        self._load = loader
        self._query = AuditQuery()
        self._rows: list[AuditRow] = []
        self.total = 0
        self._exhausted = True
        self._fetching = False

    @property
    def query(self) -> AuditQuery:
        return self._query

    def set_query(self, query: AuditQuery) -> None:
        """Count the entries of ``query`` and show its first page."""
        # The database is asked before the reset starts: a view must not see a reset in flight while
        # the rows are read (it could ask for more of the old rows in between).
        total = self._count(query)
        self.apply(query, total, self._load(query, None, PAGE) if total else [])

    def apply(self, query: AuditQuery, total: int, rows: list[AuditRow]) -> None:
        """Show a count and first page fetched on a worker (the page does so, S5). Further pages
        are fetched synchronously while scrolling: short keyset queries on an indexed order."""
        self.beginResetModel()
        self._query = query
        self.total = total
        self._rows = rows
        self._exhausted = len(rows) < PAGE
        self.endResetModel()

    def set_order(self, sort: AuditSort, descending: bool) -> None:
        """The order of the next :meth:`set_query` (the remembered header sort), without loading."""
        self._query = replace(self._query, sort=sort, descending=descending)

    def reload(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ------------------------------------------------------------------ lazy fetching

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self._rows or self._fetching:
            return
        # A view may ask again while the rows are being inserted; that second call must wait.
        self._fetching = True
        try:
            last = self._rows[-1]
            more = self._load(self._query, Cursor(last.sort_value(self._query.sort), last.id), PAGE)
            self._exhausted = len(more) < PAGE
            if more:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
                self._rows.extend(more)
                self.endInsertRows()
        finally:
            self._fetching = False

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return row.at.strftime("%Y-%m-%d %H:%M:%S UTC")
            if row.summary:
                return summary_text(row.summary)
            return None
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _display(row: AuditRow, column: int) -> str:
        if column == 0:
            return local_time(row.at)
        if column == 1:
            return row.operator_name
        if column == 2:
            return row.workstation
        if column == TENANT_COLUMN:
            return row.tenant or ""
        if column == 4:
            return object_type_text(row.object_type)
        if column == 5:
            return summary_text(row.object_label)
        return action_text(row.action)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][0]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))
