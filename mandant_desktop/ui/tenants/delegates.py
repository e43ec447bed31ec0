"""The delegate that paints an access level as a coloured chip and edits it with a combo box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.ui.tenants.access_state import LEVELS, level_text
from mandant_desktop.ui.tenants.models import EDITED_ROLE, LEVEL_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

#: chip colours; drawn translucent over the base colour so they work in light and dark schemes
LEVEL_COLOURS = {
    Level.FULL: QColor(46, 160, 67),
    Level.READ_ONLY: QColor(219, 154, 4),
    Level.HIDDEN: QColor(128, 128, 128),
}
EDITED_COLOUR = QColor(31, 111, 235)


def _cell_info(index: AnyIndex) -> tuple[Level, bool, bool] | None:
    """(level, edited, editable): from the model in one call when it offers it, else by roles."""
    model = index.model()
    info = getattr(model, "cell_info", None)
    if info is not None:
        result: tuple[Level, bool, bool] | None = info(index.row(), index.column())
        return result
    level = level_of(index)
    if level is None:
        return None
    return level, bool(index.data(EDITED_ROLE)), bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def level_of(index: AnyIndex) -> Level | None:
    """The level behind ``index``: Qt hands a StrEnum back as a plain string."""
    value = index.data(LEVEL_ROLE)
    try:
        return Level(value) if value is not None else None
    except ValueError:
        return None


#: the enum members a painted cell needs, read once: attribute access on Qt's enums costs
#: microseconds, and the matrix paints about 360 cells per screen
_SELECTED = QStyle.StateFlag.State_Selected
#: (level, edited, editable, the colour group of the highlight when selected, width, height)
_Look = tuple[Level, bool, bool, QPalette.ColorGroup | None, int, int]
#: events after which the view looks different: the chip pictures are drawn anew
_LOOK_CHANGES = frozenset(
    {
        QEvent.Type.PaletteChange,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ScreenChangeInternal,
        QEvent.Type.DevicePixelRatioChange,
        QEvent.Type.ApplicationPaletteChange,
        QEvent.Type.ApplicationFontChange,
    }
)
#: chip pictures kept per delegate; more (columns resized many times) start the cache afresh
MAX_CHIPS = 256


class _LookWatcher(QObject):
    """Forgets the chip pictures when the watched view's look changes."""

    def __init__(self, chips: dict[_Look, QPixmap], parent: QObject) -> None:
        super().__init__(parent)
        self._chips = chips

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in _LOOK_CHANGES:
            self._chips.clear()
        return False


def chip_brushes() -> dict[Level, QBrush]:
    """Each level's chip colour, translucent over the base colour."""
    brushes = {}
    for level, base in LEVEL_COLOURS.items():
        colour = QColor(base)
        colour.setAlpha(60 if level is Level.HIDDEN else 90)
        # With the style named, PySide's overload choice does not create QGradient and its enums (a
        # 169-member Preset among them) at start, only to reject them (issue 8).
        brushes[level] = QBrush(colour, Qt.BrushStyle.SolidPattern)
    return brushes


def compact_text(level: Level) -> str:
    """The mark of ``level`` in the matrix's narrow cells: the first letter of its name, "–" for hidden."""
    return level_text(level)[:1] if level is not Level.HIDDEN else "–"


def paint_chip(
    painter: QPainter,
    rect: QRect,
    palette: QPalette,
    font: QFont,
    brush: QBrush,
    text: str,
    edited: bool,
    editable: bool,
) -> None:
    """One chip in ``rect``: the level's colour, a blue frame and bold text for an unsaved edit,
    the text greyed out where the operator may not change it. The matrix's legend draws its
    samples with this too, so that it shows exactly what the cells show."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chip_font = QFont(font)
    area = rect.adjusted(3, 3, -3, -3)
    painter.setBrush(brush)
    if edited:
        pen = QPen(EDITED_COLOUR)
        pen.setWidth(2)
        painter.setPen(pen)
        chip_font.setBold(True)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(area, 4, 4)
    group = QPalette.ColorGroup.Normal if editable else QPalette.ColorGroup.Disabled
    painter.setPen(palette.color(group, QPalette.ColorRole.Text))
    painter.setFont(chip_font)
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)


class LevelDelegate(QStyledItemDelegate):
    """Paints ``LEVEL_ROLE`` as a chip; an unsaved edit gets a blue frame (T2: visible unsaved state).

    A chip looks the same wherever it is: it is drawn once per look (level, edited, editable,
    selected, size) into a picture, and every cell with that look copies the picture. Drawing each
    cell anew (an antialiased rounded rectangle and its text) cost two thirds of a matrix repaint.
    """

    def __init__(self, parent: Any = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self._texts: dict[Level, str] = {}
        self._brushes = chip_brushes()
        self._chips: dict[_Look, QPixmap] = {}
        #: the view whose look the pictures hold, until the watcher is installed on it
        self._unwatched: QWidget | None = parent if isinstance(parent, QWidget) else None

    def retranslate(self) -> None:
        """Cache the level names once per language instead of translating per painted cell."""
        self._texts = {level: compact_text(level) if self._compact else level_text(level) for level in LEVELS}
        self._chips.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        info = _cell_info(index)
        if info is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        # A selected chip sits on the highlight, which differs while the window is inactive.
        selected = option.palette.currentColorGroup() if option.state & _SELECTED else None
        key = (*info, selected, rect.width(), rect.height())
        chip = self._chips.get(key)
        if chip is None:
            chip = self._chip(option, painter.device().devicePixelRatioF(), key)
        painter.drawPixmap(rect.topLeft(), chip)

    def _chip(self, option: QStyleOptionViewItem, ratio: float, key: _Look) -> QPixmap:
        """Draw the picture of one look."""
        if len(self._chips) >= MAX_CHIPS:
            self._chips.clear()
        if self._unwatched is not None:
            # The pictures hold the view's palette, font and pixel ratio: drawn anew when they
            # change. A watcher of its own (the delegate's own event filter is for its editors),
            # from the first picture on: before it there is nothing to forget, and the events of
            # the view while its page is built (actions and children added) do not each call into
            # Python (issue 8).
            self._unwatched.installEventFilter(_LookWatcher(self._chips, self))
            self._unwatched = None
        level, edited, editable, selected, width, height = key
        chip = QPixmap(round(width * ratio), round(height * ratio))
        chip.setDevicePixelRatio(ratio)
        palette = option.palette
        rect = QRect(0, 0, width, height)
        if selected is not None:
            chip.fill(palette.color(selected, QPalette.ColorRole.Highlight))
        else:
            chip.fill(Qt.GlobalColor.transparent)
        painter = QPainter(chip)
        try:
            if not self._texts:
                self.retranslate()
            paint_chip(painter, rect, palette, option.font, self._brushes[level], self._texts[level], edited, editable)
        finally:
            painter.end()
        self._chips[key] = chip
        return chip

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        # The editor's class when a cell is edited: PySide creates a class's enum classes when it is
        # first imported, and the start edits nothing (issue 8).
        from PySide6.QtWidgets import QComboBox

        editor = QComboBox(parent)
        editor.setObjectName("accessLevelEditor")
        for level in LEVELS:
            editor.addItem(level_text(level), level.value)
        editor.activated.connect(lambda _i: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        from PySide6.QtWidgets import QComboBox

        level = level_of(index)
        if isinstance(editor, QComboBox) and level is not None:
            editor.setCurrentIndex(max(0, editor.findData(level.value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        from PySide6.QtWidgets import QComboBox

        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
