"""Log-in (SPEC S1): user name, password, and the database the log-in goes to.

A refusal shows the service's message in the dialog; it never says which half of the pair was
wrong. "Change…" opens the connection dialog; when the newly chosen database has no administrator
yet, the dialog ends with :attr:`LoginDialog.NEEDS_FIRST_ADMIN` so that the caller shows the
first-administrator dialog instead.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.ui import icons
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import (
    ChooseDatabase,
    ConnectionLine,
    DialogHeader,
    MessageLabel,
    line_edit,
    password_edit,
)

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    NEEDS_FIRST_ADMIN = 2

    def __init__(
        self, app: AppContext, *, choose_database: ChooseDatabase | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.app = app
        self.operator: Operator | None = None
        self._choose_database = choose_database

        self.header = DialogHeader()
        self.username = line_edit("loginUser", max_length=100)
        self.password = password_edit("loginPassword")
        self._user_label, self._password_label = QLabel(), QLabel()
        self._user_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        self.connection = ConnectionLine()
        self.connection.show_app(app)
        self.connection.change_button.setEnabled(choose_database is not None)
        self.connection.change_requested.connect(self._change_database)
        self.message = MessageLabel("loginMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("loginButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self._user_label, self.username)
        form.addRow(self._password_label, self.password)
        form.addRow(self.connection.caption, self.connection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setWindowIcon(icons.icon(icons.APP_ICON))
        self.setMinimumWidth(460)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)
        self.retranslateUi()

    def accept(self) -> None:
        """Check the pair with the service; stay open with the message when it is refused."""
        try:
            operator = self.app.services.auth.login(self.username.text(), self.password.text())
        except DomainError as exc:
            # Not the typed name: people sometimes type their password into the user name field.
            log.info("log-in refused")
            self.message.show_error(message_for(exc))
            self.password.clear()
            (self.password if self.username.text() else self.username).setFocus()
            return
        self.operator = operator
        super().accept()

    def _change_database(self) -> None:
        if self._choose_database is None:
            return
        chosen = self._choose_database(self)
        if chosen is None:
            return
        self.app = chosen
        self.connection.show_app(chosen)
        self.message.clear_message()
        if chosen.services.auth.needs_first_admin():
            self.done(self.NEEDS_FIRST_ADMIN)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Log in — Mandant Desktop"))
        self.header.title.setText("Mandant Desktop")
        self.header.text.setText(self.tr("Log in with your user name and password."))
        self._user_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Log in"))
        ok.setObjectName("loginButton")
