"""The role assignment grid: org units × users, fetched by block as the view shows them (SPEC A1).

The model knows the rows (units) and columns (users) up front but never the whole matrix: a cell's
roles are fetched with the block of cells around it (one query for ``BLOCK_ROWS`` × ``BLOCK_COLUMNS``
cells) the first time the view asks for any of them, and kept until the page reloads. The page
loads the axes and the top-left block together on a worker, so the first screen paints without a
query; at 5,000 units × 10,000 users the view asks only for what is on screen.

Blocks are fetched on a worker, never in the paint (issue 8: on PostgreSQL a block took 28 ms, up to
85 ms under load, on the GUI thread while scrolling). Until its block has arrived a cell paints a
placeholder; the answer goes in with one ``dataChanged`` for its block. A fast scroll asks for many
blocks: only the newest few (a screen's worth) are fetched, one task at a time, and the rest are
asked for again if they come back into view. A reset or :meth:`AssignmentGridModel.invalidate`
drops the answers still on their way, so none of them is kept. After :meth:`invalidate` (a change)
the cells read before it stay on screen until their block has been read again, rather than every
visible cell flashing its placeholder for the time of a query; the cell menu waits for the new
answer.

:class:`ChipDelegate` paints a cell's roles as chips: direct roles with a ×, inherited roles in
italics without one (they are changed on the org units page, A7).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mandant_desktop.services.assignments import Chip, GridUnit, GridUser
from mandant_desktop.ui import tasks

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK_ROWS = 64
BLOCK_COLUMNS = 32

Cells = dict[tuple[int, int], list[Chip]]
#: (unit ids, user ids) → {(unit id, user id): chips}, called on a worker
FetchCells = Callable[[Collection[int], Collection[int]], Cells]
#: on the GUI thread: the fetch of the blocks asked for now (reads the operator there)
MakeFetch = Callable[[], FetchCells]
#: blocks fetched in one go, the newest asked for: a screen spans at most 2 × 2 blocks
WANTED_AT_ONCE = 6
Block = tuple[int, int]


class AssignmentGridModel(QAbstractTableModel):
    #: blocks that were on their way have arrived (or failed); :meth:`loading` may be False now
    blocks_arrived = Signal()

    def __init__(self, fetch: MakeFetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._make_fetch = fetch
        self.units: list[GridUnit] = []
        self.users: list[GridUser] = []
        self._blocks: dict[Block, Cells] = {}
        #: blocks read before the last invalidate(), shown until they have been read again
        self._shown: dict[Block, Cells] = {}
        self._unit_names: dict[int, str] = {}
        #: the units a search found (shown in bold among the units above them); empty without a search
        self._found_units: frozenset[int] = frozenset()
        #: how many block queries were started since the last reset (the performance test reads it)
        self.fetch_count = 0
        self.assignable: frozenset[int] | None = frozenset()
        #: blocks a paint asked for and not yet fetched, the newest last
        self._wanted: dict[Block, None] = {}
        #: blocks asked for but left out of the last fetch (a fast scroll passed them)
        self._dropped: set[Block] = set()
        self._task: tasks.Task[list[tuple[Block, Cells]]] | None = None
        self._generation = 0
        self._dispatch_queued = False

    def set_axes(
        self,
        units: list[GridUnit],
        users: list[GridUser],
        first_block: dict[tuple[int, int], list[Chip]] | None = None,
    ) -> None:
        """New rows and columns; ``first_block``: the cells of the top-left block, fetched with
        the axes (the first screen then paints without a query of its own)."""
        self.beginResetModel()
        self.units, self.users = list(units), list(users)
        self._forget_blocks()
        self._shown = {}  # other rows and columns: what was read describes other cells
        if first_block is not None and self.units and self.users:
            self._blocks[(0, 0)] = first_block
        self.fetch_count = 0
        self.endResetModel()

    def set_found_units(self, unit_ids: frozenset[int]) -> None:
        """The units a search found; their row titles are bold (set before :meth:`set_axes`)."""
        self._found_units = unit_ids

    def set_unit_names(self, names: dict[int, str]) -> None:
        """Paths of all units, for "inherited from" in tool tips (the rows may be filtered)."""
        self._unit_names = dict(names)

    def unit_path(self, unit_id: int) -> str:
        return self._unit_names.get(unit_id, "")

    def invalidate(self) -> None:
        """Forget the fetched cells (after a change); the view fetches what it shows again and
        shows what it had until then."""
        shown = {**self._shown, **self._blocks}
        self._forget_blocks()
        self._shown = shown
        if self.units and self.users:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.units) - 1, len(self.users) - 1))

    def _forget_blocks(self) -> None:
        self._generation += 1  # answers on their way describe the cells before: dropped
        self._blocks.clear()
        self._wanted.clear()
        self._dropped.clear()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def loading(self) -> bool:
        """True while blocks a paint asked for are on their way or waiting to be fetched."""
        return self._task is not None or bool(self._wanted)

    def cell_known(self, row: int, column: int) -> bool:
        """The cell's block has arrived (asks for nothing)."""
        return (row // BLOCK_ROWS, column // BLOCK_COLUMNS) in self._blocks

    def chips(self, row: int, column: int, *, fresh: bool = False) -> list[Chip] | None:
        """The roles in a cell; None while its block is on its way (it is asked for here). Until
        then a cell read before the last :meth:`invalidate` answers with what was read, unless
        ``fresh`` (the cell menu, which must not offer what the change has altered)."""
        if not (0 <= row < len(self.units) and 0 <= column < len(self.users)):
            return []
        block_key = (row // BLOCK_ROWS, column // BLOCK_COLUMNS)
        block = self._blocks.get(block_key)
        if block is None:
            self._want(block_key)
            block = None if fresh else self._shown.get(block_key)
            if block is None:
                return None
        return block.get((self.units[row].id, self.users[column].id), [])

    def _want(self, block: Block) -> None:
        self._wanted.pop(block, None)
        self._wanted[block] = None  # the newest last
        if not self._dispatch_queued:
            self._dispatch_queued = True
            QTimer.singleShot(0, self, self._dispatch)  # after the paint that asked: its blocks in one task

    def _dispatch(self) -> None:
        self._dispatch_queued = False
        if self._task is not None or not self._wanted:
            return  # the task on its way dispatches again when it ends
        # A fast scroll asked for every block it passed; the newest are on screen now.
        keys = list(self._wanted)[-WANTED_AT_ONCE:]
        self._dropped.update(key for key in self._wanted if key not in keys)
        self._wanted.clear()
        fetch = self._make_fetch()
        work = []
        for key in keys:
            first_row, first_column = key[0] * BLOCK_ROWS, key[1] * BLOCK_COLUMNS
            unit_ids = [u.id for u in self.units[first_row : first_row + BLOCK_ROWS]]
            user_ids = [u.id for u in self.users[first_column : first_column + BLOCK_COLUMNS]]
            if unit_ids and user_ids:
                work.append((key, unit_ids, user_ids))
        if not work:
            return
        self.fetch_count += len(work)
        generation = self._generation

        def fetch_all() -> list[tuple[Block, Cells]]:
            return [(key, fetch(unit_ids, user_ids)) for key, unit_ids, user_ids in work]

        # No on_error: a failure is said as every failed load is (the banner for a lost connection);
        # the blocks are not kept, and the next paint that shows them asks again.
        task = tasks.run(self, fetch_all, on_done=lambda found: self._arrived(generation, found))
        self._task = task
        task.finished.connect(lambda: self._ended(task))

    def _arrived(self, generation: int, found: list[tuple[Block, Cells]]) -> None:
        if generation != self._generation:
            return
        for key, cells in found:
            self._blocks[key] = cells
            self._shown.pop(key, None)
            self._block_changed(key)

    def _ended(self, task: tasks.Task[Any]) -> None:
        if self._task is not task or not shiboken6.isValid(self):
            return  # dropped by a reset or invalidate, or the page has gone
        self._task = None
        # Blocks left out of the fetch: told as changed, the view repaints those still on screen,
        # and the paint asks for them again; those scrolled away are not painted, so not fetched.
        dropped, self._dropped = self._dropped, set()
        for key in dropped:
            if key not in self._blocks:
                self._block_changed(key)
        if self._wanted:
            self._dispatch()
        self.blocks_arrived.emit()

    def _block_changed(self, key: Block) -> None:
        first_row, first_column = key[0] * BLOCK_ROWS, key[1] * BLOCK_COLUMNS
        last_row = min(first_row + BLOCK_ROWS, len(self.units)) - 1
        last_column = min(first_column + BLOCK_COLUMNS, len(self.users)) - 1
        if first_row <= last_row and first_column <= last_column:
            self.dataChanged.emit(self.index(first_row, first_column), self.index(last_row, last_column))

    def can_assign(self, row: int) -> bool:
        if not 0 <= row < len(self.units):
            return False
        return self.assignable is None or self.units[row].id in self.assignable

    # ------------------------------------------------------------------ the model

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.users)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == CHIPS_ROLE:
            return self.chips(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            chips = self.chips(index.row(), index.column())
            return "…" if chips is None else ", ".join(chip.role_name for chip in chips)
        if role == Qt.ItemDataRole.ToolTipRole:
            chips = self.chips(index.row(), index.column())
            unit, user = self.units[index.row()], self.users[index.column()]
            lines = [f"{user.display_name} — {unit.path}"]
            if chips is None:
                lines.append(self.tr("Loading the roles…"))
                return "\n".join(lines)
            for chip in chips:
                if chip.inherited_from is not None:
                    source = self.unit_path(chip.inherited_from)
                    lines.append(self.tr("%1 (inherited from %2)").replace("%1", chip.role_name).replace("%2", source))
                else:
                    lines.append(chip.role_name)
            if not chips:
                lines.append(self.tr("No role here: no access to this unit."))
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.units):
            unit = self.units[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return "    " * min(unit.depth, 8) + unit.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return unit.path
            if role == Qt.ItemDataRole.FontRole and unit.id in self._found_units:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.users):
            user = self.users[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return user.display_name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{user.username} · {user.email}" if user.email else user.username
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --------------------------------------------------------------------------- chips


@dataclass(frozen=True, slots=True)
class ChipGeometry:
    chip: Chip
    rect: QRect
    close: QRect | None


_PAD, _GAP, _CLOSE = 6, 4, 12


def layout_chips(rect: QRect, chips: list[Chip], font: QFont) -> list[ChipGeometry]:
    """Where each chip goes in ``rect``: left to right on one line; what does not fit is clipped
    (the cell's tool tip lists every role)."""
    return _layout(rect, chips, _ChipFonts(font))


class _ChipFonts:
    """A cell font, its italic and both their metrics: made once per font, not per cell."""

    __slots__ = ("base", "base_metrics", "italic", "italic_metrics")

    def __init__(self, font: QFont) -> None:
        self.base = QFont(font)
        self.base_metrics = QFontMetrics(font)
        self.italic = QFont(font)
        self.italic.setItalic(True)
        self.italic_metrics = QFontMetrics(self.italic)


def _layout(rect: QRect, chips: list[Chip], fonts: _ChipFonts) -> list[ChipGeometry]:
    result: list[ChipGeometry] = []
    metrics, italic_metrics = fonts.base_metrics, fonts.italic_metrics
    height = metrics.height() + 4
    x, y = rect.left() + _GAP, rect.top() + max(1, (rect.height() - height) // 2)
    for chip in chips:
        advance = (italic_metrics if chip.inherited else metrics).horizontalAdvance(chip.role_name) + 2
        width = advance + 2 * _PAD + (0 if chip.inherited else _CLOSE + 2)
        width = min(width, max(rect.width() - 2 * _GAP, 24))
        chip_rect = QRect(x, y, width, height)
        close = None
        if not chip.inherited:
            close = QRect(chip_rect.right() - _CLOSE - 3, chip_rect.top() + (height - _CLOSE) // 2, _CLOSE, _CLOSE)
        result.append(ChipGeometry(chip, chip_rect, close))
        x += width + _GAP
    return result


#: the chips' colours: (fill, inherited fill, border) for a light and a dark palette
_COLOURS = {
    False: (QColor("#dbeafe"), QColor("#f1f5f9"), QColor("#2563eb")),
    True: (QColor("#1e3a5f"), QColor("#374151"), QColor("#60a5fa")),
}


class ChipDelegate(QStyledItemDelegate):
    """Paints roles as chips; a click on a chip's × asks to remove it (``remove_requested``)."""

    remove_requested = Signal(QModelIndex, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: fonts and metrics by font key: a screen paints a hundred cells or more in one font
        self._fonts: dict[str, _ChipFonts] = {}

    def _fonts_for(self, font: QFont) -> _ChipFonts:
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _ChipFonts(font)
        return fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chips = index.data(CHIPS_ROLE)
        # The cell's background as QStyledItemDelegate draws it for a cell without text. The grid's
        # model gives no font, alignment, colour, check state, decoration or background, and a text
        # for every cell: so initStyleOption would only set these, after eight model calls per cell
        # (issue 8: a third of the paint). The view's option has no style object already.
        background = QStyleOptionViewItem(option)
        background.index = self._plain(index)
        background.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        background.text = ""
        background.backgroundBrush = QBrush()
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        palette: QPalette = option.palette
        if chips is None:  # its block is on its way: a quiet placeholder, never another cell's roles
            painter.save()
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                option.rect.adjusted(_GAP + _PAD, 0, -_GAP, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                "…",
            )
            painter.restore()
            return
        if not chips:
            return
        fill, inherited_fill, border = _COLOURS[palette.color(QPalette.ColorRole.Base).lightness() < 128]
        text_colour = palette.color(QPalette.ColorRole.Text)
        fonts = self._fonts_for(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(option.rect)
        for geometry in _layout(option.rect, chips, fonts):
            chip = geometry.chip
            rect = QRectF(geometry.rect)
            painter.setPen(QPen(border if not chip.inherited else text_colour.lighter(150), 1))
            painter.setBrush(inherited_fill if chip.inherited else fill)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
            painter.setFont(fonts.italic if chip.inherited else fonts.base)
            painter.setPen(text_colour)
            text_rect = geometry.rect.adjusted(_PAD, 0, -(_PAD + (_CLOSE + 2 if geometry.close else 0)), 0)
            metrics = fonts.italic_metrics if chip.inherited else fonts.base_metrics
            name = metrics.elidedText(chip.role_name, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
            if geometry.close is not None:
                close = QRectF(geometry.close).adjusted(3, 3, -3, -3)
                painter.setPen(QPen(text_colour, 1.4))
                painter.drawLine(close.topLeft(), close.bottomRight())
                painter.drawLine(close.topRight(), close.bottomLeft())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(math.ceil(metrics.averageCharWidth() * 28.3), metrics.height() + 12)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index) -> bool:
        left_click = isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) and left_click:
            chips = index.data(CHIPS_ROLE) or []
            point = event.position().toPoint()
            for geometry in _layout(option.rect, chips, self._fonts_for(option.font)):
                if geometry.close is not None and geometry.close.adjusted(-2, -2, 2, 2).contains(point):
                    self.remove_requested.emit(self._plain(index), geometry.chip)
                    return True
        return super().editorEvent(event, model, option, index)

    @staticmethod
    def _plain(index: Index) -> QModelIndex:
        if isinstance(index, QPersistentModelIndex):
            model = index.model()
            return model.index(index.row(), index.column()) if model is not None else QModelIndex()
        return index


def chip_close_point(view: QWidget, option_rect: QRect, chips: list[Chip], font: QFont, role_id: int) -> QRect | None:
    """Where the × of ``role_id`` is drawn in a cell (tests click there as a user would)."""
    for geometry in layout_chips(option_rect, chips, font):
        if geometry.chip.role_id == role_id:
            return geometry.close
    return None
