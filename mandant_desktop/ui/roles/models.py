"""Item models of the roles page: the role list and the permission catalogue with tick boxes (SPEC R1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mandant_desktop.domain.permissions import ADMIN_PERMISSIONS, Area
from mandant_desktop.domain.search_folding import fold, matches, search_words
from mandant_desktop.services.roles import RoleSummary
from mandant_desktop.ui.permission_names import area_name, permission_description, permission_name

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
ROLE_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


class RoleListModel(QAbstractListModel):
    """The roles, newest first, as the service lists them; with a search (:meth:`set_search`) only
    those whose name holds the words of the text or that grant a permission whose name holds them
    (E2, R1; folded as every search of the program folds, :mod:`mandant_desktop.domain.search_folding`).

    The search runs over the model's own index (each role's name folded once, its permission codes),
    not through a proxy: a few dozen roles, and the same answer however the list was sorted.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RoleSummary] = []
        #: role id → the codes of its permissions, for the search by permission
        self._codes: dict[int, frozenset[str]] = {}
        #: the folded words of the search (:mod:`mandant_desktop.domain.search_folding`)
        self._words: tuple[str, ...] = ()
        #: the permission codes whose name holds the search's words
        self._matching_codes: frozenset[str] = frozenset()
        self._roles: list[RoleSummary] = []

    def set_roles(
        self, roles: list[RoleSummary], codes: dict[int, frozenset[str]] | None = None, *, keep: int | None = None
    ) -> None:
        """The roles, and (when given) the permission codes of each; the search stays. ``keep``: a
        role shown even if it no longer matches (the one whose permission was just unticked)."""
        self.beginResetModel()
        self._all = list(roles)
        if codes is not None:
            self._codes = dict(codes)
        self._roles = self._matching(keep)
        self.endResetModel()

    def set_search(self, text: str, matching_codes: frozenset[str]) -> None:
        """Show the roles whose name holds every word of ``text`` (folded, in any order: "strasse"
        finds "Straße") or that grant one of ``matching_codes``; all of them for an empty text."""
        words = search_words(text)
        if (words, matching_codes) == (self._words, self._matching_codes):
            return
        self.beginResetModel()
        self._words, self._matching_codes = words, matching_codes
        self._roles = self._matching()
        self.endResetModel()

    @property
    def searching(self) -> bool:
        return bool(self._words)

    def total(self) -> int:
        """How many roles there are, shown or not."""
        return len(self._all)

    def _matching(self, keep: int | None = None) -> list[RoleSummary]:
        if not self._words:
            return list(self._all)
        words, codes, none = self._words, self._matching_codes, frozenset[str]()
        return [
            role
            for role in self._all
            if role.id == keep
            or matches(words, fold(role.name))
            or not self._codes.get(role.id, none).isdisjoint(codes)
        ]

    def role_at(self, row: int) -> RoleSummary | None:
        return self._roles[row] if 0 <= row < len(self._roles) else None

    def row_of(self, role_id: int) -> int:
        """The role's row, -1 when the search hides it (or there is no such role)."""
        return next((i for i, r in enumerate(self._roles) if r.id == role_id), -1)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._roles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.role_at(index.row()) if index.isValid() else None
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.name
        if role == ROLE_ROLE:
            return summary
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self.tr("%Ln permission(s)", None, summary.permission_count)
            kind = self.tr("Predefined role") if summary.predefined_key else self.tr("Own role")
            return f"{kind} · {count}"
        if role == Qt.ItemDataRole.FontRole and summary.predefined_key:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class PermissionTreeModel(QAbstractItemModel):
    """Areas with their permissions; a tick saves through ``save(code, granted)`` at once.

    Internal ids: 0 for an area row, area row + 1 for a permission row (its parent's row + 1).
    """

    def __init__(self, save: Callable[[str, bool], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._save = save
        self._areas: list[tuple[Area, list[str]]] = []
        for permission in ADMIN_PERMISSIONS:
            if not self._areas or self._areas[-1][0] != permission.area:
                self._areas.append((permission.area, []))
            self._areas[-1][1].append(permission.code)
        self._granted: frozenset[str] = frozenset()
        self._editable = False
        #: permissions the page's search found by name: shown in bold, so one sees why a role was found
        self._marked: frozenset[str] = frozenset()

    def set_state(self, granted: frozenset[str], editable: bool) -> None:
        self.beginResetModel()
        self._granted = granted
        self._editable = editable
        self.endResetModel()

    def set_marked(self, codes: frozenset[str]) -> None:
        if codes == self._marked:
            return
        self._marked = codes
        for area_row, (_area, permission_codes) in enumerate(self._areas):
            area = self.index(area_row, 0)
            self.dataChanged.emit(
                self.index(0, 0, area), self.index(len(permission_codes) - 1, 0, area), [Qt.ItemDataRole.FontRole]
            )

    @property
    def granted(self) -> frozenset[str]:
        return self._granted

    def index_of(self, code: str) -> QModelIndex:
        for area_row, (_area, codes) in enumerate(self._areas):
            if code in codes:
                return self.index(codes.index(code), 0, self.index(area_row, 0))
        return QModelIndex()

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._areas) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        codes = self._areas[parent.row()][1]
        return self.createIndex(row, 0, parent.row() + 1) if row < len(codes) else QModelIndex()

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._areas)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._areas[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def _code(self, index: Index) -> str | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._areas[int(index.internalId()) - 1][1][index.row()]

    # ------------------------------------------------------------------ data

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Permission")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._code(index) is not None and self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        code = self._code(index)
        if code is None:
            area, codes = self._areas[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                held = sum(1 for c in codes if c in self._granted)
                return f"{area_name(area.value)} ({held}/{len(codes)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return permission_name(code)
        if role == Qt.ItemDataRole.FontRole and code in self._marked:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return permission_description(code)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if code in self._granted else Qt.CheckState.Unchecked
        if role == CODE_ROLE:
            return code
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        code = self._code(index)
        if code is None or role != Qt.ItemDataRole.CheckStateRole or not self._editable:
            return False
        granted = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if granted == (code in self._granted):
            return False
        if not self._save(code, granted):
            return False
        self._granted = self._granted | {code} if granted else self._granted - {code}
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        parent = self.parent(index)
        self.dataChanged.emit(parent, parent, [Qt.ItemDataRole.DisplayRole])
        return True
