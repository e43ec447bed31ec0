"""The audit table's item model: pages after a keyset cursor, fetched as the view scrolls (SPEC S3).

The log may hold millions of entries. The model counts the filtered entries once, shows the first
page, and appends the next page (``fetchMore``) when the view scrolls to the end; each page is read
after the sort value and id of the last row already shown, which costs the same at any depth.
Sorting and filtering happen in the database; a new sort or filter starts again from the top.

Given a ``requester`` and a ``fetcher`` (the page passes them, S5), the model never reads on the GUI
thread: a header click asks the requester to load the new order's first page on a worker, and the
next page comes from the fetcher's worker while the rows shown so far stay usable. A sort by a
column without an index reads and sorts every entry the filters keep (0.1-0.2 s at 300,000 entries,
issue 8), which the GUI thread must not wait for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from mandant_desktop.services.audit import AuditQuery, AuditRow, AuditSort, Cursor
from mandant_desktop.ui import formats
from mandant_desktop.ui.audit.fields import entry_label, summary_text
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.object_names import object_name

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
#: loads a query's first page elsewhere and hands it to :meth:`AuditTableModel.apply` (a sort)
Requester = Callable[[AuditQuery], None]
#: reads the page after a cursor elsewhere and calls back with its rows, or None when it failed
Fetcher = Callable[[AuditQuery, Cursor, Callable[[list[AuditRow] | None], None]], None]


def column_of(sort: AuditSort) -> int:
    return next(column for column, (key, _title) in enumerate(COLUMNS) if key is sort)


def column_title(column: int) -> str:
    return _tr(COLUMNS[column][1])


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(at: dt.datetime) -> str:
    """UTC as stored, shown in the workstation's local time with seconds."""
    return formats.date_time_text(at, seconds=True)


def action_text(action: str) -> str:
    source = ACTIONS.get(action)
    return _tr(source) if source is not None else action


def object_type_text(object_type: str) -> str:
    """The kind of object in the column, the filter and the export: "Org unit", not "OrgUnit"."""
    return object_name(object_type, title=True)


class AuditTableModel(QAbstractTableModel):
    def __init__(
        self,
        counter: Counter,
        loader: Loader,
        parent: Any = None,
        *,
        requester: Requester | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        super().__init__(parent)
        self._count = counter
        self._load = loader
        self._request = requester
        self._fetch = fetcher
        #: raised by every reset: a page fetched for the rows before it is dropped
        self._generation = 0
        self._query = AuditQuery()
        self._rows: list[AuditRow] = []
        self.total = 0
        self._exhausted = True
        self._fetching = False
        #: while a new order's first page is on its way: the order of the rows shown (and whether
        #: more of them could be fetched), to go back to when that page does not come
        self._shown_order: tuple[AuditSort, bool, bool] | None = None

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
        self._generation += 1
        self._fetching = False
        self._shown_order = None
        self._query = query
        self.total = total
        self._rows = rows
        self._exhausted = len(rows) < PAGE
        self.endResetModel()

    def set_order(self, sort: AuditSort, descending: bool) -> None:
        """The order of the next :meth:`set_query` (the remembered header sort), without loading."""
        self._query = replace(self._query, sort=sort, descending=descending)

    @property
    def sorting(self) -> bool:
        """True while a new order is asked for and the rows shown are still in the old one."""
        return self._shown_order is not None

    def sort_failed(self) -> int:
        """The new order's first page did not come (a lost connection): the query takes the order
        of the rows shown again, and scrolling fetches more of them. Returns the column of that
        order, for the header's indicator (-1 when no new order was asked for)."""
        if self._shown_order is None:
            return -1
        sort, descending, exhausted = self._shown_order
        self._shown_order = None
        self._query = replace(self._query, sort=sort, descending=descending)
        self._exhausted = exhausted
        return column_of(sort)

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
        # A view may ask again while the rows are being inserted or fetched; that call must wait.
        self._fetching = True
        last = self._rows[-1]
        after = Cursor(last.sort_value(self._query.sort), last.id)
        if self._fetch is not None:
            generation = self._generation
            self._fetch(self._query, after, lambda more: self._fetched(generation, more))
            return
        try:
            self._append(self._load(self._query, after, PAGE))
        finally:
            self._fetching = False

    @property
    def fetching(self) -> bool:
        """True while the next page is on its way."""
        return self._fetching

    def _fetched(self, generation: int, more: list[AuditRow] | None) -> None:
        if generation != self._generation or not self._fetching:
            return  # a reset came first (a new filter or sort), or the page arrived already
        self._fetching = False
        if more is not None:
            self._append(more)

    def _append(self, more: list[AuditRow]) -> None:
        self._exhausted = len(more) < PAGE
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

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
            return entry_label(row)
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
        if self._request is not None:
            if self._shown_order is None:
                self._shown_order = (self._query.sort, self._query.descending, self._exhausted)
            self.set_order(key, descending)  # a filter changed before the answer keeps this order
            # The rows shown are in the old order: no page follows them until the new order's first.
            self._generation += 1
            self._fetching = False
            self._exhausted = True
            self._request(self._query)
            return
        self.set_query(replace(self._query, sort=key, descending=descending))
