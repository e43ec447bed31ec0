"""What the customer dialogs share: the services and operator they act with, and the message line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from mandant_desktop.domain.errors import ConflictError, DatabaseUnavailableError, DomainError
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.forms import MessageLabel

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import Services
    from mandant_desktop.services.operator import Operator

R = TypeVar("R")


@dataclass(frozen=True)
class Actor:
    """The services and the operator (with the tenant filter) a dialog works with."""

    services: Services
    operator: Operator


class CustomerDialog(QDialog):
    """A dialog with a message line for refusals and OK / Cancel buttons."""

    def __init__(self, actor: Actor, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setObjectName(object_name)
        self.message = MessageLabel(f"{object_name}Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def attempt(self, fn: Callable[..., R], *args: object, **kwargs: object) -> tuple[bool, R | None]:
        """Call a service; a refusal is shown on the message line and the dialog stays open."""
        try:
            return True, fn(*args, **kwargs)
        except DatabaseUnavailableError as exc:
            # The main window's banner says it (S5); the dialog keeps what was typed.
            run_action(self, _raise_again, exc)
            return False, None
        except ConflictError as exc:
            from mandant_desktop.ui.conflict_dialog import report_stale_save

            report_stale_save(self, self.message.show_error, exc)
            return False, None
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            return False, None

    def save(self) -> None:
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        """Apply every text again."""


def set_remote_access_texts(check: QCheckBox) -> None:
    """The remote access check box says the same in "Create customer" and "Properties" (C2, C9):
    whether the customer is set up for the Portal Services, in the seed's words."""
    check.setText(QCoreApplication.translate("CustomerDialog", "Set up for the Portal Services"))
    check.setToolTip(
        QCoreApplication.translate(
            "CustomerDialog",
            "The customer works with the Portal Services: it has a customer rights group, external users "
            "and an exchange area of the quota's size.",
        )
    )


def set_agency_texts(check: QCheckBox) -> None:
    """The agency check box says the same in "Create customer" and "Properties" (C2, C9), in the
    seed's words: the customer acts as an agency, and so appears where an agency is chosen."""
    check.setText(QCoreApplication.translate("CustomerDialog", "The customer acts as an agency"))
    check.setToolTip(
        QCoreApplication.translate(
            "CustomerDialog",
            "An agency appears in every list of agencies to choose from, e.g. as the default agency of other "
            "customers.",
        )
    )


def _raise_again(exc: Exception) -> None:
    raise exc
