"""The "Edit user" dialog (SPEC U2, U3, C10, S4): corrects a user's names and e-mail address; an
external user's are their contact's too.

It is the "Add user" dialog's form (:class:`~mandant_desktop.ui.users.add_dialog.UserFormDialog`)
with the user's values filled in; the user name, which the user logs in with, and single sign-on
are shown but not changed here. For a user still waiting for activation the dialog says before
saving what a new address does: a new link goes there, and the link sent to the old one stops
working.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from mandant_desktop.services.users import UserChange, UserDetails
from mandant_desktop.ui.users.add_dialog import UserFormDialog

#: saves the change of the user the dialog shows; raises a DomainError when it cannot
Update = Callable[[UserDetails, UserChange], object]


class EditUserDialog(UserFormDialog):
    def __init__(self, user: UserDetails, save: Update, parent: QWidget | None = None) -> None:
        super().__init__("editUserDialog", "editUserMessage", parent)
        self.user = user
        self._save = save
        self.first_name.setText(user.first_name)
        self.last_name.setText(user.last_name)
        self.username.setText(user.username)
        self.email.setText(user.email)
        self.sso.setChecked(user.sso)
        # The log-in name and the way of signing in are not corrected here: shown, not editable.
        self.username.setEnabled(False)
        self.sso.setEnabled(False)
        # An external user logs in on the customer portal with a password: no single sign-on.
        self.sso.setVisible(not user.external)
        self.link_note = QLabel()
        self.link_note.setObjectName("editUserLinkNote")
        self.link_note.setWordWrap(True)
        self.link_note.setVisible(user.waiting_for_activation)
        self.body.insertWidget(self.body.indexOf(self.message), self.link_note)
        self.email.textChanged.connect(self._show_link_note)
        self.retranslateUi()

    def data(self) -> UserChange:
        return UserChange(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
        )

    def save(self) -> object:
        return self._save(self.user, self.data())

    def address_changed(self) -> bool:
        return self.email.text().strip().casefold() != self.user.email.casefold()

    def _show_link_note(self) -> None:
        """Bold once the address differs: then saving sends the new link (U3)."""
        font = self.link_note.font()
        font.setBold(self.address_changed())
        self.link_note.setFont(font)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Edit user %1").replace("%1", self.user.username))
        if self.user.external:
            self.intro.setText(
                self.tr(
                    "External user of customer %1. Their name and e-mail address are those of their contact at "
                    "the customer and change there too; the first name and the address may stay empty. The user "
                    "name, which they log in with, stays as it is."
                ).replace("%1", self.user.customer)
            )
        else:
            self.intro.setText(
                self.tr(
                    "Correct the user's name and e-mail address. The user name, which they log in with, stays as it is."
                )
            )
        self.link_note.setText(
            self.tr(
                "This user has not activated their account yet. If you change the e-mail address, a new "
                "activation link goes to the new address when you save, and the link sent to %1 stops working."
            ).replace("%1", self.user.email)
        )
