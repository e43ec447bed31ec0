"""Table models of the contacts page: rows from the services, shown block by block.

The services hand out rows already filtered (hidden tenants are absent) and masked (personal fields
without *private data* read "•••"); the models only show them. Read-only rows are drawn in the
disabled text colour and say so in their tooltip (T8).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from mandant_desktop.domain.tenant_access import MASK
from mandant_desktop.services.contacts import ContactRow, ContactWindow, RoleRow
from mandant_desktop.services.lists import ListRow, TemplateRow
from mandant_desktop.ui import formats
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.row_windows import RowWindows

AnyIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
FETCH_BLOCK = 500
#: windows of contacts kept while scrolling (each of ``CONTACT_WINDOW`` rows); older ones are read again
MAX_CONTACT_WINDOWS = 50
CONTEXT = "ContactsPage"


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # English source, marked with QT_TRANSLATE_NOOP("ContactsPage", …)
    value: Callable[[R], Any]


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows with an ``editable`` attribute, fetched into the view in blocks."""

    columns: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._loaded = 0

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._loaded = min(FETCH_BLOCK, len(rows))
        self.endResetModel()

    def rows(self) -> list[R]:
        return self._rows

    def row(self, index: int) -> R | None:
        return self._rows[index] if 0 <= index < self._loaded else None

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, key: object) -> int:
        for number, row in enumerate(self._rows):
            if getattr(row, "key", None) == key:
                while self._loaded <= number and self.canFetchMore():
                    self.fetchMore()
                return number
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(FETCH_BLOCK, len(self._rows) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        editable = bool(getattr(row, "editable", True))
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()].value(row)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and not editable:
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and not editable:
            return QCoreApplication.translate("ContactsPage", "Read only: you may not change data of this tenant")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate(CONTEXT, self.columns[section].header)
        return None


class ContactsModel(RowsModel[ContactRow]):
    """The contacts list: the first window and the count come from a worker (:meth:`show_window`),
    the other windows are read from the database when the view first paints one of their rows (a
    short query sorted and limited by the database, section 8). When the service hands out every
    row at once (contacts in several databases, or :meth:`set_rows`) they are shown from memory."""

    columns = (
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "Name"), lambda r: r.name),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "Type"), lambda r: r.contact_type),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "Tenant"), lambda r: _tenant(r)),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "E-mail"), lambda r: r.email),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "Phone"), lambda r: r.phone),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "City"), lambda r: r.city),
        Column[ContactRow](QT_TRANSLATE_NOOP("ContactsPage", "Birthday"), lambda r: _date(r.birthday)),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = 0
        #: None: every row is in ``_rows``; else the windows read so far
        self._windows: RowWindows[ContactRow] | None = None

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._windows = None
        self._count = self._loaded = len(rows)
        self.endResetModel()

    def show_window(self, first: ContactWindow, size: int, read: Callable[[int, int], list[ContactRow]]) -> None:
        """Show a search whose first window of ``size`` rows (and count) was read on a worker;
        ``read(offset, limit)`` reads any other window when the view needs it (on the GUI thread)."""
        if first.complete:
            self.set_rows(first.rows)
            return
        windows: RowWindows[ContactRow] = RowWindows(
            lambda number: read(number * size, size), size, MAX_CONTACT_WINDOWS
        )
        windows.put(0, first.rows)
        self.beginResetModel()
        self._rows = []
        self._windows = windows
        self._count = self._loaded = max(first.total, len(first.rows))
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row(index.row())
            if row is not None and row.main:
                # C10, T6: whose contact it is, and where it lives; read-only said after it.
                said = QCoreApplication.translate(
                    "ContactsPage",
                    "Contact of the customer {customer}: kept with the customer in the main database, "
                    "not in the separate tenant's own one",
                ).format(customer=row.customer)
                read_only = super().data(index, role)
                return f"{said}\n{read_only}" if read_only else said
        return super().data(index, role)

    def row(self, index: int) -> ContactRow | None:
        if not 0 <= index < self._count:
            return None
        if self._windows is None:
            return self._rows[index]
        return self._windows.row(index)  # None: gone since the count (a shorter window)

    def peek(self, index: int) -> ContactRow | None:
        """Row ``index`` when it has been read, else None (nothing is read for it): what the actions
        look at, so that a selection of every row does not read every window."""
        if self._windows is None or not 0 <= index < self._count:
            return self.row(index)
        return self._windows.row(index) if index // self._windows.size in self._windows else None

    def total(self) -> int:
        return self._count

    def row_of(self, key: object) -> int:
        """The row of ``key`` among the rows read so far (-1: not among them)."""
        if self._windows is None:
            return super().row_of(key)
        for number, rows in self._windows.held():
            for offset, row in enumerate(rows):
                if row.key == key:
                    return number * self._windows.size + offset
        return -1

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return False  # every row is counted; a window is read when it is painted


