"""A cell whose text is cut off ("Geschäftsstelle Freiburg im B…") shows it whole in its tooltip.

Qt shows a cell's tooltip only when the model gives one, and most of ours do not; a long tenant,
customer or contact name in a narrow column could then only be read by widening the column. The
filter here answers a viewport's tooltip event: when the cell's text does not fit its cell, the
tooltip is the whole text, above what the model says of the cell (a read-only note, for example).
Cells that fit keep Qt's behaviour. Installed on every item view of a page when it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QToolTip, QWidget

from mandant_desktop.ui.viewports import viewport_of

FILTER_NAME = "cellTipFilter"


class ElidedCellTips(QObject):
    """The event filter on one view's viewport."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.setObjectName(FILTER_NAME)
        self._view = view
        viewport_of(view).installEventFilter(self)

    def tip_at(self, index_pos: object) -> str | None:
        """The tooltip for the cell at a viewport position, or None to leave it to Qt."""
        view = self._view
        index = view.indexAt(index_pos)  # type: ignore[arg-type]
        if not index.isValid():
            return None
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or str(text) == "":
            return None
        text = str(text)
        if view.sizeHintForIndex(index).width() <= view.visualRect(index).width():
            return None
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        if own is None or str(own) == "":
            return text
        own = str(own)
        return own if text in own else f"{text}\n{own}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self._view.viewport())
                return True
        return False


def install_cell_tips(root: QWidget) -> int:
    """Give every item view under ``root`` the tooltip of cut-off cells, once; how many got it."""
    added = 0
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or view.findChild(ElidedCellTips, FILTER_NAME) is not None:
            continue
        ElidedCellTips(view)
        added += 1
    return added
