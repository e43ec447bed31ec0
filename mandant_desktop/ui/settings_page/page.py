"""The settings page: UI language, colour scheme, the current database connection (SPEC E1, E5, S6).

The language is a choice of this workstation and switches at once. SMTP and the naming pattern of
customer rights groups are settings of their features and arrive with them; the page says so
rather than showing fields that do nothing.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.ui import i18n
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.settings_page.appearance import AppearanceSection
from mandant_desktop.ui.settings_page.rights_naming import RightsNamingSection
from mandant_desktop.ui.settings_page.smtp import SmtpSection


class SettingsPage(Page):
    page_id: ClassVar[str] = "settings"
    object_name: ClassVar[str] = "page.settings"
    permission: ClassVar[str] = "settings.view"
    icon_name: ClassVar[str] = "settings"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Settings")

    #: the choices of the language box, in order
    LANGUAGE_CHOICES: ClassVar[tuple[str, ...]] = (i18n.SYSTEM, "de", "en")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._language_box = QGroupBox()
        self._language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code in self.LANGUAGE_CHOICES:
            self.language_combo.addItem("", code)
        self._select_language(context.language.choice)
        self._language_label.setBuddy(self.language_combo)
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        language_form = QFormLayout(self._language_box)
        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        language_form.addRow(self._language_label, self.language_combo)

        self._connection_box = QGroupBox()
        self._profile_label, self.profile_value = QLabel(), _value_label("connectionProfile")
        self._backend_label, self.backend_value = QLabel(), _value_label("connectionBackend")
        self._url_label, self.url_value = QLabel(), _value_label("connectionUrl")
        self.change_button = QPushButton()
        self.change_button.setObjectName("changeDatabaseButton")
        self.change_button.clicked.connect(context.shell.change_database)
        connection_form = QFormLayout(self._connection_box)
        connection_form.addRow(self._profile_label, self.profile_value)
        connection_form.addRow(self._backend_label, self.backend_value)
        connection_form.addRow(self._url_label, self.url_value)
        button_row = QHBoxLayout()
        button_row.addWidget(self.change_button)
        button_row.addStretch(1)
        connection_form.addRow(button_row)

        self._heading = QLabel()
        self._heading.setObjectName("pageHeading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._heading.setFont(font)

        # The sections scroll below the heading: they outgrow a small window (and the 800-pixel screenshots).
        body = QWidget()
        body.setObjectName("settingsBody")
        sections = QVBoxLayout(body)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.setSpacing(16)
        self.appearance_section = AppearanceSection(context.theme)
        self.smtp_section = SmtpSection(context, self)
        self.naming_section = RightsNamingSection(context)
        boxes = (
            self._language_box,
            self.appearance_section,
            self._connection_box,
            self.smtp_section,
            self.naming_section,
        )
        for box in boxes:
            box.setMaximumWidth(text_width(box, 120))
            sections.addWidget(box)
        sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(self._heading)
        layout.addWidget(scroll, 1)

        # Ctrl+S saves the form the cursor is in (E2); each section has its own Save button too.
        self.save_action = QAction(self)
        self.save_action.setObjectName("settingsSaveAction")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save_focused_section)
        # A reader of the settings has nothing to save (S1): the key stays without effect.
        self.save_action.setEnabled(
            self.smtp_section.save_button.isEnabled() or self.naming_section.save_button.isEnabled()
        )
        self.addAction(self.save_action)

        self.show_connection()
        self.language_combo.currentIndexChanged.connect(self._language_picked)
        context.language.language_changed.connect(self._language_switched)
        self.retranslateUi()

    def refresh(self) -> bool:
        """Reload the database-wide settings (F5, and "Reload" after a conflict, S4)."""
        self.smtp_section.load()
        self.naming_section.load()
        return True

    def save_focused_section(self) -> bool:
        """Ctrl+S: save the section that has the keyboard focus; say so when the focus is in none."""
        focus = QApplication.focusWidget()
        for section in (self.smtp_section, self.naming_section):
            if focus is not None and section.isAncestorOf(focus):
                if not section.save_button.isEnabled():
                    self.context.shell.show_status(self.tr("You may not change these settings."), 4000)
                    return False
                section.save()
                return True
        self.context.shell.show_status(
            self.tr("Put the cursor into the e-mail or the naming settings to save them with Ctrl+S."), 4000
        )
        return False

    def show_connection(self) -> None:
        app = self.context.app
        self.profile_value.setText(app.profile_name)
        self.backend_value.setText(app.backend)
        # Rendered with the password hidden by bootstrap; for SQLite the file says more than a URL.
        url = app.display_url
        self.url_value.setText(url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url)

    def _select_language(self, choice: str) -> None:
        index = self.language_combo.findData(choice)
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.blockSignals(False)

    def _language_picked(self, index: int) -> None:
        self.context.language.choose(str(self.language_combo.itemData(index)))

    def _language_switched(self, _language: str) -> None:
        self._select_language(self.context.language.choice)

    def retranslateUi(self) -> None:
        self._heading.setText(self.title())
        self._language_box.setTitle(self.tr("Language"))
        self._language_label.setText(self.tr("&Language of the program:"))
        names = {
            i18n.SYSTEM: self.tr("As the system (%s)") % _language_name(i18n.resolve(i18n.SYSTEM)),
            # Each language is named in itself, so that anyone can find their own.
            "de": "Deutsch",
            "en": "English",
        }
        for row, code in enumerate(self.LANGUAGE_CHOICES):
            self.language_combo.setItemText(row, names[code])
        self._connection_box.setTitle(self.tr("Database connection"))
        self._profile_label.setText(self.tr("Profile:"))
        self._backend_label.setText(self.tr("Database type:"))
        self._url_label.setText(self.tr("Address:"))
        self.change_button.setText(self.tr("&Change database…"))


def _language_name(code: str) -> str:
    return {"de": "Deutsch", "en": "English"}.get(code, code)


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
