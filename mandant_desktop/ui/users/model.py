"""The users table: pages fetched on demand, sorted and filtered by the database (SPEC U1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from mandant_desktop.services.users import DisplayStatus, UserFilter, UserKind, UserRow, UserSort
from mandant_desktop.ui import theme
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

PAGE_SIZE = 200
#: the data role that carries the UserRow of a row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
#: Qt's default parent argument, made once
NO_PARENT = QModelIndex()
#: (search, filter, sort, descending, offset, limit) → rows
Fetch = Callable[[str, UserFilter, UserSort, bool, int, int], list[UserRow]]

COLUMNS: tuple[tuple[str, UserSort | None], ...] = (
    (QT_TRANSLATE_NOOP("UserTableModel", "Name"), UserSort.NAME),
    (QT_TRANSLATE_NOOP("UserTableModel", "User name"), UserSort.USERNAME),
    (QT_TRANSLATE_NOOP("UserTableModel", "E-mail"), UserSort.EMAIL),
    (QT_TRANSLATE_NOOP("UserTableModel", "Kind"), UserSort.KIND),
    (QT_TRANSLATE_NOOP("UserTableModel", "Status"), UserSort.STATUS),
    (QT_TRANSLATE_NOOP("UserTableModel", "Groups"), None),
    (QT_TRANSLATE_NOOP("UserTableModel", "Tenants"), None),
)
NAME, USERNAME, EMAIL, KIND, STATUS, GROUPS, TENANTS = range(len(COLUMNS))

STATUS_TEXTS = {
    DisplayStatus.PENDING: QT_TRANSLATE_NOOP("UserTableModel", "Pending activation"),
    DisplayStatus.EXPIRED: QT_TRANSLATE_NOOP("UserTableModel", "Activation link expired"),
    DisplayStatus.ACTIVE: QT_TRANSLATE_NOOP("UserTableModel", "Active"),
    DisplayStatus.DEACTIVATED: QT_TRANSLATE_NOOP("UserTableModel", "Deactivated"),
}
KIND_TEXTS = {
    UserKind.INTERNAL: QT_TRANSLATE_NOOP("UserTableModel", "Internal"),
    UserKind.EXTERNAL: QT_TRANSLATE_NOOP("UserTableModel", "External"),
}


class UserTableModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[UserRow] = []
        self._more = False
        #: nothing is read before the page's first :meth:`reload`: building the view calls
        #: :meth:`sort` up to three times (sorting switched on, the default indicator, the
        #: remembered one), and each would read the first page again
        self._loaded = False
        self.search = ""
        self.filter = UserFilter.ALL
        self.sort_key = UserSort.NAME
        self.descending = False

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._fetch(self.search, self.filter, self.sort_key, self.descending, 0, PAGE_SIZE)
        self._more = len(self._rows) == PAGE_SIZE
        self._loaded = True
        self.endResetModel()

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._fetch(self.search, self.filter, self.sort_key, self.descending, len(self._rows), PAGE_SIZE)
        self._more = len(rows) == PAGE_SIZE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (self._loaded and (key, descending) == (self.sort_key, self.descending)):
            return  # QTableView.sortByColumn() sorts twice: once itself, once for the header's indicator
        self.sort_key = key
        self.descending = descending
        if self._loaded:
            self.reload()

    def row_at(self, row: int) -> UserRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, user_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == user_id), -1)

    # ------------------------------------------------------------------ the model

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NAME and not row.can_log_in:
                return self.tr("Cannot log in: this user holds no role in any org unit.")
            if column in (GROUPS, TENANTS):
                return self._text(row, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and not row.can_log_in:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == DisplayStatus.DEACTIVATED:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and row.status == DisplayStatus.EXPIRED:
            return QColor(theme.error_text_colour())
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NAME:
            text = row.display_name
            return text if row.can_log_in else f"{text} ({self.tr('cannot log in')})"
        return None

    def _text(self, row: UserRow, column: int) -> str:
        if column == NAME:
            return row.display_name
        if column == USERNAME:
            return row.username
        if column == EMAIL:
            return row.email or ""
        if column == KIND:
            kind = self.tr(KIND_TEXTS[row.kind])
            return f"{kind} (SSO)" if row.sso else kind
        if column == STATUS:
            return self.tr(STATUS_TEXTS[row.status])
        if column == GROUPS:
            return ", ".join(row.groups)
        if column == TENANTS:
            return ", ".join(row.tenants)
        return ""
