"""The customer table's item model: windows of rows fetched on demand (SPEC C1, section 8).

The model knows the number of rows from one COUNT and fetches rows in windows of
:data:`WINDOW` as the view asks for them; sorting and searching happen in the database. Only a
bounded number of windows is kept, so scrolling through 100,000 customers keeps memory flat.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mandant_desktop.domain.errors import DatabaseUnavailableError
from mandant_desktop.services.customers import CustomerQuery, CustomerRow, SortKey
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

WINDOW = 200
MAX_WINDOWS = 40

#: the columns of SPEC C1, in order, with their sort keys
COLUMNS: tuple[tuple[SortKey, str], ...] = (
    (SortKey.NUMBER, QT_TRANSLATE_NOOP("CustomerTableModel", "Number")),
    (SortKey.NAME, QT_TRANSLATE_NOOP("CustomerTableModel", "Name")),
    (SortKey.SHORT_NAME, QT_TRANSLATE_NOOP("CustomerTableModel", "Short name")),
    (SortKey.REMOTE, QT_TRANSLATE_NOOP("CustomerTableModel", "Remote access")),
    (SortKey.QUOTA, QT_TRANSLATE_NOOP("CustomerTableModel", "Quota (MB)")),
    (SortKey.AGENCY, QT_TRANSLATE_NOOP("CustomerTableModel", "Default agency")),
    (SortKey.TENANT, QT_TRANSLATE_NOOP("CustomerTableModel", "Tenant")),
    (SortKey.CONTACT_PERSONS, QT_TRANSLATE_NOOP("CustomerTableModel", "Contact persons")),
    (SortKey.STATUS, QT_TRANSLATE_NOOP("CustomerTableModel", "Status")),
)

_AGENCY = QT_TRANSLATE_NOOP("CustomerTableModel", "Agency")
_YES = QT_TRANSLATE_NOOP("CustomerTableModel", "Yes")
_NO = QT_TRANSLATE_NOOP("CustomerTableModel", "No")
_ACTIVE = QT_TRANSLATE_NOOP("CustomerTableModel", "Active")
_DEACTIVATED = QT_TRANSLATE_NOOP("CustomerTableModel", "Deactivated")
_READ_ONLY = QT_TRANSLATE_NOOP("CustomerTableModel", "Read only: you have read-only access to this customer's tenant.")

#: the customer row itself, for actions on the selection
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        ROW_ROLE,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)

Counter = Callable[[CustomerQuery], int]
Loader = Callable[[CustomerQuery, int, int], list[CustomerRow]]


def _tr(text: str) -> str:
    return QApplication.translate("CustomerTableModel", text)


def remote_text(row: CustomerRow) -> str:
    if row.is_agency:
        return _tr(_AGENCY)
    return _tr(_YES) if row.remote_access else _tr(_NO)


def status_text(row: CustomerRow) -> str:
    return _tr(_ACTIVE) if row.active else _tr(_DEACTIVATED)


def _reraise(exc: BaseException) -> None:
    raise exc


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, counter: Counter, loader: Loader, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = counter
        self._load = loader
        self._query = CustomerQuery()
        self._rows = 0
        self._windows: OrderedDict[int, list[CustomerRow]] = OrderedDict()

    # ------------------------------------------------------------------ the query

    @property
    def query(self) -> CustomerQuery:
        return self._query

    def set_query(self, query: CustomerQuery) -> None:
        """Count and show the rows of ``query``; the first window is fetched at once. Synchronous:
        the page fetches the count and first window on a worker instead and calls :meth:`apply` (S5)."""
        rows = self._count(query)  # before the reset: a lost connection leaves the model as it was
        self.beginResetModel()
        self._query = query
        self._windows.clear()
        self._rows = rows
        if self._rows:
            self._window(0)
        self.endResetModel()

    def apply(self, query: CustomerQuery, rows: int, first: list[CustomerRow]) -> None:
        """Show a count and first window fetched on a worker (on the GUI thread). Later windows are fetched while
        scrolling, synchronously: short indexed queries (OFFSET/LIMIT on the sort key)."""
        self.beginResetModel()
        self._query = query
        self._windows.clear()
        self._rows = rows
        if rows:
            self._windows[0] = first
        self.endResetModel()

    def show_first(self, query: CustomerQuery, first: list[CustomerRow], total: int | None) -> None:
        """Show the first window of ``query`` before its COUNT is known (``total`` None): the table
        has the window's rows until :meth:`set_total` adds the others."""
        self.apply(query, len(first) if total is None else total, first)

    def set_total(self, query: CustomerQuery, total: int) -> None:
        """The COUNT of ``query`` has arrived: the rows after the first window appear (dropped
        when another query is shown by now)."""
        if query.search != self._query.search or total == self._rows:
            return
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()
        else:  # deleted elsewhere between the window and the count
            self.beginRemoveRows(QModelIndex(), total, self._rows - 1)
            self._rows = total
            self.endRemoveRows()

    def reload(self) -> None:
        self.set_query(self._query)

    def _window(self, number: int) -> list[CustomerRow]:
        window = self._windows.get(number)
        if window is None:
            try:
                window = self._load(self._query, number * WINDOW, WINDOW)
            except DatabaseUnavailableError as exc:
                # Called from data(): the banner says it (S5); the rows stay empty and are asked for
                # again on the next paint, which fails at once while the connection is known lost.
                run_action(None, _reraise, exc)
                return []
            self._windows[number] = window
            while len(self._windows) > MAX_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(number)
        return window

    def row_at(self, row: int) -> CustomerRow | None:
        if not 0 <= row < self._rows:
            return None
        window = self._window(row // WINDOW)
        offset = row % WINDOW
        # Rows deleted elsewhere since the count: the window is shorter than the count promised.
        return window[offset] if offset < len(window) else None

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

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
        # The view asks every visible cell for about seven roles per paint; answer the unused ones first.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if key is SortKey.CONTACT_PERSONS and row.contact_persons:
                return "\n".join(row.contact_persons)
            if not row.editable:
                return _tr(_READ_ONLY)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key is SortKey.QUOTA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.editable:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    @staticmethod
    def _display(row: CustomerRow, key: SortKey) -> str:
        if key is SortKey.NUMBER:
            return row.number
        if key is SortKey.NAME:
            return row.name
        if key is SortKey.SHORT_NAME:
            return row.short_name
        if key is SortKey.REMOTE:
            return remote_text(row)
        if key is SortKey.QUOTA:
            return "" if row.quota_mb is None else QLocale().toString(row.quota_mb)
        if key is SortKey.AGENCY:
            return row.default_agency or ""
        if key is SortKey.TENANT:
            return row.tenant
        if key is SortKey.CONTACT_PERSONS:
            return ", ".join(row.contact_persons)
        return status_text(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = CustomerQuery(self._query.search, COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            # A reset rather than a layout change: the selection would otherwise stay on row numbers
            # that now show other customers. The count does not change with the order.
            self.beginResetModel()
            self._query = query
            self._windows.clear()
            self.endResetModel()
