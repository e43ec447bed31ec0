"""Item models of the tenants page: the tenant tree and the three views of one :class:`AccessState`.

The user-based views fetch their rows in blocks (``canFetchMore``/``fetchMore``): 10,000 users
are one list of ids in memory, their rows are read window by window as they are shown
(:class:`~mandant_desktop.ui.tenants.access_state.UserList`), and the view creates rows as it
scrolls. The matrix is a plain
virtual table: two million cells are two lookups each when painted, never a widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from mandant_desktop.domain.search_folding import matches, search_words
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.services.tenants import TenantKind, TenantRow
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.tenants.access_state import AccessState, level_text

AnyIndex = QModelIndex | QPersistentModelIndex
#: the access level of a cell (a :class:`Level`), for the delegate
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1
#: True when the cell holds an unsaved edit
EDITED_ROLE = Qt.ItemDataRole.UserRole + 2
#: the id behind a row (tenant or user)
ID_ROLE = Qt.ItemDataRole.UserRole + 3
#: the roles as plain ints: data() runs for every painted cell and role, and comparing with a
#: member of Qt's enum (an attribute lookup on the enum class) costs 20 times the comparison
_ACCESSIBLE_TEXT_ROLE = int(Qt.ItemDataRole.AccessibleTextRole)
_CHECK_STATE_ROLE = int(Qt.ItemDataRole.CheckStateRole)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
_FONT_ROLE = int(Qt.ItemDataRole.FontRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_TOOL_TIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_HORIZONTAL = Qt.Orientation.Horizontal
#: the roles the models below answer at all. A view asks every painted cell for seven roles (font,
#: alignment, foreground, check state, decoration, display, background) and a model's data() is a
#: call from Qt's C++ into Python each time: a role no cell answers is turned away before any
#: lookup (issue 8: a paint of the by-tenant table made 600 such calls, four sevenths of them for
#: font, alignment, decoration and background)
_TREE_ROLES = frozenset({_DISPLAY_ROLE, int(ID_ROLE), _FONT_ROLE, _TOOL_TIP_ROLE})
_CELL_ROLES = frozenset(
    {
        int(ID_ROLE),
        _DISPLAY_ROLE,
        _FOREGROUND_ROLE,
        int(EDITED_ROLE),
        _CHECK_STATE_ROLE,
        _TOOL_TIP_ROLE,
        _ACCESSIBLE_TEXT_ROLE,
        int(LEVEL_ROLE),
        _EDIT_ROLE,
    }
)
#: what an access cell answers besides ID_ROLE: the private-data box, the level
_PRIVATE_ROLES = frozenset({int(EDITED_ROLE), _CHECK_STATE_ROLE, _TOOL_TIP_ROLE})
_LEVEL_ROLES = frozenset({int(EDITED_ROLE), _DISPLAY_ROLE, _ACCESSIBLE_TEXT_ROLE, int(LEVEL_ROLE), _EDIT_ROLE})
FETCH_BLOCK = 500
#: up to this many changed cells are repainted one by one; more repaint the whole view
MAX_SINGLE_UPDATES = 256


class TenantTreeModel(QAbstractItemModel):
    """The visible tenants as a tree (T1, T5); a tenant whose parent is hidden is a root."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, TenantRow] = {}
        self._children: dict[int | None, list[int]] = {}
        self._row_in_parent: dict[int, int] = {}
        #: tenant id → its visible parent's id (None: a root); the view asks parent() for every row it lays out
        self._parent_of: dict[int, int | None] = {}

    def set_tenants(self, tenants: list[TenantRow]) -> None:
        self.beginResetModel()
        self._rows = {t.id: t for t in tenants}
        self._children = {}
        for tenant in tenants:  # already in name order
            parent = tenant.parent_id if tenant.parent_id in self._rows else None
            self._children.setdefault(parent, []).append(tenant.id)
        self._row_in_parent = {tid: row for ids in self._children.values() for row, tid in enumerate(ids)}
        self._parent_of = {tid: parent for parent, ids in self._children.items() for tid in ids}
        self.endResetModel()

    def tenant(self, index: AnyIndex) -> TenantRow | None:
        if not index.isValid():
            return None
        return self._rows.get(index.internalId())

    def tenants(self) -> list[TenantRow]:
        return list(self._rows.values())

    def index_of(self, tenant_id: int) -> QModelIndex:
        if tenant_id not in self._rows:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[tenant_id], 0, tenant_id)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else None
        children = self._children.get(key, [])
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._parent_of.get(index.internalId())
        return QModelIndex() if parent is None else self.createIndex(self._row_in_parent[parent], 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        key = parent.internalId() if parent.isValid() else None
        return len(self._children.get(key, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TREE_ROLES:
            return None
        tenant = self.tenant(index)
        if tenant is None:
            return None
        if role == _DISPLAY_ROLE:
            return tenant.name
        if role == ID_ROLE:
            return tenant.id
        if role == _FONT_ROLE and not tenant.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == _TOOL_TIP_ROLE:
            parts = [level_text(tenant.level)]
            if tenant.kind is TenantKind.SEPARATE:
                parts.append(QCoreApplication.translate("TenantsPage", "Separate tenant with its own database"))
            if not tenant.active:
                parts.append(QCoreApplication.translate("TenantsPage", "Deactivated"))
            return " · ".join(parts)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY_ROLE and section == 0 and orientation == _HORIZONTAL:
            return QCoreApplication.translate("TenantsPage", "Tenant")
        return None


class _UserRows(QAbstractTableModel):
    """Rows over the state's users that match the search, created block by block as the view scrolls.

    A view over every tenant (``NEEDS_ALL``) has no rows until every tenant's cells are loaded."""

    NEEDS_ALL = False

    def __init__(self, state: AccessState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        #: the folded words of the search (:mod:`mandant_desktop.domain.search_folding`)
        self._words: tuple[str, ...] = ()
        self._matching: list[int] = []  # indices into state.users (and its ids)
        #: user id → row, built when first asked for: a rebuild with 10,000 users need not pay it
        self._rows_by_user: dict[int, int] | None = None
        self._loaded = 0
        #: the rows are shown: NEEDS_ALL is false or every tenant's cells are loaded
        self._shown = False
        self._tenant_count = 0
        state.reloaded.connect(self._rebuild)
        state.cells_changed.connect(self._cells_changed)
        state.cells_loaded.connect(self._cells_loaded)
        self._rebuild()

    def set_search(self, text: str) -> None:
        self._words = search_words(text)
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._shown = not self.NEEDS_ALL or self.state.complete
        #: the tenants a view over all of them has as columns: none until their cells are there
        self._tenant_count = len(self.state.tenants) if self._shown else 0
        users = self.state.users if self._shown else []
        if self._words and self._shown:
            words = self._words
            self._matching = [i for i, key in enumerate(self.state.users.search_keys()) if matches(words, key)]
        else:
            self._matching = list(range(len(users)))
        self._rows_by_user = None
        self._loaded = min(FETCH_BLOCK, len(self._matching))
        self.endResetModel()

    def _cells_changed(self) -> None:
        cells = self.state.last_changed
        if cells is None or len(cells) > MAX_SINGLE_UPDATES:
            self._all_changed()
            return
        for tenant_id, user_id in cells:
            row = self._row_by_user().get(user_id, -1)
            if 0 <= row < self._loaded:
                first, last = self._columns_of(tenant_id)
                if first >= 0:
                    self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def _cells_loaded(self) -> None:
        if self.NEEDS_ALL:
            if self._shown != self.state.complete:
                self._rebuild()
        else:
            self._all_changed()

    def _columns_of(self, tenant_id: int) -> tuple[int, int]:
        """The columns that show ``tenant_id``'s cell; (-1, -1) when none does."""
        return (0, self.columnCount() - 1)

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _row_by_user(self) -> dict[int, int]:
        if self._rows_by_user is None:
            ids = self.state.users.ids
            self._rows_by_user = {ids[i]: row for row, i in enumerate(self._matching)}
        return self._rows_by_user

    def matching(self) -> int:
        return len(self._matching)

    def user_id(self, row: int) -> int:
        return self.state.user_id_at(self._matching[row])

    def row_of(self, user_id: int) -> int:
        row = self._row_by_user().get(user_id, -1)
        if row >= self._loaded:
            self.fetch_to(row)
        return row

    def fetch_to(self, row: int) -> None:
        while self._loaded <= row and self.canFetchMore():
            self.fetchMore()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._matching)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(FETCH_BLOCK, len(self._matching) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()


def _cell_data(state: AccessState, tenant_id: int, user_id: int, private_column: bool, role: int) -> Any:
    if role not in (_PRIVATE_ROLES if private_column else _LEVEL_ROLES):
        return None
    access = state.get(tenant_id, user_id)
    if role == EDITED_ROLE:
        return state.is_edited(tenant_id, user_id)
    if private_column:
        if role == _CHECK_STATE_ROLE:
            return Qt.CheckState.Checked if access.private else Qt.CheckState.Unchecked
        if role == _TOOL_TIP_ROLE:
            return QCoreApplication.translate(
                "TenantsPage", "May see e-mail, phone, address and birthday of contacts in this tenant"
            )
        return None
    if role in (_DISPLAY_ROLE, _ACCESSIBLE_TEXT_ROLE):
        return level_text(access.level)
    if role in (LEVEL_ROLE, _EDIT_ROLE):
        return access.level
    return None


def _info(state: AccessState, tenant_id: int, user_id: int) -> tuple[Level, bool, bool]:
    return (state.get(tenant_id, user_id).level, state.is_edited(tenant_id, user_id), state.editable(tenant_id))


#: the flags a cell can have, combined once: the view asks for every painted cell's flags, and
#: combining Qt's enum flags in Python costs more than the lookup of the tenant
_READ_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _READ_FLAGS | Qt.ItemFlag.ItemIsEditable
_CHECK_FLAGS = _READ_FLAGS | Qt.ItemFlag.ItemIsUserCheckable


def _cell_flags(state: AccessState, tenant_id: int, user_id: int, private_column: bool) -> Qt.ItemFlag:
    if not state.editable(tenant_id):
        return _READ_FLAGS
    if private_column:
        return _CHECK_FLAGS if state.get(tenant_id, user_id).level is not Level.HIDDEN else _READ_FLAGS
    return _EDIT_FLAGS


def _set_cell(state: AccessState, tenant_id: int, user_id: int, private_column: bool, value: Any, role: int) -> bool:
    if private_column and role == _CHECK_STATE_ROLE:
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        return state.set_private([(tenant_id, user_id)], checked) > 0
    if not private_column and role == _EDIT_ROLE:
        try:
            level = Level(value)
        except ValueError:
            return False
        return state.set_level([(tenant_id, user_id)], level) > 0
    return False


class ByTenantModel(_UserRows):
    """T2: every user with their access to one tenant and the private-data box."""

    NAME, USERNAME, EMAIL, ACCESS, PRIVATE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("TenantsPage", "Name"),
        QT_TRANSLATE_NOOP("TenantsPage", "User name"),
        QT_TRANSLATE_NOOP("TenantsPage", "E-mail"),
        QT_TRANSLATE_NOOP("TenantsPage", "Access"),
        QT_TRANSLATE_NOOP("TenantsPage", "Private data"),
    )

    def __init__(self, state: AccessState, parent: Any = None) -> None:
        self.tenant_id: int | None = None
        super().__init__(state, parent)

    def set_tenant(self, tenant_id: int | None) -> None:
        self.tenant_id = tenant_id
        self._all_changed()

    def _columns_of(self, tenant_id: int) -> tuple[int, int]:
        return (self.ACCESS, self.PRIVATE) if tenant_id == self.tenant_id else (-1, -1)

    def _showing(self) -> bool:
        """A tenant is chosen and its cells are loaded: the access columns have something to show."""
        return self.tenant_id is not None and self.state.loaded(self.tenant_id)

    def cell_info(self, row: int, column: int) -> tuple[Level, bool, bool] | None:
        """(level, edited, editable) of an access cell, for the delegate: one call per painted cell."""
        if column != self.ACCESS or self.tenant_id is None or not 0 <= row < self._loaded or not self._showing():
            return None
        user_id = self.state.user_id_at(self._matching[row])
        return _info(self.state, self.tenant_id, user_id)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _CELL_ROLES or not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        position = self._matching[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return self.state.user_id_at(position)
        if column < self.ACCESS:  # name, user name, e-mail
            if role != _DISPLAY_ROLE and role != _FOREGROUND_ROLE:
                return None
            user = self.state.users[position]  # the row read with its window, when first shown
            if role == _DISPLAY_ROLE:
                return (user.name, user.username, user.email or "")[column]
            return self._inactive_brush() if not user.active else None
        if self.tenant_id is None or not self._showing():
            return None
        return _cell_data(self.state, self.tenant_id, self.state.user_id_at(position), column == self.PRIVATE, role)

    @staticmethod
    def _inactive_brush() -> Any:
        from PySide6.QtGui import QGuiApplication, QPalette

        return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = index.column()
        if column < self.ACCESS or self.tenant_id is None:
            return _READ_FLAGS
        return _cell_flags(self.state, self.tenant_id, self.user_id(index.row()), column == self.PRIVATE)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.tenant_id is None or index.column() < self.ACCESS:
            return False
        return _set_cell(
            self.state, self.tenant_id, self.user_id(index.row()), index.column() == self.PRIVATE, value, role
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY_ROLE and 0 <= section < len(self.HEADERS) and orientation == _HORIZONTAL:
            return QCoreApplication.translate("TenantsPage", self.HEADERS[section])
        return None


class ByUserModel(QAbstractTableModel):
    """T3: one user, every visible tenant."""

    TENANT, ACCESS, PRIVATE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("TenantsPage", "Tenant"),
        QT_TRANSLATE_NOOP("TenantsPage", "Access"),
        QT_TRANSLATE_NOOP("TenantsPage", "Private data"),
    )

    def __init__(self, state: AccessState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.user_id: int | None = None
        state.reloaded.connect(self._reset)
        state.cells_changed.connect(self._cells_changed)
        state.cells_loaded.connect(self._cells_loaded)
        #: every tenant's cells are loaded (the view shows every tenant); no rows until then
        self._shown = state.complete

    def _cells_loaded(self) -> None:
        if self._shown != self.state.complete:
            self._reset()

    def set_user(self, user_id: int | None) -> None:
        self.beginResetModel()
        self.user_id = user_id
        self.endResetModel()

    def tenant_id(self, row: int) -> int:
        return self.state.tenants[row].id

    def _reset(self) -> None:
        self.beginResetModel()
        self._shown = self.state.complete
        if self.user_id is not None and not self.state.has_user(self.user_id):
            self.user_id = None
        self.endResetModel()

    def _cells_changed(self) -> None:
        cells = self.state.last_changed
        if cells is not None and len(cells) <= MAX_SINGLE_UPDATES:
            for tenant_id, user_id in cells:
                row = self.state.position(tenant_id)
                if user_id == self.user_id and row >= 0:
                    self.dataChanged.emit(self.index(row, self.ACCESS), self.index(row, self.PRIVATE))
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def cell_info(self, row: int, column: int) -> tuple[Level, bool, bool] | None:
        if column != self.ACCESS or self.user_id is None or not 0 <= row < self.rowCount():
            return None
        return _info(self.state, self.state.tenants[row].id, self.user_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.user_id is None or not self._shown else len(self.state.tenants)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _CELL_ROLES or not index.isValid() or self.user_id is None:
            return None
        if not 0 <= index.row() < self.rowCount():
            return None
        tenant = self.state.tenants[index.row()]
        if role == ID_ROLE:
            return tenant.id
        if index.column() == self.TENANT:
            return tenant.name if role == _DISPLAY_ROLE else None
        return _cell_data(self.state, tenant.id, self.user_id, index.column() == self.PRIVATE, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.TENANT or self.user_id is None:
            return _READ_FLAGS
        return _cell_flags(self.state, self.tenant_id(index.row()), self.user_id, index.column() == self.PRIVATE)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.user_id is None or index.column() == self.TENANT:
            return False
        return _set_cell(
            self.state, self.tenant_id(index.row()), self.user_id, index.column() == self.PRIVATE, value, role
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY_ROLE and 0 <= section < len(self.HEADERS) and orientation == _HORIZONTAL:
            return QCoreApplication.translate("TenantsPage", self.HEADERS[section])
        return None


class MatrixModel(_UserRows):
    """T3: users down, tenants across; a delegate paints each cell's level (no widget per cell)."""

    NEEDS_ALL = True

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._tenant_count

    def tenant_id(self, column: int) -> int:
        return self.state.tenants[column].id

    def _columns_of(self, tenant_id: int) -> tuple[int, int]:
        column = self.state.position(tenant_id)
        return (column, column)

    def cell_info(self, row: int, column: int) -> tuple[Level, bool, bool] | None:
        if not 0 <= row < self._loaded or not 0 <= column < self._tenant_count:
            return None
        return _info(self.state, self.state.tenants[column].id, self.state.user_id_at(self._matching[row]))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _CELL_ROLES or not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        if not 0 <= index.column() < self._tenant_count:
            return None
        user_id = self.user_id(index.row())
        tenant_id = self.tenant_id(index.column())
        if role == _TOOL_TIP_ROLE:
            user, tenant = self.state.user(user_id), self.state.tenant(tenant_id)
            access = self.state.get(tenant_id, user_id)
            private = QCoreApplication.translate("TenantsPage", "with private data") if access.private else ""
            who = f"{user.name if user else ''} · {tenant.name if tenant else ''}"
            return f"{who}: {level_text(access.level)} {private}".strip()
        return _cell_data(self.state, tenant_id, user_id, False, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # A matrix cell's flags depend on its tenant only (the level column has no check box).
        return _EDIT_FLAGS if self.state.editable(self.state.tenants[index.column()].id) else _READ_FLAGS

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        return _set_cell(self.state, self.tenant_id(index.column()), self.user_id(index.row()), False, value, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (_DISPLAY_ROLE, _TOOL_TIP_ROLE):
            return None
        if orientation == _HORIZONTAL:
            if 0 <= section < self._tenant_count:
                return self.state.tenants[section].name
            return None
        if 0 <= section < self._loaded:
            return self.state.users[self._matching[section]].name
        return None


class UserListModel(_UserRows):
    """The users of the by-user view, searchable, fetched in blocks; there once every tenant's
    cells are (a chosen user's row shows them all)."""

    NEEDS_ALL = True

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def _cells_changed(self) -> None:
        """Names do not change with access edits."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded or index.column() != 0:
            return None
        user = self.state.users[self._matching[index.row()]]
        if role == _DISPLAY_ROLE:
            return user.name
        if role == _TOOL_TIP_ROLE:
            return f"{user.username} · {user.email or ''}".strip(" ·")
        if role == ID_ROLE:
            return user.id
        return None
