"""A small read-only table of texts: the audit page's changed fields and the import dialog's
rows (errors by row and column, or what would be added). Replaced whole on every change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

#: a cell's tooltip shows this many characters at most: the audit log's list of the units an
#: inherited role reached can run to 100,000, which a tooltip would spread over the whole screen
TOOLTIP_CHARS = 1_000


class TextTableModel(QAbstractTableModel):
    """``top``: cells align to the top, so that a short cell beside one of many lines is seen."""

    def __init__(
        self, headers: Callable[[], Sequence[str]], parent: QObject | None = None, *, top: bool = False
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, ...]] = []
        self._alignment = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) if top else None

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        width = len(self._headers())
        self._rows = [tuple(row[:width]) + ("",) * (width - len(row)) for row in rows]
        self.endResetModel()

    def retranslate(self) -> None:
        """The header texts changed (language switch, another kind of list)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._headers()) - 1))

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self._headers()
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(headers)
        ):
            return headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._rows[index.row()][index.column()]
            return text if len(text) <= TOOLTIP_CHARS else text[: TOOLTIP_CHARS - 1] + "…"
        if role == Qt.ItemDataRole.TextAlignmentRole and self._alignment is not None:
            return self._alignment
        return None
