"""Log-in (SPEC S1): user name, password, and the database the log-in goes to.

A refusal shows the service's message in the dialog; it never says which half of the pair was
wrong. "Change…" opens the connection dialog; when the newly chosen database has no administrator
yet, the dialog ends with :attr:`LoginDialog.NEEDS_FIRST_ADMIN` so that the caller shows the
first-administrator dialog instead.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QWidget

from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.services.auth import require_both
from mandant_desktop.ui.account_dialog import AccountDialog
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import (
    ChooseDatabase,
    line_edit,
    password_edit,
)

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext

log = logging.getLogger(__name__)


class LoginDialog(AccountDialog):
    #: the newly chosen database has no administrator yet: show the first-administrator dialog
    NEEDS_FIRST_ADMIN = AccountDialog.SWITCH_DIALOG

    def __init__(
        self, app: AppContext, *, choose_database: ChooseDatabase | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, choose_database=choose_database, parent=parent)
        self.setObjectName("loginDialog")
        self.username = line_edit("loginUser", max_length=100)
        self.password = password_edit("loginPassword")
        self._user_label, self._password_label = QLabel(), QLabel()
        self._user_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self._user_label, self.username)
        form.addRow(self._password_label, self.password)
        self._assemble(form, message_name="loginMessage", width=77)
        self.buttons.setObjectName("loginButtons")
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Check the pair with the service off the GUI thread; stay open with the message when it is refused.

        An empty field is named at once, without a worker, a database round trip or a password check.
        """
        try:
            require_both(self.username.text(), self.password.text())
        except ValidationError as exc:
            self.message.show_error(message_for(exc))
            (self.username if exc.field == "username" else self.password).setFocus()
            return
        self._check_off_thread(
            self.app.services.auth.login, self.username.text(), self.password.text(), on_error=self._refused
        )

    def _refused(self, exc: DomainError) -> None:
        # Not the typed name: people sometimes type their password into the user name field.
        log.info("log-in refused")
        self.message.show_error(message_for(exc))
        self.password.clear()
        (self.password if self.username.text() else self.username).setFocus()

    def _belongs_elsewhere(self, app: AppContext) -> bool:
        return app.services.auth.needs_first_admin()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Log in — Mandant Desktop"))
        self.header.title.setText("Mandant Desktop")
        self.header.text.setText(self.tr("Log in with your user name and password."))
        self._user_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Log in"))
        ok.setObjectName("loginButton")