class RolesModel(RowsModel[RoleRow]):
    columns = (
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Organisation"), lambda r: r.organisation),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Function"), lambda r: r.function),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Tenant"), lambda r: r.tenant),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "E-mail"), lambda r: r.email),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Phone"), lambda r: r.phone),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "City"), lambda r: r.city),
    )


class MembersModel(RowsModel[RoleRow]):
    columns = (
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Name"), lambda r: r.contact_name),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Organisation"), lambda r: r.organisation),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Function"), lambda r: r.function),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Tenant"), lambda r: r.tenant),
        Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "E-mail"), lambda r: r.email),
    )


def _tenant(row: ContactRow) -> str:
    """The tenant, and for a separate tenant's customer's contact its customer (C10, T6): two rows
    with the same name and tenant may be the tenant's own contact and its customer's."""
    if not row.main:
        return row.tenant
    text = QCoreApplication.translate("ContactsPage", "{tenant} (customer {customer})")
    return text.format(tenant=row.tenant, customer=row.customer)


def _date(value: str | None) -> str | None:
    """An ISO date as the user reads it; the mask stays the mask."""
    if not value or value == MASK:
        return value
    return formats.date_text(QDate.fromString(value, Qt.DateFormat.ISODate))


def _members(row: ListRow) -> str:
    if not row.hidden_members:
        return str(row.members)
    hidden = QCoreApplication.translate("ContactsPage", "{count} hidden").format(count=row.hidden_members)
    return f"{row.members} (+ {hidden})"


class ListsModel(RowsModel[ListRow]):
    columns = (
        Column[ListRow](QT_TRANSLATE_NOOP("ContactsPage", "Name"), lambda r: r.name),
        Column[ListRow](QT_TRANSLATE_NOOP("ContactsPage", "Tenant"), lambda r: r.tenant),
        Column[ListRow](QT_TRANSLATE_NOOP("ContactsPage", "Members"), _members),
        Column[ListRow](QT_TRANSLATE_NOOP("ContactsPage", "Description"), lambda r: r.description),
    )


class TemplatesModel(RowsModel[TemplateRow]):
    columns = (
        Column[TemplateRow](QT_TRANSLATE_NOOP("ContactsPage", "Name"), lambda r: r.name),
        Column[TemplateRow](QT_TRANSLATE_NOOP("ContactsPage", "Tenant"), lambda r: r.tenant),
        Column[TemplateRow](QT_TRANSLATE_NOOP("ContactsPage", "Subject"), lambda r: r.subject),
    )


class PickerModel(RowsModel[RoleRow]):
    """Person-roles with a check box each: the members chosen in the list dialog."""

    columns = (Column[RoleRow](QT_TRANSLATE_NOOP("ContactsPage", "Person-role"), lambda r: _role_label(r)),)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.chosen: set[tuple[int, int]] = set()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.key in self.chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if row.editable else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole or not row.editable:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen.add(row.key)
        else:
            self.chosen.discard(row.key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _role_label(row: RoleRow) -> str:
    parts = [row.contact_name, row.organisation]
    if row.function:
        parts.append(row.function)
    return f"{' · '.join(parts)} ({row.tenant})"
