"""Dialogs of the contacts page: contact, person-role, distribution list, template, template import.

Creating anything asks for its tenant and offers only tenants with full access (T7). Objects of a
read-only tenant open for reading: every field locked, no OK button (T8). Masked personal fields
stay masked and locked; the service keeps what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.tenant_access import MASK
from mandant_desktop.services.contacts import ContactInput, ContactRow, RoleInput, RoleRow, TenantChoice
from mandant_desktop.services.lists import OnClash, TemplateRow
from mandant_desktop.ui.contacts.models import PickerModel
from mandant_desktop.ui.date_edit import OptionalDateEdit
from mandant_desktop.ui.forms import line_edit, open_at_least
from mandant_desktop.ui.search_filter import FoldedFilterProxy
from mandant_desktop.ui.tenants.form_dialog import FormDialog

NO_BIRTHDAY = QDate(1900, 1, 1)


def tenant_combo(choices: list[TenantChoice], current: tuple[int, str] | None) -> QComboBox:
    """The tenant of a new object: only tenants with full access (T7); fixed for an existing one."""
    combo = QComboBox()
    combo.setObjectName("tenantCombo")
    if current is not None:
        combo.addItem(current[1], current[0])
        combo.setEnabled(False)
        return combo
    for choice in choices:
        combo.addItem(choice.name, choice.id)
    return combo


class _Dialog(FormDialog):
    #: the width a dialog opens with at least; narrower when the user wants, down to what its layout needs
    WIDTH = 460

    def __init__(self, parent: QWidget | None, *, read_only: bool, may_edit: bool = True) -> None:
        super().__init__(parent)
        # Read only for an object of a read-only tenant (T8) and for an operator without the right
        # to change contacts (S1): the service would refuse the save, so the dialog offers none.
        self.read_only = read_only or not may_edit
        self.may_edit = may_edit
        self.saved_id: int | None = None

    def sizeHint(self) -> QSize:
        # Not setMinimumWidth: an explicit minimum replaces the layout's, and the import dialog's
        # German radio button texts were cut where the screen left less than their width.
        return super().sizeHint().expandedTo(QSize(self.WIDTH, 0))

    def lock(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)

    def finish(self) -> None:
        if self.read_only:
            self.lock(*self.fields.values())
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setVisible(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
            self.message.show_info(
                self.tr("Read only: you may not change data of this tenant.")
                if self.may_edit
                else self.tr("Read only: you do not have the right to change contacts and distribution lists.")
            )


class ContactDialog(_Dialog):
    def __init__(
        self,
        save: Callable[[int, ContactInput], int],
        choices: list[TenantChoice],
        row: ContactRow | None = None,
        parent: QWidget | None = None,
        *,
        may_edit: bool = True,
    ) -> None:
        super().__init__(parent, read_only=row is not None and not row.editable, may_edit=may_edit)
        self.setObjectName("contactDialog")
        self._save = save
        self.tenant = tenant_combo(choices, (row.tenant_id, row.tenant) if row else None)
        self.salutation = line_edit("contactSalutation", max_length=30)
        self.first_name = line_edit("contactFirstName", max_length=100)
        self.last_name = line_edit("contactLastName", max_length=100)
        self.contact_type = line_edit("contactType", max_length=50)
        self.email = line_edit("contactEmail", max_length=254)
        self.phone = line_edit("contactPhone", max_length=50)
        self.street = line_edit("contactStreet", max_length=200)
        self.postal_code = line_edit("contactPostalCode", max_length=20)
        self.city = line_edit("contactCity", max_length=100)
        self.birthday = OptionalDateEdit()
        self.birthday.setObjectName("contactBirthday")
        self.birthday.setCalendarPopup(True)
        self.birthday.setMinimumDate(NO_BIRTHDAY)
        self.birthday.setSpecialValueText(self.tr("not known"))
        self.birthday.setDate(NO_BIRTHDAY)
        self.fields = {
            "tenant": self.tenant,
            "salutation": self.salutation,
            "first name": self.first_name,
            "last name": self.last_name,
            "contact type": self.contact_type,
            "email": self.email,
            "phone": self.phone,
            "street": self.street,
            "postal code": self.postal_code,
            "city": self.city,
            "birthday": self.birthday,
        }
        self._labels: list[QLabel] = []
        for widget in self.fields.values():
            label = QLabel()
            label.setBuddy(widget)
            self._labels.append(label)
            self.form.addRow(label, widget)
        self._masked = row is not None and not row.private
        if row is not None:
            self.salutation.setText(row.salutation)
            self.first_name.setText(row.first_name)
            self.last_name.setText(row.last_name)
            self.contact_type.setText(row.contact_type)
            for edit, value in (
                (self.email, row.email),
                (self.phone, row.phone),
                (self.street, row.street),
                (self.postal_code, row.postal_code),
                (self.city, row.city),
            ):
                edit.setText(value or "")
            if row.birthday and row.birthday != MASK:
                self.birthday.setDate(QDate.fromString(row.birthday, Qt.DateFormat.ISODate))
            if self._masked:
                self.lock(self.email, self.phone, self.street, self.postal_code, self.city, self.birthday)
                self.birthday.setSpecialValueText(MASK)
                self.birthday.setDate(NO_BIRTHDAY)
                self.email.setToolTip(self.tr("Hidden: you lack the private-data right for this tenant"))
        self.row = row
        self.finish()
        self.retranslateUi()

    def data(self) -> ContactInput:
        date = self.birthday.date()
        birthday = None if date == NO_BIRTHDAY else dt.date(date.year(), date.month(), date.day())
        return ContactInput(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            salutation=self.salutation.text(),
            contact_type=self.contact_type.text(),
            email="" if self._masked else self.email.text(),
            phone="" if self._masked else self.phone.text(),
            street="" if self._masked else self.street.text(),
            postal_code="" if self._masked else self.postal_code.text(),
            city="" if self._masked else self.city.text(),
            birthday=None if self._masked else birthday,
        )

    def save(self) -> None:
        tenant = self.tenant.currentData()
        if tenant is None:
            raise ValidationError("Please choose a tenant with full access.", field="tenant")
        self.saved_id = self._save(tenant, self.data())

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("New contact") if self.row is None else self.tr("Contact"))
        texts = (
            self.tr("&Tenant:"),
            self.tr("&Salutation:"),
            self.tr("&First name:"),
            self.tr("&Last name:"),
            self.tr("T&ype:"),
            self.tr("&E-mail:"),
            self.tr("&Phone:"),
            self.tr("St&reet:"),
            self.tr("P&ostal code:"),
            self.tr("&City:"),
            self.tr("&Birthday:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.contact_type.setPlaceholderText(self.tr("e.g. Press, Politics"))


class RoleDialog(_Dialog):
    def __init__(
        self,
        save: Callable[[int, RoleInput], int],
        choices: list[TenantChoice],
        contact_name: str,
        row: RoleRow | None = None,
        parent: QWidget | None = None,
        *,
        may_edit: bool = True,
    ) -> None:
        super().__init__(parent, read_only=row is not None and not row.editable, may_edit=may_edit)
        self.setObjectName("personRoleDialog")
        self._save = save
        self.row = row
        self.contact_name = contact_name
        self.tenant = tenant_combo(choices, None)
        if row is not None:
            index = self.tenant.findData(row.tenant_id)
            if index < 0:
                self.tenant.addItem(row.tenant, row.tenant_id)
                index = self.tenant.count() - 1
            self.tenant.setCurrentIndex(index)
        self.organisation = line_edit("roleOrganisation", max_length=200)
        self.function = line_edit("roleFunction", max_length=100)
        self.email = line_edit("roleEmail", max_length=254)
        self.phone = line_edit("rolePhone", max_length=50)
        self.street = line_edit("roleStreet", max_length=200)
        self.postal_code = line_edit("rolePostalCode", max_length=20)
        self.city = line_edit("roleCity", max_length=100)
        self.fields = {
            "tenant": self.tenant,
            "organisation": self.organisation,
            "function": self.function,
            "email": self.email,
            "phone": self.phone,
            "street": self.street,
            "postal code": self.postal_code,
            "city": self.city,
        }
        self._labels: list[QLabel] = []
        for widget in self.fields.values():
            label = QLabel()
            label.setBuddy(widget)
            self._labels.append(label)
            self.form.addRow(label, widget)
        self._masked = row is not None and not row.private
        if row is not None:
            self.organisation.setText(row.organisation)
            self.function.setText(row.function)
            for edit, value in (
                (self.email, row.email),
                (self.phone, row.phone),
                (self.street, row.street),
                (self.postal_code, row.postal_code),
                (self.city, row.city),
            ):
                edit.setText(value or "")
            if self._masked:
                self.lock(self.email, self.phone, self.street, self.postal_code, self.city)
        self.finish()
        self.retranslateUi()

    def data(self) -> RoleInput:
        masked = self._masked
        return RoleInput(
            organisation=self.organisation.text(),
            function=self.function.text(),
            email="" if masked else self.email.text(),
            phone="" if masked else self.phone.text(),
            street="" if masked else self.street.text(),
            postal_code="" if masked else self.postal_code.text(),
            city="" if masked else self.city.text(),
        )

    def save(self) -> None:
        tenant = self.tenant.currentData()
        if tenant is None:
            raise ValidationError("Please choose a tenant with full access.", field="tenant")
        self.saved_id = self._save(tenant, self.data())

    def retranslateUi(self) -> None:
        title = self.tr("New person-role") if self.row is None else self.tr("Person-role")
        self.setWindowTitle(f"{title} — {self.contact_name}")
        texts = (
            self.tr("&Tenant:"),
            self.tr("&Organisation:"),
            self.tr("&Function:"),
            self.tr("&E-mail:"),
            self.tr("&Phone:"),
            self.tr("St&reet:"),
            self.tr("Po&stal code:"),  # not P&ostal: &Organisation has the O here
            self.tr("&City:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)


class ListDialog(_Dialog):
    """A distribution list with its members picked from the visible person-roles (T7, T10)."""

    def __init__(
        self,
        save: Callable[[int, str, str, set[tuple[int, int]]], int],
        choices: list[TenantChoice],
        roles: list[RoleRow],
        members: set[tuple[int, int]],
        current: tuple[int, str] | None = None,
        name: str = "",
        description: str = "",
        read_only: bool = False,
        parent: QWidget | None = None,
        *,
        may_edit: bool = True,
    ) -> None:
        super().__init__(parent, read_only=read_only, may_edit=may_edit)
        self.setObjectName("distributionListDialog")
        self._save = save
        self._new = current is None
        self.tenant = tenant_combo(choices, current)
        self.name = line_edit("listName", max_length=200)
        self.name.setText(name)
        self.description = line_edit("listDescription", max_length=500)
        self.description.setText(description)
        self.picker_model = PickerModel(self)
        self.picker_model.set_rows(roles)
        self.picker_model.chosen = set(members)
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.picker_model)
        self.search = QLineEdit()
        self.search.setObjectName("listMemberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.picker = QListView()
        self.picker.setObjectName("listMemberPicker")
        self.picker.setModel(self.proxy)
        self.picker.setUniformItemSizes(True)
        self.picker.setMinimumHeight(260)
        picker_box = QWidget()
        box_layout = QVBoxLayout(picker_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.search)
        box_layout.addWidget(self.picker)
        self.fields = {"tenant": self.tenant, "list name": self.name, "description": self.description}
        self._labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self._labels, (self.tenant, self.name, self.description, picker_box), strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        if self.read_only:
            self.picker.setEnabled(True)
            self.picker_model.set_rows([r for r in roles if r.key in members])
        self.finish()
        self.retranslateUi()
        open_at_least(self, 103, 40)

    def save(self) -> None:
        tenant = self.tenant.currentData()
        if tenant is None:
            raise ValidationError("Please choose a tenant with full access.", field="tenant")
        self.saved_id = self._save(tenant, self.name.text(), self.description.text(), set(self.picker_model.chosen))

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("New distribution list") if self._new else self.tr("Distribution list"))
        for label, text in zip(
            self._labels,
            (self.tr("&Tenant:"), self.tr("&Name:"), self.tr("&Description:"), self.tr("&Members:")),
            strict=True,
        ):
            label.setText(text)
        self.search.setPlaceholderText(self.tr("Search person-roles"))


class TemplateDialog(_Dialog):
    def __init__(
        self,
        save: Callable[[int, str, str, str], int],
        choices: list[TenantChoice],
        row: TemplateRow | None = None,
        parent: QWidget | None = None,
        *,
        may_edit: bool = True,
    ) -> None:
        super().__init__(parent, read_only=row is not None and not row.editable, may_edit=may_edit)
        self.setObjectName("templateDialog")
        self._save = save
        self.row = row
        self.tenant = tenant_combo(choices, (row.tenant_id, row.tenant) if row else None)
        self.name = line_edit("templateName", max_length=200)
        self.subject = line_edit("templateSubject", max_length=500)
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        # Tab moves on to the next field, as everywhere in a dialog (E2); a template needs no tab stops.
        self.body.setTabChangesFocus(True)
        if row is not None:
            self.name.setText(row.name)
            self.subject.setText(row.subject)
            self.body.setPlainText(row.body)
        self.fields = {"tenant": self.tenant, "template name": self.name, "subject": self.subject, "body": self.body}
        self._labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self._labels, self.fields.values(), strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.finish()
        self.retranslateUi()
        open_at_least(self, 100, 34)

    def save(self) -> None:
        tenant = self.tenant.currentData()
        if tenant is None:
            raise ValidationError("Please choose a tenant with full access.", field="tenant")
        self.saved_id = self._save(tenant, self.name.text(), self.subject.text(), self.body.toPlainText())

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("New template") if self.row is None else self.tr("Template"))
        for label, text in zip(
            self._labels, (self.tr("&Tenant:"), self.tr("&Name:"), self.tr("&Subject:"), self.tr("Te&xt:")), strict=True
        ):
            label.setText(text)


class ImportDialog(_Dialog):
    """T12: the tenant to import into and what to do with a name it has already."""

    def __init__(self, choices: list[TenantChoice], file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, read_only=False)
        self.setObjectName("templateImportDialog")
        self.file_name = file_name
        self.tenant = tenant_combo(choices, None)
        self.skip = QRadioButton()
        self.skip.setObjectName("clashSkip")
        self.skip.setChecked(True)
        self.rename = QRadioButton()
        self.rename.setObjectName("clashRename")
        self.overwrite = QRadioButton()
        self.overwrite.setObjectName("clashOverwrite")
        self.fields = {"tenant": self.tenant}
        self._tenant_label, self._clash_label = QLabel(), QLabel()
        self._tenant_label.setBuddy(self.tenant)
        self.form.addRow(self._tenant_label, self.tenant)
        self.form.addRow(self._clash_label, self.skip)
        self.form.addRow("", self.rename)
        self.form.addRow("", self.overwrite)
        self.retranslateUi()

    def on_clash(self) -> OnClash:
        if self.rename.isChecked():
            return OnClash.RENAME
        if self.overwrite.isChecked():
            return OnClash.OVERWRITE
        return OnClash.SKIP

    def save(self) -> None:
        if self.tenant.currentData() is None:
            raise ValidationError("Please choose a tenant with full access.", field="tenant")

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Import templates from {file}").format(file=self.file_name))
        self._tenant_label.setText(self.tr("Into &tenant:"))
        self._clash_label.setText(self.tr("When the tenant has a template of the same name:"))
        self.skip.setText(self.tr("&Skip it"))
        self.rename.setText(self.tr("Import under a &new name"))
        self.overwrite.setText(self.tr("&Overwrite it"))
