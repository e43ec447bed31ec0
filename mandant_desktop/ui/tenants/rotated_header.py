"""A horizontal header whose section titles run upwards, for the narrow columns of a matrix.

The tenants × users matrix has up to 200 tenant columns, each only as wide as a level chip; a
title written across would show three letters. Written upwards it shows the whole tenant name
(up to a height limit; longer names are elided and stay complete in the tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QWidget

from mandant_desktop.ui.cached_header import CachedHeaderView

#: the tallest the header may grow, in pixels at 1× scale
MAX_HEIGHT = 160
_PADDING = 8


class RotatedHeaderView(CachedHeaderView):
    """Its size hint (the widest title decides the height) is measured once per model content:
    layouts ask for it often (:class:`~mandant_desktop.ui.cached_header.CachedHeaderView`)."""

    def __init__(self, parent: QWidget | None = None, max_height: int = MAX_HEIGHT) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._max_height = max_height
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def _longest_title(self) -> int:
        model = self.model()
        if model is None:
            return 0
        metrics = self.fontMetrics()
        titles = (model.headerData(column, self.orientation()) for column in range(model.columnCount()))
        return max((metrics.horizontalAdvance(str(title)) for title in titles if title), default=0)

    def measure(self) -> QSize:
        size = super().measure()
        size.setHeight(max(size.height(), min(self._max_height, self._longest_title() + 2 * _PADDING)))
        return size

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        # Imported when the matrix is painted, not when the page is built: PySide creates a
        # class's enum classes when it is first imported, and the start shows another view (issue 8).
        from PySide6.QtWidgets import QStyleOptionHeader

        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical_index
        option.text = ""
        selection = self.selectionModel()
        if (
            self.highlightSections()
            and selection is not None
            and selection.columnIntersectsSelection(logical_index, self.rootIndex())
        ):
            option.state |= QStyle.StateFlag.State_On
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        model = self.model()
        title = model.headerData(logical_index, self.orientation()) if model is not None else None
        if title:
            metrics = self.fontMetrics()
            text = metrics.elidedText(str(title), Qt.TextElideMode.ElideRight, rect.height() - 2 * _PADDING)
            # Baseline runs upwards from the bottom, centred in the section's width.
            painter.translate(
                rect.left() + (rect.width() + metrics.ascent() - metrics.descent()) / 2, rect.bottom() - _PADDING
            )
            painter.rotate(-90)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(0, 0, text)
        painter.restore()
