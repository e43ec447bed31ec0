"""A small form dialog that saves through a service and shows a refusal under the form.

A :class:`~mandant_desktop.domain.errors.ValidationError` names the input that is wrong; the
dialog puts the focus there and keeps everything typed. Other refusals show in the same line. The
dialog closes only when the save went through.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from mandant_desktop.domain.errors import ConflictError, DatabaseUnavailableError, DomainError, ValidationError
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import MessageLabel


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message = MessageLabel("formMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("formButtons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        #: service field name → the widget that edits it
        self.fields: dict[str, QWidget] = {}

    def showEvent(self, event: QShowEvent) -> None:
        # E2: the button box is made before the subclass's inputs, so it heads the focus chain and
        # Qt would open the form with the focus on OK. Start at the first input instead; Tab still
        # reaches OK and Cancel last.
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is not None and not self.buttons.isAncestorOf(focus):
            return
        widget = self.buttons.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isEnabled()
                and widget.isVisibleTo(self)
                and not self.buttons.isAncestorOf(widget)
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def save(self) -> None:
        """Call the service; raise a DomainError to refuse."""
        raise NotImplementedError

    def submit(self) -> None:
        self.message.clear_message()
        try:
            self.save()
        except DatabaseUnavailableError as exc:
            self.message.show_error(message_for(exc))
            return
        except ConflictError as exc:
            from mandant_desktop.ui.conflict_dialog import report_stale_save

            report_stale_save(self, self.message.show_error, exc)
            return
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            field = exc.field if isinstance(exc, ValidationError) else None
            widget = self.fields.get(field or "")
            if widget is not None:
                widget.setFocus()
            return
        self.accept()
