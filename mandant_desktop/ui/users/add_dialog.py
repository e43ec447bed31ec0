"""The "Add user" dialog (SPEC U2): validated fields; the service decides, the dialog shows why not.

:class:`UserFormDialog` holds the fields of a user and shows the service's refusals; "Add user"
here and "Edit user" (``edit_dialog``) are built on it, so that both ask the same and say the same.
"""

from __future__ import annotations

import unicodedata
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

from mandant_desktop.domain.errors import ConflictError, DomainError, ValidationError
from mandant_desktop.services.users import NewUser
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import MessageLabel, line_edit, text_width

#: saves the new user; raises a DomainError when it cannot
Save = Callable[[NewUser], object]


#: German letters written out as a German reader expects them, before other accents are dropped
_GERMAN_LETTERS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
#: letters that Unicode does not decompose into a base letter and a mark
_OTHER_LETTERS = (("ł", "l"), ("ø", "o"), ("đ", "d"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"))


def suggested_username(first: str, last: str) -> str:
    """First letter and last name in the letters a user name allows: "Jürgen Weiß" → "jweiss";
    other accents lose their mark ("Dąbrowski" → "dabrowski", "Yılmaz" → "yilmaz")."""
    text = (first[:1] + last).lower()
    for letter, ascii_text in _GERMAN_LETTERS + _OTHER_LETTERS:
        text = text.replace(letter, ascii_text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in "._-"))


class UserFormDialog(QDialog):
    """First name, last name, user name, e-mail and SSO of a user, the message line and Save /
    Cancel. A subclass fills in :meth:`save`; a refusal stays in the dialog with the input."""

    def __init__(self, object_name: str, message_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.result_value: object = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first_name = line_edit("userFirstName", max_length=100)
        self.last_name = line_edit("userLastName", max_length=100)
        self.username = line_edit("userUsername", max_length=100)
        self.email = line_edit("userEmail", max_length=254)
        self.sso = QCheckBox()
        self.sso.setObjectName("userSso")
        self.message = MessageLabel(message_name)
        self._labels = [QLabel() for _ in range(4)]
        self.form = QFormLayout()
        for label, edit in zip(self._labels, (self.first_name, self.last_name, self.username, self.email), strict=True):
            label.setBuddy(edit)
            self.form.addRow(label, edit)
        self.form.addRow("", self.sso)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        # On the text, not the dialog: a dialog's own minimum would switch off its layout's, and
        # the long German check box text would be cut when the dialog opens narrow (E5).
        self.intro.setMinimumWidth(text_width(self.intro, 70))

    def save(self) -> object:
        """Call the service with the input; raise a DomainError to refuse."""
        raise NotImplementedError

    def try_save(self) -> None:
        self.message.clear_message()
        try:
            self.result_value = self.save()
        except ConflictError as exc:
            from mandant_desktop.ui.conflict_dialog import report_stale_save

            report_stale_save(self, self.message.show_error, exc)
            return
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
        for label, text in zip(
            self._labels,
            (self.tr("&First name:"), self.tr("&Last name:"), self.tr("&User name:"), self.tr("&E-mail:")),
            strict=True,
        ):
            label.setText(text)
        self.sso.setText(self.tr("Signs in with single sign-on (&SSO): no password of their own"))


class AddUserDialog(UserFormDialog):
    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__("addUserDialog", "addUserMessage", parent)
        self._save = save
        self.first_name.textEdited.connect(self._suggest_username)
        self.last_name.textEdited.connect(self._suggest_username)
        self.username.textEdited.connect(self._username_typed)
        self._username_touched = False
        self.retranslateUi()

    def _username_typed(self, _text: str) -> None:
        self._username_touched = True

    def _suggest_username(self, _text: str) -> None:
        """A user name from the names (first letter + last name), until the operator types one."""
        if self._username_touched:
            return
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        self.username.setText(suggested_username(first, last))

    def data(self) -> NewUser:
        return NewUser(
            username=self.username.text(),
            email=self.email.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            sso=self.sso.isChecked(),
        )

    def save(self) -> object:
        return self._save(self.data())

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Add user"))
        self.intro.setText(
            self.tr(
                "The user receives an e-mail with an activation link that is valid for 7 days. "
                "Until then the account is listed as pending activation."
            )
        )
