"""A header view that measures its titles once per content, for the large grids (issue 8).

QHeaderView's size hint measures the first and last 100 section titles (a model call for each of
four roles and a text layout per title) and keeps the answer only until its own cache is
dropped, which a table's layout does more than once while a page opens: twice for each header of
the role-assignment grid, about 10 ms each time on this machine. The answer depends only on
what the titles are, the font and the style, so :class:`CachedHeaderView` keeps it until one of
those changes: the model is reset or set anew, its header data, sections or layout change, the
sort indicator changes, or a font or style change arrives. Sections are never hidden in the views
that use it (hiding one would not be noticed).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


class CachedHeaderView(QHeaderView):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._size_hint: QSize | None = None
        self.sortIndicatorChanged.connect(self.forget_size_hint)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        self.forget_size_hint()
        if model is not None:
            for signal in (
                model.modelAboutToBeReset,
                model.modelReset,
                model.headerDataChanged,
                model.columnsInserted,
                model.columnsRemoved,
                model.rowsInserted,
                model.rowsRemoved,
                model.layoutChanged,
            ):
                signal.connect(self.forget_size_hint)
        super().setModel(model)

    def forget_size_hint(self, *_args: object) -> None:
        self._size_hint = None

    def setSortIndicatorShown(self, show: bool) -> None:
        self.forget_size_hint()
        super().setSortIndicatorShown(show)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.forget_size_hint()
        super().changeEvent(event)

    def measure(self) -> QSize:
        """The size hint as measured (QHeaderView's own); a subclass may add to it."""
        return super().sizeHint()

    def sizeHint(self) -> QSize:
        if self._size_hint is None:
            self._size_hint = self.measure()
        return QSize(self._size_hint)


def cached_header(orientation: Qt.Orientation, table: QTableView) -> CachedHeaderView:
    """A cached header for ``table``, set up as QTableView sets up its own (clickable, highlighting
    the sections of the selection)."""
    header = CachedHeaderView(orientation, table)
    header.setSectionsClickable(True)
    header.setHighlightSections(True)
    return header


def use_cached_headers(table: QTableView) -> None:
    """Give ``table`` cached headers in place of its own, before it is set up further."""
    table.setHorizontalHeader(cached_header(Qt.Orientation.Horizontal, table))
    table.setVerticalHeader(cached_header(Qt.Orientation.Vertical, table))
