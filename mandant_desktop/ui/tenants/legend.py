"""The legend under the tenants × users matrix (SPEC T2, T3, T8): what each mark and colour means.

The matrix shows a user's access on a tenant as a one-letter chip (the first letter of the level's
name, "–" for hidden) in the level's colour; an unsaved edit has a blue frame, and a cell the
operator may not change has greyed-out text. The samples are drawn by the matrix's own chip painter
(:func:`delegates.paint_chip`) on the view's base colour, in the current palette, so the legend
shows exactly what the cells show, in the light and the dark scheme and after a language switch.

The entries flow onto further lines when the page is narrow (:class:`FlowLayout`), so the legend
never makes the window wider.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.ui.flow_layout import FlowLayout
from mandant_desktop.ui.tenants.access_state import LEVELS, level_text
from mandant_desktop.ui.tenants.delegates import chip_brushes, compact_text, paint_chip


class ChipSample(QWidget):
    """One chip as a matrix cell shows it: the level's mark and colour, edited or not, changeable or not."""

    def __init__(self, level: Level, size: QSize, *, edited: bool = False, editable: bool = True) -> None:
        super().__init__()
        self.level = level
        self.edited = edited
        self.editable = editable
        self.setFixedSize(size)
        self._brushes = chip_brushes()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            rect = self.rect()
            palette = self.palette()
            painter.fillRect(rect, palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base))
            paint_chip(
                painter,
                rect,
                palette,
                self.font(),
                self._brushes[self.level],
                compact_text(self.level),
                self.edited,
                self.editable,
            )
        finally:
            painter.end()


class _Entry(QWidget):
    """A sample and what it means, side by side; one item of the legend's flow."""

    def __init__(self, sample: ChipSample, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.sample = sample
        self.label = QLabel()
        self.label.setObjectName(f"{name}Text")
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, max(spacing, 6) * 2, 0)
        row.setSpacing(max(spacing, 4))
        row.addWidget(sample)
        row.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_meaning(self, mark: str, meaning: str) -> None:
        self.label.setText(meaning)
        # Screen readers read the sample as its mark and meaning ("V: Full access"); the sample
        # itself is a picture without text of its own.
        self.sample.setAccessibleName(f"{mark}: {meaning}" if mark else meaning)
        self.setAccessibleName(self.sample.accessibleName())
        self.sample.update()


class MatrixLegend(QWidget):
    """``accessMatrixLegend``: the marks of the access matrix and what they mean."""

    def __init__(self, cell_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accessMatrixLegend")
        self.title = QLabel()
        self.title.setObjectName("accessMatrixLegendTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.levels = {level: _Entry(ChipSample(level, cell_size), f"legend_{level.value}") for level in LEVELS}
        self.edited = _Entry(ChipSample(Level.FULL, cell_size, edited=True), "legend_edited")
        self.locked = _Entry(ChipSample(Level.FULL, cell_size, editable=False), "legend_locked")
        self.hint = QLabel()
        self.hint.setObjectName("accessMatrixLegendHint")
        self.hint.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for label in (self.title, self.hint):  # as tall as the samples: one line's texts share a middle
            label.setMinimumHeight(cell_size.height())
        flow = FlowLayout(self)
        flow.addWidget(self.title)
        for entry in (*self.levels.values(), self.edited, self.locked):
            flow.addWidget(entry)
        flow.addWidget(self.hint)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def entries(self) -> list[_Entry]:
        return [*self.levels.values(), self.edited, self.locked]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Legend:"))
        for level, entry in self.levels.items():
            entry.set_meaning(compact_text(level), level_text(level))
        self.edited.set_meaning("", self.tr("Unsaved change (blue frame)"))
        self.locked.set_meaning("", self.tr("Not changeable for you (grey letter)"))
        self.hint.setText(self.tr("A cell's tooltip says whether private data is on."))
        self.setAccessibleName(self.tr("Legend of the access matrix"))
        self.setAccessibleDescription(
            "; ".join(entry.sample.accessibleName() for entry in self.entries()) + ". " + self.hint.text()
        )
        self.updateGeometry()
