"""The settings section "Appearance": the colour scheme of this workstation (SPEC E5).

Like the language, a choice of the workstation, not of the database: saved in QSettings and applied
at once. "As the system" follows the desktop's light or dark setting while the program runs.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from mandant_desktop.ui import theme
from mandant_desktop.ui.theme import ThemeManager


class AppearanceSection(QGroupBox):
    #: the choices of the scheme box, in order
    SCHEME_CHOICES: ClassVar[tuple[str, ...]] = theme.CHOICES

    def __init__(self, manager: ThemeManager | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearanceBox")
        self.manager = manager
        self._scheme_label = QLabel()
        self.scheme_combo = QComboBox()
        self.scheme_combo.setObjectName("colorSchemeCombo")
        for choice in self.SCHEME_CHOICES:
            self.scheme_combo.addItem("", choice)
        self.scheme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scheme_combo.setEnabled(manager is not None)
        self._scheme_label.setBuddy(self.scheme_combo)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._scheme_label, self.scheme_combo)
        if manager is not None:
            self._select(manager.choice)
            manager.scheme_changed.connect(self._scheme_switched)
        self.scheme_combo.currentIndexChanged.connect(self._picked)
        self.retranslateUi()

    def _select(self, choice: str) -> None:
        self.scheme_combo.blockSignals(True)
        self.scheme_combo.setCurrentIndex(max(self.scheme_combo.findData(choice), 0))
        self.scheme_combo.blockSignals(False)

    def _picked(self, index: int) -> None:
        if self.manager is not None:
            self.manager.choose(str(self.scheme_combo.itemData(index)))

    def _scheme_switched(self, _scheme: str) -> None:
        if self.manager is not None:
            self._select(self.manager.choice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Appearance"))
        self._scheme_label.setText(self.tr("Colour &scheme:"))
        names = {
            theme.SYSTEM: self.tr("As the system"),
            theme.LIGHT: self.tr("Light"),
            theme.DARK: self.tr("Dark"),
        }
        for row, choice in enumerate(self.SCHEME_CHOICES):
            self.scheme_combo.setItemText(row, names[choice])
        self.scheme_combo.setToolTip(
            self.tr("Light or dark colours for this workstation; “As the system” follows the desktop setting.")
        )
