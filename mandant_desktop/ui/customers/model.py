"""The customer table's item model: windows of rows fetched on demand (SPEC C1, section 8).

The model knows the number of rows from one COUNT and fetches rows in windows of
:data:`WINDOW` as the view asks for them; sorting and searching happen in the database. Only a
bounded number of windows is kept, so scrolling through 100,000 customers keeps memory flat.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mandant_desktop.services.customers import CustomerQuery, CustomerRow, SortKey
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.row_windows import RowWindows

#: rows per window: the first window of a search fills a tall screen (about 100 rows), and a
#: smaller one is cheaper to fetch, to build and to show (issue 8)
WINDOW = 100
MAX_WINDOWS = 80

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
# The roles as plain numbers: the view asks every painted cell for seven roles, and reading a
# member of Qt's enums costs about as much as the rest of the answer.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ROW = int(ROW_ROLE)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _ROW, _TOOLTIP, _ALIGNMENT, _FONT, _FOREGROUND})
_QUOTA_COLUMN = next(i for i, (key, _title) in enumerate(COLUMNS) if key is SortKey.QUOTA)
_PERSONS_COLUMN = next(i for i, (key, _title) in enumerate(COLUMNS) if key is SortKey.CONTACT_PERSONS)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

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


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, counter: Counter, loader: Loader, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = counter
        self._load = loader
        self._query = CustomerQuery()
        self._rows = 0
        self._windows: RowWindows[CustomerRow] = RowWindows(
            lambda number: self._load(self._query, number * WINDOW, WINDOW), WINDOW, MAX_WINDOWS, self._dropped
        )
        #: the texts of each row's cells, made when the row is first painted (row number → texts)
        self._texts: dict[int, tuple[str, ...]] = {}

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
        self._forget()
        self._rows = rows
        if self._rows:
            self._windows.window(0)
        self.endResetModel()

    def apply(self, query: CustomerQuery, rows: int, first: list[CustomerRow]) -> None:
        """Show a count and first window fetched on a worker (on the GUI thread). Later windows are fetched while
        scrolling, synchronously: short indexed queries (OFFSET/LIMIT on the sort key)."""
        self.beginResetModel()
        self._query = query
        self._forget()
        self._rows = rows
        if rows:
            self._windows.put(0, first)
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

    def _forget(self) -> None:
        self._windows.clear()
        self._texts.clear()

    def _dropped(self, number: int) -> None:
        for row in range(number * WINDOW, (number + 1) * WINDOW):
            self._texts.pop(row, None)

    def retranslate(self) -> None:
        """The language (and with it the texts and number format) changed: the cells are made anew."""
        self._texts.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))

    def reload(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> CustomerRow | None:
        if not 0 <= row < self._rows:
            return None
        # Rows deleted elsewhere since the count: the window is shorter than the count promised.
        return self._windows.row(row)

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
        number = index.row()
        if role == _DISPLAY:
            texts = self._texts.get(number)
            if texts is None:
                row = self.row_at(number)
                if row is None:
                    return None
                texts = self._texts[number] = self._display(row)
            return texts[index.column()]
        row = self.row_at(number)
        if row is None:
            return None
        if role == _ROW:
            return row
        if role == _TOOLTIP:
            if index.column() == _PERSONS_COLUMN and row.contact_persons:
                return "\n".join(row.contact_persons)
            if not row.editable:
                return _tr(_READ_ONLY)
            return None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == _QUOTA_COLUMN else None
        if role == _FONT:
            if row.active:
                return None
            font = QFont()
            font.setItalic(True)
            return font
        if not row.editable:  # the foreground
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    @staticmethod
    def _display(row: CustomerRow) -> tuple[str, ...]:
        """The texts of a row's cells, in the order of :data:`COLUMNS`."""
        return (
            row.number,
            row.name,
            row.short_name,
            remote_text(row),
            "" if row.quota_mb is None else QLocale().toString(row.quota_mb),
            row.default_agency or "",
            row.tenant,
            ", ".join(row.contact_persons),
            status_text(row),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = CustomerQuery(self._query.search, COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            # A reset rather than a layout change: the selection would otherwise stay on row numbers
            # that now show other customers. The count does not change with the order.
            self.beginResetModel()
            self._query = query
            self._forget()
            self.endResetModel()
