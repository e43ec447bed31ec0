"""The table of whole rows (``page_parts.row_table``): rows appended at the end repaint only what
shows them (issue 8: the customer table repainted every cell on screen when a search's count added
the rows below its first window). What the screen shows is compared, pixel for pixel, with a table
that had all the rows from the start."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from mandant_desktop.ui.page_parts import RowTable, row_table

Index = QModelIndex | QPersistentModelIndex


class Rows(QAbstractTableModel):
    """``count`` rows of three columns whose texts name their cell."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return f"row {index.row()} column {index.column()}"
        return None

    def append(self, rows: int) -> None:
        self.beginInsertRows(QModelIndex(), self.count, self.count + rows - 1)
        self.count += rows
        self.endInsertRows()

    def remove_last(self, rows: int) -> None:
        self.beginRemoveRows(QModelIndex(), self.count - rows, self.count - 1)
        self.count -= rows
        self.endRemoveRows()

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


class Paints(QObject):
    """The regions a widget painted since the last :meth:`clear`."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())  # type: ignore[attr-defined]
        return False

    def clear(self) -> None:
        self.regions.clear()


@pytest.fixture
def made(qtbot: QtBot) -> Iterator[list[QTableView]]:
    views: list[QTableView] = []
    yield views
    for view in views:
        view.close()
        view.deleteLater()


def shown(
    made: list[QTableView], qtbot: QtBot, rows: int, mode: QAbstractItemView.ScrollMode
) -> tuple[QTableView, Rows]:
    model = Rows(rows)
    view = row_table("testTable", model)
    view.setParent(None)
    model.setParent(view)
    view.setVerticalScrollMode(mode)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus frame: the tables compared look alike
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    QTest.qWait(30)  # the first paint and Qt's delayed layout are done
    made.append(view)
    return view, model


def on_screen(view: QTableView) -> QImage:
    """The viewport as the screen shows it (the window's backing store), not painted anew."""
    viewport = view.viewport()
    at = viewport.mapTo(view.window(), QPoint(0, 0))
    window = view.window().winId()
    return view.screen().grabWindow(window, at.x(), at.y(), viewport.width(), viewport.height()).toImage()


def as_if_fresh(made: list[QTableView], qtbot: QtBot, view: QTableView, rows: int) -> QImage:
    """What a table that had ``rows`` rows from the start shows at ``view``'s scroll position."""
    other, _model = shown(made, qtbot, rows, view.verticalScrollMode())
    other.verticalScrollBar().setValue(view.verticalScrollBar().value())
    QTest.qWait(30)
    return on_screen(other)


def watch(view: QTableView) -> Paints:
    paints = Paints()
    paints.setParent(view)
    view.viewport().installEventFilter(paints)
    return paints


MODES = [QAbstractItemView.ScrollMode.ScrollPerItem, QAbstractItemView.ScrollMode.ScrollPerPixel]


@pytest.mark.parametrize("mode", MODES, ids=["per-item", "per-pixel"])
def test_rows_appended_below_the_screen_repaint_nothing(
    made: list[QTableView], qtbot: QtBot, mode: QAbstractItemView.ScrollMode
) -> None:
    """C1, issue 8: the rows a search's count adds below the first window paint nothing; the
    scroll bar reaches them and the screen is what a table with every row shows."""
    view, model = shown(made, qtbot, 40, mode)
    assert isinstance(view, RowTable)
    bar = view.verticalScrollBar()
    maximum = bar.maximum()
    paints = watch(view)
    model.append(500)
    QTest.qWait(50)
    assert paints.regions == []
    assert bar.maximum() > maximum
    assert on_screen(view) == as_if_fresh(made, qtbot, view, 540)
    view.scrollToBottom()
    QTest.qWait(30)
    assert view.rowAt(view.viewport().height() - 2) == 539
    assert on_screen(view) == as_if_fresh(made, qtbot, view, 540)


@pytest.mark.parametrize("mode", MODES, ids=["per-item", "per-pixel"])
def test_rows_appended_at_the_end_of_a_table_scrolled_to_its_end(
    made: list[QTableView], qtbot: QtBot, mode: QAbstractItemView.ScrollMode
) -> None:
    """Issue 8: scrolled to the last row (a table scrolled per item then shows it at the bottom
    edge, and moves when rows follow), the appended rows show as in a table that had them."""
    view, model = shown(made, qtbot, 40, mode)
    view.scrollToBottom()
    QTest.qWait(30)
    model.append(60)
    QTest.qWait(50)
    assert on_screen(view) == as_if_fresh(made, qtbot, view, 100)


def test_rows_appended_on_screen_paint_only_from_the_first_new_row(made: list[QTableView], qtbot: QtBot) -> None:
    """Issue 8: a table with room below its rows paints the new rows, not the ones above them."""
    view, model = shown(made, qtbot, 3, QAbstractItemView.ScrollMode.ScrollPerItem)
    paints = watch(view)
    model.append(4)
    QTest.qWait(50)
    assert paints.regions, "the new rows are on screen"
    top = view.rowViewportPosition(3)
    assert all(region.top() >= top for region in paints.regions)
    assert on_screen(view) == as_if_fresh(made, qtbot, view, 7)


def test_other_changes_repaint_as_qt_does(made: list[QTableView], qtbot: QtBot) -> None:
    """Rows removed, a reset, or rows appended together with another change: the whole viewport
    is laid out and repainted as Qt does it."""
    view, model = shown(made, qtbot, 40, QAbstractItemView.ScrollMode.ScrollPerItem)
    paints = watch(view)
    full = view.viewport().rect()
    for change in (lambda: model.remove_last(5), model.reset, lambda: (model.remove_last(1), model.append(3))):
        paints.clear()
        change()
        QTest.qWait(50)
        assert full in paints.regions
    assert on_screen(view) == as_if_fresh(made, qtbot, view, 37)
