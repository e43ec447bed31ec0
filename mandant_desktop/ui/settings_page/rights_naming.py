"""The settings section "Access rights naming": the pattern of customer rights-group names (SPEC C3).

Element 1 a fixed string, element 2 the customer number or name, element 3 number, name, short
name or none; a live preview shows the name of the seed's example customer (12345, Heidelberg).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.domain.rights_group_names import (
    PREFIX_MAX,
    SECOND_CHOICES,
    THIRD_CHOICES,
    Element,
    NamingPattern,
    group_name,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.rights_naming import RightsNamingService
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.forms import MessageLabel, line_edit, text_width
from mandant_desktop.ui.page import PageContext

EXAMPLE = ("12345", "Heidelberg", "HD")


class RightsNamingSection(QGroupBox):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = 0
        self.setObjectName("rightsNamingBox")
        self.setMaximumWidth(text_width(self, 120))
        self.context = context
        self.prefix_edit = line_edit("rightsNamingPrefix", max_length=PREFIX_MAX)
        self.prefix_edit.setMinimumWidth(text_width(self.prefix_edit, 33))
        self.second_combo = QComboBox()
        self.second_combo.setObjectName("rightsNamingSecond")
        for element in SECOND_CHOICES:
            self.second_combo.addItem("", element.value)
        self.third_combo = QComboBox()
        self.third_combo.setObjectName("rightsNamingThird")
        for element in THIRD_CHOICES:
            self.third_combo.addItem("", element.value)
        self.preview = QLabel()
        self.preview.setObjectName("rightsNamingPreview")
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        self.message = MessageLabel("rightsNamingMessage")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(text_width(self.note, 93))
        self.save_button = QPushButton()
        self.save_button.setObjectName("rightsNamingSave")
        self.save_button.clicked.connect(self.save)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for label, field in zip(
            self._labels, (self.prefix_edit, self.second_combo, self.third_combo, self.preview), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        form.addRow(self.note)
        form.addRow(self.message)
        form.addRow(row)
        editable = context.operator.can("settings.edit")
        for widget in (self.prefix_edit, self.second_combo, self.third_combo, self.save_button):
            widget.setEnabled(editable)
        self.prefix_edit.textChanged.connect(self.update_preview)
        self.second_combo.currentIndexChanged.connect(self.update_preview)
        self.third_combo.currentIndexChanged.connect(self.update_preview)
        self.retranslateUi()
        self.load()

    def load(self) -> None:
        services = self.context.app.services
        read = run_action(self, services.rights_naming.pattern_and_version, self.context.current_operator())
        if read is None:
            return
        pattern, self.version = read
        self.prefix_edit.setText(pattern.prefix)
        self.second_combo.setCurrentIndex(max(self.second_combo.findData(pattern.second.value), 0))
        self.third_combo.setCurrentIndex(max(self.third_combo.findData(pattern.third.value), 0))
        self.update_preview()

    def pattern(self) -> NamingPattern:
        """The pattern as entered; a DomainError when it is not valid."""
        return NamingPattern(
            self.prefix_edit.text(),
            Element(str(self.second_combo.currentData())),
            Element(str(self.third_combo.currentData())),
        )

    def update_preview(self) -> None:
        try:
            name = group_name(self.pattern(), *EXAMPLE)
        except DomainError as exc:
            self.preview.clear()
            self.message.show_error(message_for(exc))
            return
        self.message.clear_message()
        self.preview.setText(name)

    def save(self) -> None:
        try:
            pattern = self.pattern()
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            return
        services = self.context.app.services
        saved = run_action(self, _saved, services.rights_naming, self.context.current_operator(), pattern, self.version)
        if saved is not None:
            self.version = saved
            self.message.show_info(self.tr("Saved. Customers created from now on get rights groups named like this."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Access rights naming"))
        for label, text in zip(
            self._labels,
            (self.tr("Element &1 (text):"), self.tr("Element &2:"), self.tr("Element &3:"), self.tr("Example:")),
            strict=True,
        ):
            label.setText(text)
        names = {
            Element.NUMBER.value: self.tr("Customer number"),
            Element.NAME.value: self.tr("Customer name"),
            Element.SHORT_NAME.value: self.tr("Customer short name"),
            Element.NONE.value: self.tr("(none)"),
        }
        for combo in (self.second_combo, self.third_combo):
            for row in range(combo.count()):
                combo.setItemText(row, names[str(combo.itemData(row))])
        self.note.setText(
            self.tr(
                "The rights group of a customer with remote access is named by this pattern when the customer is "
                "created; a hyphen separates elements 2 and 3. The example shows customer 12345 “Heidelberg” "
                "(short name HD). Existing groups keep their names."
            )
        )
        self.save_button.setText(self.tr("Save namin&g"))


def _saved(service: RightsNamingService, operator: Operator, pattern: NamingPattern, version: int) -> int:
    """The version the save left (the operator's own save is no conflict for the next one)."""
    return service.save(operator, pattern, expected_version=version)
