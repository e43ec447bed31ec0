"""The first administrator of an empty database (SPEC S1).

The service validates; its message is shown under the form and the input it names gets the focus.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.services.auth import FirstAdmin
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


class FirstAdminDialog(QDialog):
    #: the chosen database has an administrator already: log in there instead
    NEEDS_LOGIN = 2

    def __init__(
        self, app: AppContext, *, choose_database: ChooseDatabase | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.app = app
        self.operator: Operator | None = None
        self._choose_database = choose_database

        self.header = DialogHeader()
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
        self.connection = ConnectionLine()
        self.connection.show_app(app)
        self.connection.change_button.setEnabled(choose_database is not None)
        self.connection.change_requested.connect(self._change_database)
        form.addRow(self.connection.caption, self.connection)
        self.message = MessageLabel("firstAdminMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setWindowIcon(icons.icon(icons.APP_ICON))
        self.setMinimumWidth(500)
        self.username.setFocus()
        self.retranslateUi()

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
        try:
            operator = self.app.services.auth.create_first_admin(self.data())
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            field = self._fields.get(exc.field or "") if isinstance(exc, ValidationError) else None
            if field is not None:
                field.setFocus()
                field.selectAll()
            return
        log.info("first administrator %s created", operator.username)
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
        if not chosen.services.auth.needs_first_admin():
            self.done(self.NEEDS_LOGIN)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

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
