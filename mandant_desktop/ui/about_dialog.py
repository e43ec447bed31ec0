"""Help → About: what is running, on which database and schema (for support calls)."""

from __future__ import annotations

import platform
from html import escape
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mandant_desktop import __version__
from mandant_desktop.ui import icons
from mandant_desktop.ui.forms import text_width

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext


def schema_revision(app: AppContext) -> str:
    report = app.upgrade
    return (report.after.current or "") if report is not None else ""


class AboutDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._app = app
        logo = QLabel()
        logo.setPixmap(icons.icon(icons.APP_ICON).pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(text_width(self.text, 63))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("aboutCopyButton")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(logo)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.retranslateUi()

    def rows(self) -> list[tuple[str, str]]:
        """The facts a support call asks for, as (label, value)."""
        app = self._app
        return [
            (self.tr("Version"), __version__),
            (self.tr("Database type"), app.backend),
            (self.tr("Database server version"), app.server_version or self.tr("unknown")),
            (self.tr("Connection"), app.profile_name),
            (self.tr("Schema revision"), schema_revision(app) or self.tr("unknown")),
            (self.tr("Qt / PySide"), f"{qVersion()} / {PySide6.__version__}"),
            (self.tr("Python"), platform.python_version()),
        ]

    def details(self) -> str:
        """The rows as plain text, one "label: value" a line (what "Copy details" puts on the clipboard)."""
        return "Mandant Desktop\n" + "\n".join(f"{label}: {value}" for label, value in self.rows())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("About Mandant Desktop"))
        self.copy_button.setText(self.tr("&Copy details"))
        self.copy_button.setToolTip(self.tr("Put these details on the clipboard, e.g. for a support request"))
        rows = self.rows()
        table = "".join(
            f"<tr><td style='padding-right:12px'>{escape(label)}</td><td>{escape(value)}</td></tr>"
            for label, value in rows
        )
        self.text.setText(
            "<h3>Mandant Desktop</h3>"
            + "<p>"
            + escape(self.tr("Administration of tenants, users, roles, org units and customers."))
            + "</p>"
            + f"<table>{table}</table>"
        )
