"""Pieces the built pages share: the heading, a table of whole rows, a context menu of the enabled
actions (SPEC E2). Progress with Cancel is :func:`mandant_desktop.ui.tasks.run_with_progress`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QPoint, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mandant_desktop.ui.forms import text_width


def page_heading() -> QLabel:
    """The large bold title at the top of a page (objectName ``pageHeading``)."""
    heading = QLabel()
    heading.setObjectName("pageHeading")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    return heading


def row_table(
    name: str,
    model: QAbstractItemModel,
    *,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.ExtendedSelection,
) -> QTableView:
    """A read-only table of whole rows over ``model``: alternating colours, no word wrap, no row
    numbers, and fixed row heights, so that the view never measures a large model's rows."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def popup_actions(parent: QWidget, view: QAbstractItemView, pos: QPoint, actions: Iterable[QAction]) -> None:
    """A context menu of the ``actions`` that are enabled now, at ``pos`` of ``view``'s viewport."""
    menu = QMenu(parent)
    for action in actions:
        if action.isEnabled():
            menu.addAction(action)
    if not menu.isEmpty():
        menu.exec(view.viewport().mapToGlobal(pos))
    menu.deleteLater()


def set_column_widths(header: QHeaderView, widths: Sequence[int] | Mapping[int, int]) -> None:
    """Starting widths of a view's columns (by position, or column → width): the given pixels, but
    never narrower than the column's header text, which is longer in German and at some scales (E5).
    Call it before the saved layout is restored, so that the user's own widths win."""
    pairs = widths.items() if isinstance(widths, Mapping) else enumerate(widths)
    # Measured with room for the sort arrow: sorting is often switched on after the widths are set.
    shown = header.isSortIndicatorShown()
    header.setSortIndicatorShown(True)
    needed = {column: header.sectionSizeFromContents(column).width() for column, _width in pairs}
    header.setSortIndicatorShown(shown)
    for column, width in widths.items() if isinstance(widths, Mapping) else enumerate(widths):
        header.resizeSection(column, max(width, needed[column]))


def set_text_column_widths(header: QHeaderView, characters: Sequence[float] | Mapping[int, float]) -> None:
    """:func:`set_column_widths` in average characters of the header's font rather than pixels: the
    starting widths grow with a larger font, as the texts in the columns do (E5)."""
    pairs = characters.items() if isinstance(characters, Mapping) else enumerate(characters)
    set_column_widths(header, {column: text_width(header, count) for column, count in pairs})


def text_column_width(view: QAbstractItemView, texts: Iterable[str]) -> int:
    """The width a column of ``view`` needs to show the longest of ``texts`` in full: each measured
    as the view's style measures a cell of text, plus a table's grid line."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    widest = 0
    for text in texts:
        option.text = text
        size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
        widest = max(widest, size.width())
    return widest + (1 if isinstance(view, QTableView) and view.showGrid() else 0)
