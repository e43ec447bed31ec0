"""The item model of the page navigation on the left of the main window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mandant_desktop.ui import icons
from mandant_desktop.ui.page import PageKind

#: the page ID of a row (``tenants``, ``org-units`` …)
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
#: the roles data() answers, as plain ints: a painted or measured row is asked for seven roles,
#: each a call from Qt's C++ into Python, and the others are turned away first (issue 8)
_TITLE_ROLES = frozenset(
    {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.AccessibleTextRole)}
)
_DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
_ROLES = _TITLE_ROLES | {_DECORATION_ROLE, PAGE_ID_ROLE}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class NavigationModel(QAbstractListModel):
    """One row per page the operator may use: translated title, icon, page ID."""

    def __init__(self, pages: Sequence[PageKind] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: list[PageKind] = list(pages)

    def set_pages(self, pages: Sequence[PageKind]) -> None:
        self.beginResetModel()
        self._pages = list(pages)
        self.endResetModel()

    def page_ids(self) -> list[str]:
        return [page.page_id for page in self._pages]

    def row_of(self, page_id: str) -> int:
        """The row of ``page_id``; -1 when the operator has no such page."""
        return next((row for row, page in enumerate(self._pages) if page.page_id == page_id), -1)

    def page_at(self, row: int) -> PageKind | None:
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:
            return None
        page = self.page_at(index.row()) if index.isValid() and not index.parent().isValid() else None
        if page is None or index.column() != 0:
            return None
        if role in _TITLE_ROLES:
            return page.title()
        if role == _DECORATION_ROLE:
            return icons.icon(page.icon_name)
        if role == PAGE_ID_ROLE:
            return page.page_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def retranslate(self) -> None:
        """The titles changed language (or the icons their colours): repaint every row."""
        if self._pages:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._pages) - 1, 0))
