"""The dialog "Delete customer entry" (SPEC C6): delete, or deactivate the external users instead."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mandant_desktop.services.customers import CustomerRow
from mandant_desktop.ui.customers.common import Actor, CustomerDialog
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import open_at_least


class DeleteChoice(Enum):
    CANCEL = "cancel"
    DELETE = "delete"
    DEACTIVATE = "deactivate"


class DeleteCustomerDialog(CustomerDialog):
    def __init__(
        self, actor: Actor, customers: list[CustomerRow], external_users: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(actor, "deleteCustomerDialog", parent)
        self.customers = customers
        self.external_users = external_users
        self.choice = DeleteChoice.CANCEL
        self.text = QLabel()
        self.text.setObjectName("deleteCustomerText")
        self.text.setWordWrap(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteCustomerConfirmButton")
        self.deactivate_button = QPushButton()
        self.deactivate_button.setObjectName("deactivateCustomerButton")
        self.buttons.addButton(self.deactivate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.clicked.connect(lambda: self._choose(DeleteChoice.DELETE))
        self.deactivate_button.clicked.connect(lambda: self._choose(DeleteChoice.DEACTIVATE))
        # The harmless answer is the default: Enter never deletes.
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        open_at_least(self, 87)

    def _choose(self, choice: DeleteChoice) -> None:
        self.choice = choice
        self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Delete customer entry"))
        several = len(self.customers) > 1
        if several:
            subject = self.tr("the %1 selected customers").replace("%1", number_text(len(self.customers)))
        else:
            c = self.customers[0]
            subject = self.tr("the customer %1 – %2").replace("%1", c.number).replace("%2", c.name)
        self.text.setText(
            self.tr(
                "Do you want to delete %1?\n\nDeleting also deletes the accounts of their external users (%2). If you "
                "later create a customer with the same customer number, that new customer gets the same access "
                "rights to all jobs as the deleted one had.\n\nInstead of deleting, you can deactivate all external "
                "users; the customer data is kept."
            )
            .replace("%1", subject)
            .replace("%2", number_text(self.external_users))
        )
        self.delete_button.setText(self.tr("&Delete"))
        self.deactivate_button.setText(self.tr("Deactivate &all") if several else self.tr("&Deactivate"))
