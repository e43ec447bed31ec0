"""Pieces the built pages share: the heading, a table of whole rows, a context menu of the enabled
actions (SPEC E2). Progress with Cancel is :func:`mandant_desktop.ui.tasks.run_with_progress`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mandant_desktop.ui import icons
from mandant_desktop.ui.forms import text_width

#: how long typing in a page's search field pauses before the list follows it
SEARCH_DELAY_MS = 300


def search_edit(owner: QWidget, name: str, apply: Callable[[], object]) -> tuple[QLineEdit, QTimer]:
    """A page's search field (Ctrl+F reaches it through ``Page.search_field``, E2): a clear button
    and the search icon; ``apply`` runs once typing pauses for :data:`SEARCH_DELAY_MS`, and at once
    on Enter. Returns the field and its timer, which ``apply`` stops."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setClearButtonEnabled(True)
    field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(apply)
    field.textChanged.connect(lambda _text: timer.start())
    field.returnPressed.connect(apply)
    return field, timer


class SearchKeys(QObject):
    """The keys of a search field over a list of results (SPEC E2): Esc empties the field (and the
    list shows everything again at once); Enter searches at once and goes into the results, as
    Down does; there the first result is current and selected unless one is already."""

    def __init__(
        self,
        field: QLineEdit,
        results: QAbstractItemView,
        apply: Callable[[], object],
        first: Callable[[], QModelIndex] | None = None,
    ) -> None:
        """``first``: the result to start on, when it is not the view's first row."""
        super().__init__(field)
        self._field = field
        self._results = results
        self._apply = apply
        self._first = first
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._field or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and self._field.text():
            self._field.clear()
            self._apply()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._apply()
            self.enter_results()
            return True
        if key == Qt.Key.Key_Down:
            self.enter_results()
            return True
        return False

    def enter_results(self) -> None:
        """The focus into the results, on the first one unless another is current."""
        view, model = self._results, self._results.model()
        if model is None:
            return
        first = self._first_result()
        if not view.currentIndex().isValid() and first.isValid():
            selection = view.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                flags |= QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(first, flags)
        if view.currentIndex().isValid():
            view.scrollTo(view.currentIndex())
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _first_result(self) -> QModelIndex:
        if self._first is not None:
            return self._first()
        model = self._results.model()
        root = self._results.rootIndex()
        return model.index(0, 0, root)  # invalid when there is no result


def page_heading() -> QLabel:
    """The large bold title at the top of a page (objectName ``pageHeading``)."""
    heading = QLabel()
    heading.setObjectName("pageHeading")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    return heading


class RowTable(QTableView):
    """A table view that repaints only what changed when its model appends rows at the end.

    Qt lays a table out anew after any change of its row count and then repaints the whole
    viewport, also when the new rows lie below the screen: the customer table paid a full repaint
    of its cells (about 15 ms of the GUI thread) when a search's count added the rows after the
    first window (issue 8). Here the layout after rows appended at the end (and nothing else since
    the last layout) repaints only the part of the viewport from the first new row down, which is
    nothing while they lie below the screen. The geometry (scroll bars, header offsets) is laid
    out as Qt does; when it moved what the viewport shows, the whole viewport is repainted.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the first row appended at the end since the last layout, None when none was
        self._appended_from: int | None = None
        #: something other than rows appended at the end happened since the last layout
        self._other_change = False
        self._watched: QAbstractItemModel | None = None
        #: the style, font and direction of the last layout: a change of them lays out everything
        self._laid_out_look: tuple[object, ...] = ()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self._watched
        if old is not None:
            for signal, slot in self._signals(old):
                signal.disconnect(slot)
        super().setModel(model)
        self._watched = model
        self._other_change = True
        if model is not None:
            for signal, slot in self._signals(model):
                signal.connect(slot)

    def _signals(self, model: QAbstractItemModel) -> list[tuple[SignalInstance, Callable[..., None]]]:
        other = self._note_other_change
        return [
            (model.rowsAboutToBeInserted, self._note_rows_inserted),
            (model.rowsAboutToBeRemoved, other),
            (model.rowsAboutToBeMoved, other),
            (model.columnsAboutToBeInserted, other),
            (model.columnsAboutToBeRemoved, other),
            (model.columnsAboutToBeMoved, other),
            (model.layoutAboutToBeChanged, other),
            (model.modelAboutToBeReset, other),
            # A model that announces these without the signal before them (it should not) still counts.
            (model.layoutChanged, other),
            (model.modelReset, other),
        ]

    def _note_rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, _last: int) -> None:
        model = self.model()
        if parent.isValid() or self.rootIndex().isValid() or model is None or first != model.rowCount(parent):
            self._other_change = True
        elif self._appended_from is None:
            self._appended_from = first

    def _note_other_change(self, *_args: object) -> None:
        self._other_change = True

    def setRootIndex(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._other_change = True
        super().setRootIndex(index)

    def _look(self) -> tuple[object, ...]:
        return (self.style(), self.font().key(), self.layoutDirection())

    def doItemsLayout(self) -> None:
        appended, other = self._appended_from, self._other_change
        self._appended_from, self._other_change = None, False
        look, self._laid_out_look = self._laid_out_look, self._look()
        if appended is None or other or look != self._laid_out_look:
            super().doItemsLayout()
            return
        viewport = self.viewport()
        before = (self.verticalOffset(), self.horizontalOffset(), viewport.size())
        # What QAbstractItemView::doItemsLayout does but the repaint of the whole viewport (its
        # delayed layout has been cancelled by whoever called this).
        self.updateGeometries()
        if (self.verticalOffset(), self.horizontalOffset(), viewport.size()) != before:
            viewport.update()
            return
        top = self.rowViewportPosition(appended)
        if top < 0:
            viewport.update()
        elif top < viewport.height():
            viewport.update(QRect(0, top, viewport.width(), viewport.height() - top))


def row_table(
    name: str,
    model: QAbstractItemModel,
    *,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.ExtendedSelection,
) -> QTableView:
    """A read-only table of whole rows over ``model``: alternating colours, no word wrap, no row
    numbers, and fixed row heights, so that the view never measures a large model's rows."""
    view = RowTable()
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
