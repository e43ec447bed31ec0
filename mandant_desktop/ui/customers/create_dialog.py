"""The dialog "Create customer" (SPEC C2, C6)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from mandant_desktop.domain import customers as rules
from mandant_desktop.services.customers import CreatedCustomer, NewCustomer
from mandant_desktop.ui import interaction
from mandant_desktop.ui.customers.common import Actor, CustomerDialog, set_agency_texts, set_remote_access_texts
from mandant_desktop.ui.formats import whole_number_input
from mandant_desktop.ui.forms import line_edit, open_at_least


class CreateCustomerDialog(CustomerDialog):
    """Number (required, unique), name, short name, tenant, remote access, quota, agency."""

    def __init__(self, actor: Actor, tenants: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(actor, "createCustomerDialog", parent)
        self.created: CreatedCustomer | None = None
        self.number_edit = line_edit("customerNumberEdit", max_length=rules.NUMBER_MAX)
        self.name_edit = line_edit("customerNameEdit", max_length=rules.NAME_MAX)
        self.short_name_edit = line_edit("customerShortNameEdit", max_length=rules.SHORT_NAME_MAX)
        self.tenant_combo = QComboBox()
        self.tenant_combo.setObjectName("customerTenantCombo")
        for tenant_id, name in tenants:
            self.tenant_combo.addItem(name, tenant_id)
        self.remote_check = QCheckBox()
        self.remote_check.setObjectName("customerRemoteCheck")
        self.quota_edit = line_edit("customerQuotaEdit", max_length=12)
        self.agency_check = QCheckBox()
        self.agency_check.setObjectName("customerAgencyCheck")
        self.remote_note = QLabel()
        self.remote_note.setWordWrap(True)
        self._labels = [QLabel() for _ in range(7)]
        form = QFormLayout()
        for label, field in zip(
            self._labels,
            (
                self.number_edit,
                self.name_edit,
                self.short_name_edit,
                self.tenant_combo,
                self.remote_check,
                self.quota_edit,
                self.agency_check,
            ),
            strict=True,
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remote_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.remote_check.toggled.connect(self._remote_toggled)
        self._remote_toggled(False)
        self.retranslateUi()
        open_at_least(self, 77)

    def _remote_toggled(self, on: bool) -> None:
        # The quota is the size of the portal exchange area: it means nothing without remote access.
        self.quota_edit.setEnabled(on)
        self.remote_note.setVisible(on)

    def new_customer(self) -> NewCustomer:
        tenant = self.tenant_combo.currentData()
        return NewCustomer(
            number=self.number_edit.text(),
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            tenant_id=int(tenant) if tenant is not None else 0,
            remote_access=self.remote_check.isChecked(),
            quota_mb=whole_number_input(self.quota_edit.text()) if self.remote_check.isChecked() else None,
            is_agency=self.agency_check.isChecked(),
        )

    def save(self) -> None:
        self.message.clear_message()
        data = self.new_customer()
        if self.tenant_combo.count() == 0:
            self.message.show_error(self.tr("You have full access to no tenant, so you cannot create customers."))
            return
        customers = self.actor.services.customers
        ok, old = self.attempt(customers.deleted_number, self.actor.operator, data.number)
        if not ok:
            return
        if old is not None:
            local = old.deleted_at.astimezone().date()
            when = QLocale().toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)
            agreed = interaction.get().confirm(
                self,
                self.tr("Customer number used before"),
                self.tr(
                    "The customer number %1 belonged to the deleted customer “%2” (deleted on %3). A new customer "
                    "with this number regains the access rights to all jobs of the deleted one. Create it anyway?"
                )
                .replace("%1", old.number)
                .replace("%2", old.name)
                .replace("%3", when),
                ok_text=self.tr("Create anyway"),
                destructive=True,
            )
            if not agreed:
                return
        ok, created = self.attempt(customers.create, self.actor.operator, data)
        if ok and created is not None:
            self.created = created
            self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Create customer"))
        texts = (
            self.tr("&Number:"),
            self.tr("N&ame:"),
            self.tr("&Short name:"),
            self.tr("&Tenant:"),
            self.tr("&Remote access:"),
            self.tr("&Quota (MB):"),
            self.tr("A&gency:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        set_remote_access_texts(self.remote_check)
        set_agency_texts(self.agency_check)
        self.quota_edit.setPlaceholderText(self.tr("size of the exchange area, e.g. 500"))
        self.remote_note.setText(
            self.tr(
                "Saving creates the customer's rights group and then opens “Access rights” and “Assign contact person”."
            )
        )
