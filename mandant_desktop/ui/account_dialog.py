"""The frame the log-in and first-administrator dialogs share (SPEC S1).

Both show a header, a form, the database the account belongs to (with "Change…"), a message line
and OK/Cancel. When the operator changes to a database that needs the other dialog, this one ends
with :attr:`AccountDialog.SWITCH_DIALOG` and the caller shows the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.ui import icons, tasks
from mandant_desktop.ui.forms import ChooseDatabase, ConnectionLine, DialogHeader, MessageLabel, open_at_least

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator


class AccountDialog(QDialog):
    #: ``done()`` code: the newly chosen database needs the other dialog
    SWITCH_DIALOG = 2

    def __init__(
        self, app: AppContext, *, choose_database: ChooseDatabase | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.operator: Operator | None = None
        self._choose_database = choose_database
        self.header = DialogHeader()
        #: a check runs on a worker thread (S5); the inputs wait for its answer
        self.busy = False

    def _assemble(self, form: QFormLayout, *, message_name: str, width: int) -> None:
        """Add the connection row, the message line and the buttons after the subclass's inputs,
        so that the tab order runs inputs → Change… → OK/Cancel."""
        self.connection = ConnectionLine()
        self.connection.show_app(self.app)
        self.connection.change_button.setEnabled(self._choose_database is not None)
        self.connection.change_requested.connect(self._change_database)
        form.addRow(self.connection.caption, self.connection)
        self.message = MessageLabel(message_name)
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
        self.retranslateUi()
        open_at_least(self, width)

    def _check_off_thread(
        self, fn: Callable[..., Operator], *args: Any, on_error: Callable[[DomainError], None]
    ) -> None:
        """Run ``fn`` (argon2 and a database round trip) off the GUI thread; accept with its operator.

        The inputs and OK are disabled meanwhile, so that a second click cannot start a second check;
        a refusal (or a lost connection) comes back to ``on_error`` and the dialog stays open.
        """
        if self.busy:
            return
        self._set_busy(True)

        def done(operator: Operator) -> None:
            self._set_busy(False)
            self.operator = operator
            QDialog.accept(self)

        def failed(exc: DomainError) -> None:
            self._set_busy(False)
            on_error(exc)

        tasks.run(self, fn, *args, on_done=done, on_error=failed, banner=False, shows_error=True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.connection.change_button.setEnabled(not busy and self._choose_database is not None)

    def _belongs_elsewhere(self, app: AppContext) -> bool:
        """True when ``app`` needs the other dialog (subclasses say which way round)."""
        raise NotImplementedError

    def _change_database(self) -> None:
        if self._choose_database is None:
            return
        chosen = self._choose_database(self)
        if chosen is None:
            return
        self.app = chosen
        self.connection.show_app(chosen)
        self.message.clear_message()
        if self._belongs_elsewhere(chosen):
            self.done(self.SWITCH_DIALOG)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        raise NotImplementedError
