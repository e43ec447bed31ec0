"""The first administrator of an empty database (SPEC S1).

The service validates; its message is shown under the form and the input it names gets the focus.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.services.auth import FirstAdmin
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


class FirstAdminDialog(AccountDialog):
    #: the chosen database has an administrator already: log in there instead
    NEEDS_LOGIN = AccountDialog.SWITCH_DIALOG

    def __init__(
        self, app: AppContext, *, choose_database: ChooseDatabase | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, choose_database=choose_database, parent=parent)
        self.setObjectName("firstAdminDialog")
        self.header.text.setObjectName("firstAdminIntro")
        self.username = line_edit("adminUser", max_length=100)
        self.email = line_edit("adminEmail", max_length=254)
        self.first_name = line_edit("adminFirstName", max_length=100)
        self.last_name = line_edit("adminLastName", max_length=100)
        self.password = password_edit("adminPassword")
        self.password_repeat = password_edit("adminPasswordRepeat")
        #: the inputs by the ``field`` a ValidationError names
        self._fields: dict[str, QLineEdit] = {
            "username": self.username,
            "email": self.email,
            "first name": self.first_name,
            "last name": self.last_name,
            "password": self.password,
            "password_repeat": self.password_repeat,
        }
        self._labels = {name: QLabel() for name in self._fields}
        form = QFormLayout()
        for name, edit in self._fields.items():
            self._labels[name].setBuddy(edit)
            form.addRow(self._labels[name], edit)
        self._assemble(form, message_name="firstAdminMessage", width=83)
        self.username.setFocus()

    def data(self) -> FirstAdmin:
        return FirstAdmin(
            username=self.username.text(),
            password=self.password.text(),
            password_repeat=self.password_repeat.text(),
            email=self.email.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
        )

    def accept(self) -> None:
        """Create the administrator off the GUI thread (argon2, one transaction); S1, S5."""
        self._check_off_thread(self.app.services.auth.create_first_admin, self.data(), on_error=self._refused)

    def _refused(self, exc: DomainError) -> None:
        self.message.show_error(message_for(exc))
        field = self._fields.get(exc.field or "") if isinstance(exc, ValidationError) else None
        if field is not None:
            field.setFocus()
            field.selectAll()

    def _belongs_elsewhere(self, app: AppContext) -> bool:
        return not app.services.auth.needs_first_admin()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("First administrator — Mandant Desktop"))
        self.header.title.setText(self.tr("The first administrator"))
        self.header.text.setText(
            self.tr(
                "This database has no administrator yet. Create the first one: this account may do "
                "everything, including creating further users and roles."
            )
        )
        texts = {
            "username": self.tr("&User name:"),
            "email": self.tr("&E-mail:"),
            "first name": self.tr("&First name:"),
            "last name": self.tr("&Last name:"),
            "password": self.tr("&Password:"),
            "password_repeat": self.tr("&Repeat password:"),
        }
        for name, text in texts.items():
            self._labels[name].setText(text)
        self.first_name.setPlaceholderText(self.tr("optional"))
        self.last_name.setPlaceholderText(self.tr("optional"))
        self.password.setPlaceholderText(
            self.tr("at least {count} characters").format(count=validation.OPERATOR_PASSWORD_MIN)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create administrator"))
