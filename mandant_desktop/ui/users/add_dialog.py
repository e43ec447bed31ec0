"""The "Add user" dialog (SPEC U2): validated fields; the service decides, the dialog shows why not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.services.users import NewUser
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import MessageLabel, line_edit, text_width

#: saves the new user; raises a DomainError when it cannot
Save = Callable[[NewUser], object]


class AddUserDialog(QDialog):
    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self._save = save
        self.result_value: object = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first_name = line_edit("userFirstName", max_length=100)
        self.last_name = line_edit("userLastName", max_length=100)
        self.username = line_edit("userUsername", max_length=100)
        self.email = line_edit("userEmail", max_length=254)
        self.sso = QCheckBox()
        self.sso.setObjectName("userSso")
        self.message = MessageLabel("addUserMessage")
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, edit in zip(self._labels, (self.first_name, self.last_name, self.username, self.email), strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.addRow("", self.sso)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.first_name.textEdited.connect(self._suggest_username)
        self.last_name.textEdited.connect(self._suggest_username)
        self.username.textEdited.connect(self._username_typed)
        self._username_touched = False
        # On the text, not the dialog: a dialog's own minimum would switch off its layout's, and
        # the long German check box text would be cut when the dialog opens narrow (E5).
        self.intro.setMinimumWidth(text_width(self.intro, 70))
        self.retranslateUi()

    def _username_typed(self, _text: str) -> None:
        self._username_touched = True

    def _suggest_username(self, _text: str) -> None:
        """A user name from the names (first letter + last name), until the operator types one."""
        if self._username_touched:
            return
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        suggestion = (first[:1] + last).lower()
        for umlaut, ascii_text in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            suggestion = suggestion.replace(umlaut, ascii_text)
        self.username.setText("".join(c for c in suggestion if c.isascii() and (c.isalnum() or c in "._-")))

    def data(self) -> NewUser:
        return NewUser(
            username=self.username.text(),
            email=self.email.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            sso=self.sso.isChecked(),
        )

    def try_save(self) -> None:
        try:
            self.result_value = self._save(self.data())
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            field = exc.field if isinstance(exc, ValidationError) else None
            target = {
                "username": self.username,
                "email": self.email,
                "first name": self.first_name,
                "last name": self.last_name,
            }.get(field or "")
            if isinstance(target, QLineEdit):
                target.setFocus()
                target.selectAll()
            return
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Add user"))
        self.intro.setText(
            self.tr(
                "The user receives an e-mail with an activation link that is valid for 7 days. "
                "Until then the account is listed as pending activation."
            )
        )
        for label, text in zip(
            self._labels,
            (self.tr("&First name:"), self.tr("&Last name:"), self.tr("&User name:"), self.tr("&E-mail:")),
            strict=True,
        ):
            label.setText(text)
        self.sso.setText(self.tr("Signs in with single sign-on (&SSO): no password of their own"))
