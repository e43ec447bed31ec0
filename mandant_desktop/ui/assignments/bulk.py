"""The bulk edit panel (SPEC A2): add or remove N roles × M users × K units, with a preview that
is counted on a worker (S5): only the newest count is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.assignments import BulkEdit, BulkPreview
from mandant_desktop.ui import tasks
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.multi_select import MultiSelectButton

PreviewFn = Callable[[BulkEdit], BulkPreview]


class BulkEditPanel(QFrame):
    """Choose the mode and the three sets; the preview follows every change; Confirm applies."""

    #: the operator confirmed this edit
    confirmed = Signal(object)

    def __init__(self, preview: PreviewFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._preview_fn = preview
        self._count = tasks.Latest[BulkPreview](self)
        self.last_preview: BulkPreview | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.add_radio = QRadioButton()
        self.add_radio.setObjectName("bulkAddMode")
        self.add_radio.setChecked(True)
        self.remove_radio = QRadioButton()
        self.remove_radio.setObjectName("bulkRemoveMode")
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.add_radio)
        self._modes.addButton(self.remove_radio)
        self.roles = MultiSelectButton("bulkRoles")
        self.users = MultiSelectButton("bulkUsers")
        self.units = MultiSelectButton("bulkUnits")
        self.preview_label = QLabel()
        self.preview_label.setObjectName("bulkPreview")
        self.preview_label.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("bulkConfirmButton")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self._confirm)
        modes = QHBoxLayout()
        modes.addWidget(self.add_radio)
        modes.addWidget(self.remove_radio)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(modes)
        for button in (self.roles, self.users, self.units):
            button.setMinimumWidth(text_width(button, 40))
            layout.addWidget(button)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.confirm_button)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        for button in (self.roles, self.users, self.units):
            button.changed.connect(self._timer.start)
        self._modes.buttonToggled.connect(lambda *_: self._timer.start())
        self._modes.buttonToggled.connect(self._mode_text)
        self.setMinimumWidth(text_width(self, 46.6))
        self.retranslateUi()

    def edit(self) -> BulkEdit:
        return BulkEdit(
            remove=self.remove_radio.isChecked(),
            role_ids=tuple(self.roles.checked()),
            user_ids=tuple(self.users.checked()),
            unit_ids=tuple(self.units.checked()),
        )

    @property
    def busy(self) -> bool:
        """True while a preview is being counted."""
        return self._count.busy

    def update_preview(self) -> None:
        """Count what the chosen edit would do, on a worker; Confirm waits for the answer."""
        self._timer.stop()
        edit = self.edit()
        self.last_preview = None
        self.confirm_button.setEnabled(False)
        if not (edit.role_ids and edit.user_ids and edit.unit_ids):
            if self._count.task is not None:
                self._count.task.cancel()
            self.preview_label.setText(self.tr("Choose roles, users and org units."))
            return
        self._count.run(
            self._preview_fn,
            edit,
            on_done=lambda preview: self._show_preview(edit, preview),
            on_error=lambda exc: self.preview_label.setText(message_for(exc)),
            shows_error=True,  # where the preview would be
        )

    def _show_preview(self, edit: BulkEdit, preview: BulkPreview) -> None:
        if edit != self.edit():
            return  # the choice changed meanwhile; its own count follows
        self.last_preview = preview
        if edit.remove:
            lines = [
                self.tr("Removes %Ln assignment(s).", None, preview.to_remove),
                self.tr("Not present: %Ln.", None, preview.not_present),
            ]
        else:
            lines = [
                self.tr("Adds %Ln assignment(s).", None, preview.to_add),
                self.tr("Already present: %Ln.", None, preview.already_present),
            ]
        if preview.inherited_skipped:
            lines.append(
                self.tr(
                    "Left alone because inherited (change on the org units page): %Ln.", None, preview.inherited_skipped
                )
            )
        if preview.users_left_without_role:
            names = ", ".join(preview.users_left_without_role[:8])
            more = " …" if len(preview.users_left_without_role) > 8 else ""
            lines.append(self.tr("Afterwards without any role, so they cannot log in: %1").replace("%1", names + more))
        self.preview_label.setText("\n".join(lines))
        self.confirm_button.setEnabled(preview.changes > 0)

    def _confirm(self) -> None:
        if self.last_preview is not None and self.last_preview.changes:
            self.confirmed.emit(self.edit())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Bulk edit"))
        self.add_radio.setText(self.tr("A&dd"))
        self.remove_radio.setText(self.tr("Re&move"))
        self.roles.set_label(self.tr("Roles"), self.tr("none chosen"))
        self.users.set_label(self.tr("Users"), self.tr("none chosen"))
        self.units.set_label(self.tr("Org units"), self.tr("none chosen"))
        self._mode_text()

    def _mode_text(self, *_args: object) -> None:
        self.confirm_button.setText(
            self.tr("Confirm removal") if self.remove_radio.isChecked() else self.tr("Confirm adding")
        )
