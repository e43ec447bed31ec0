"""The dialog "Properties" of a customer (SPEC C9)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mandant_desktop.services.customers import CustomerDetails, PropertiesChange, agency_label
from mandant_desktop.ui import interaction
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.customers.agency_dialogs import SelectAgencyDialog
from mandant_desktop.ui.customers.common import Actor, CustomerDialog, set_agency_texts, set_remote_access_texts
from mandant_desktop.ui.formats import number_text, whole_number_input
from mandant_desktop.ui.forms import line_edit, open_at_least


class CustomerPropertiesDialog(CustomerDialog):
    """Remote access, quota, agency, default agency."""

    def __init__(self, actor: Actor, details: CustomerDetails, parent: QWidget | None = None) -> None:
        super().__init__(actor, "customerPropertiesDialog", parent)
        self.details = details
        self.updated: CustomerDetails | None = None
        self._agency_id = details.default_agency_id
        self._agency_text = details.default_agency
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.remote_check = QCheckBox()
        self.remote_check.setObjectName("propertiesRemoteCheck")
        self.remote_check.setChecked(details.remote_access)
        self.quota_edit = line_edit("propertiesQuotaEdit", max_length=12)
        # As the table shows it ("10.000"), and read back the same way (E1).
        self.quota_edit.setText(number_text(details.quota_mb))
        self.agency_check = QCheckBox()
        self.agency_check.setObjectName("propertiesAgencyCheck")
        self.agency_check.setChecked(details.is_agency)
        self.default_agency_value = QLabel()
        self.default_agency_value.setObjectName("defaultAgencyValue")
        self.select_agency_button = QPushButton()
        self.select_agency_button.setObjectName("selectAgencyButton")
        self.select_agency_button.setAutoDefault(False)
        self.clear_agency_button = QPushButton()
        self.clear_agency_button.setObjectName("clearAgencyButton")
        self.clear_agency_button.setAutoDefault(False)
        self.select_agency_button.clicked.connect(self.select_agency)
        self.clear_agency_button.clicked.connect(self.clear_agency)
        agency_row = QHBoxLayout()
        agency_row.addWidget(self.default_agency_value, 1)
        agency_row.addWidget(self.select_agency_button)
        agency_row.addWidget(self.clear_agency_button)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self._labels[0], self.remote_check)
        form.addRow(self._labels[1], self.quota_edit)
        form.addRow(self._labels[2], self.agency_check)
        form.addRow(self._labels[3], agency_row)
        for label, buddy in zip(
            self._labels,
            (self.remote_check, self.quota_edit, self.agency_check, self.select_agency_button),
            strict=True,
        ):
            label.setBuddy(buddy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.remote_check.toggled.connect(self.quota_edit.setEnabled)
        self.quota_edit.setEnabled(details.remote_access)
        for widget in (
            self.remote_check,
            self.quota_edit,
            self.agency_check,
            self.select_agency_button,
            self.clear_agency_button,
        ):
            widget.setEnabled(widget.isEnabled() and details.editable)
        self.ok_button.setEnabled(details.editable)
        self.retranslateUi()
        open_at_least(self, 110)

    def _show_agency(self) -> None:
        self.default_agency_value.setText(self._agency_text or self.tr("No agency set"))
        self.clear_agency_button.setEnabled(self._agency_id is not None and self.details.editable)

    def select_agency(self) -> None:
        dialog = SelectAgencyDialog(self.actor, exclude=self.details.id, parent=self)
        if dialog_runner.run(dialog) and dialog.selected is not None:
            self._agency_id = dialog.selected.id
            self._agency_text = agency_label(dialog.selected.name, dialog.selected.number)
            self._show_agency()

    def clear_agency(self) -> None:
        self._agency_id = None
        self._agency_text = None
        self._show_agency()

    def save(self) -> None:
        self.message.clear_message()
        remote = self.remote_check.isChecked()
        if self.details.remote_access and not remote:
            ok, users = self.attempt(
                self.actor.services.customers.external_user_count, self.actor.operator, [self.details.id]
            )
            if not ok:
                return
            agreed = interaction.get().confirm(
                self,
                self.tr("Remove remote access"),
                self.tr(
                    "Without remote access the customer's rights group %1 and all external users of the "
                    "customer (%2) are deleted. This cannot be undone. Remove remote access?"
                )
                .replace("%1", self.details.group_name or "")
                .replace("%2", number_text(users or 0)),
                ok_text=self.tr("Remove remote access"),
                destructive=True,
            )
            if not agreed:
                return
        change = PropertiesChange(
            remote_access=remote,
            quota_mb=whole_number_input(self.quota_edit.text()) if remote else None,
            is_agency=self.agency_check.isChecked(),
            default_agency_id=self._agency_id,
        )
        ok, updated = self.attempt(
            self.actor.services.customers.update_properties,
            self.actor.operator,
            self.details.id,
            change,
            expected_version=self.details.version,
        )
        if ok:
            self.updated = updated
            self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Properties"))
        self.heading.setText(
            self.tr("Customer %1 – %2 (tenant %3)")
            .replace("%1", self.details.number)
            .replace("%2", self.details.name)
            .replace("%3", self.details.tenant)
        )
        for label, text in zip(
            self._labels,
            (self.tr("&Remote access:"), self.tr("&Quota (MB):"), self.tr("A&gency:"), self.tr("&Default agency:")),
            strict=True,
        ):
            label.setText(text)
        set_remote_access_texts(self.remote_check)
        set_agency_texts(self.agency_check)
        self.select_agency_button.setText(self.tr("&Select…"))
        self.clear_agency_button.setText(self.tr("&No agency"))
        self._show_agency()
