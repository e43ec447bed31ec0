"""A layout that puts its items side by side and wraps onto further lines where the width ends.

Rows of buttons and filters that are laid out in one line at the usual window sizes would make the
whole main window as wide as the longest German row needs (1,235 px once, SPEC E5: a 1,024-pixel
screen must hold the window). In a :class:`FlowLayout` a row asks for no more width than its
widest item and takes a second line when narrow, so nothing is clipped and nothing widens the
window. Items that grow (fields) share a line's spare width, as in a QHBoxLayout; where none
grows, the items from :meth:`FlowLayout.align_right_from` on sit at the right edge while everything
fits on one line, as after a QHBoxLayout's stretch. An item that must stay with its label goes in
as one widget (:func:`group`).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QStyle, QWidget


def group(*widgets: QWidget, spacing: int = -1) -> QWidget:
    """``widgets`` side by side as one item of a flow (a label and its field wrap together)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    if spacing >= 0:
        row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return holder


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line where the width ends (Qt's flow layout
    example); each line's items share its middle."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1, line_spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._right_from: int | None = None
        #: heightForWidth by width, until the layout is invalidated: layouts above ask for the
        #: same widths many times while a page is laid out (a QStackedLayout asks every page), and
        #: each answer arranged every item in Python (issue 8: about a tenth of the assignment
        #: page's first paint on the GUI thread)
        self._heights: dict[int, int] = {}
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def align_right_from(self, index: int) -> None:
        """The items from ``index`` on go to the right edge while all fit on one line."""
        self._right_from = index
        self.invalidate()

    def _gap(self, wanted: int, metric: QStyle.PixelMetric) -> int:
        if wanted >= 0:
            return wanted
        parent = self.parentWidget()
        if parent is None:
            return 6
        return max(parent.style().pixelMetric(metric, None, parent), 6)

    def horizontal_spacing(self) -> int:
        return self._gap(self._spacing, QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def vertical_spacing(self) -> int:
        return self._gap(self._line_spacing, QStyle.PixelMetric.PM_LayoutVerticalSpacing)

    def invalidate(self) -> None:
        """Qt calls this whenever an item's size hint or visibility, the spacing or the style
        changes: the remembered heights are forgotten with its own caches."""
        self._heights.clear()
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        if any(item.expandingDirections() & Qt.Orientation.Horizontal for item in self._items):
            return Qt.Orientation.Horizontal
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self.horizontal_spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: the rest goes onto further lines."""
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap, line_gap = self.horizontal_spacing(), self.vertical_spacing()
        lines: list[list[tuple[QLayoutItem, int, QSize]]] = [[]]
        x = area.x()
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            hint = item.sizeHint().expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), max(area.width(), item.minimumSize().width())))
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, index, hint))
            x += hint.width() + gap
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(hint.height() for _item, _index, hint in line)
            used = sum(hint.width() for _i, _n, hint in line) + gap * (len(line) - 1)
            spare = max(area.width() - used, 0)
            # The spare width of a line goes to its items that grow (fields), as in a QHBoxLayout;
            # where none grows, the items after align_right_from's index move to the right edge.
            growing = [index for item, index, _hint in line if item.expandingDirections() & Qt.Orientation.Horizontal]
            shift = spare if not growing and len(lines) == 1 and self._right_from is not None else 0
            if move:
                x = area.x()
                for item, index, hint in line:
                    if self._right_from is not None and index >= self._right_from and shift:
                        x += shift
                        shift = 0
                    width = hint.width()
                    if index in growing:
                        width += spare // len(growing)
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, hint.height())))
                    x += width + gap
            y += height + line_gap
        return y - line_gap - rect.y() + margins.bottom() if any(lines) else margins.top() + margins.bottom()
