"""The delegate that paints an access level as a coloured chip and edits it with a combo box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

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


class LevelDelegate(QStyledItemDelegate):
    """Paints ``LEVEL_ROLE`` as a chip; an unsaved edit gets a blue frame (T2: visible unsaved state)."""

    def __init__(self, parent: Any = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self._texts: dict[Level, str] = {}

    def retranslate(self) -> None:
        """Cache the level names once per language instead of translating per painted cell."""
        self._texts = {level: level_text(level) for level in LEVELS}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        info = _cell_info(index)
        if info is None:
            super().paint(painter, option, index)
            return
        level, edited, editable = info
        # Drawn by hand, without the style's item panel: the matrix paints thousands of these.
        palette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.brush(QPalette.ColorRole.Highlight))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chip = rect.adjusted(3, 3, -3, -3)
        colour = QColor(LEVEL_COLOURS[level])
        colour.setAlpha(60 if level is Level.HIDDEN else 90)
        painter.setBrush(colour)
        if edited:
            pen = painter.pen()
            pen.setColor(EDITED_COLOUR)
            pen.setWidth(2)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(chip, 4, 4)
        group = QPalette.ColorGroup.Normal if editable else QPalette.ColorGroup.Disabled
        painter.setPen(palette.color(group, QPalette.ColorRole.Text))
        text = self._texts.get(level) or level_text(level)
        if self._compact:
            text = text[:1] if level is not Level.HIDDEN else "–"
        if edited:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("accessLevelEditor")
        for level in LEVELS:
            editor.addItem(level_text(level), level.value)
        editor.activated.connect(lambda _i: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        level = level_of(index)
        if isinstance(editor, QComboBox) and level is not None:
            editor.setCurrentIndex(max(0, editor.findData(level.value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
