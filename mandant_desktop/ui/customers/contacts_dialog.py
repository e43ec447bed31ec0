"""A customer's contacts and their external users (SPEC C10, C12): the contact list with "New" →
"Create contact" and "Edit" (the contacts page's dialog and service), and the users area, editable
only for an existing contact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.tenant_access import MASK
from mandant_desktop.services.contacts import ContactInput
from mandant_desktop.services.customer_contacts import ContactRow, NewContact, NewExternalUser
from mandant_desktop.services.customers import CustomerDetails
from mandant_desktop.ui.contacts.dialogs import ContactDialog
from mandant_desktop.ui.contacts.widgets import open_keys
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.customers.common import Actor, CustomerDialog
from mandant_desktop.ui.customers.row_model import RowTableModel
from mandant_desktop.ui.forms import line_edit, open_at_least, password_edit, text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page_parts import set_column_widths

_HEADERS = (
    QT_TRANSLATE_NOOP("ContactListModel", "Contact type"),
    QT_TRANSLATE_NOOP("ContactListModel", "Name"),
    QT_TRANSLATE_NOOP("ContactListModel", "E-mail"),
    QT_TRANSLATE_NOOP("ContactListModel", "Phone"),
    QT_TRANSLATE_NOOP("ContactListModel", "Portal user"),
)


class ContactListModel(RowTableModel):
    headers = _HEADERS

    def row_at(self, row: int) -> ContactRow | None:
        found: ContactRow | None = super().row_at(row)
        return found

    def row_of(self, contact_id: int) -> int:
        return next((i for i in range(self.rowCount()) if self.row_at(i).id == contact_id), -1)  # type: ignore[union-attr]

    def cells(self, row: ContactRow) -> tuple[str, ...]:
        user = ""
        if row.user is not None:
            state = self.tr("active") if row.user.active else self.tr("deactivated")
            admin = self.tr(", external administrator") if row.user.is_external_admin else ""
            user = f"{row.user.username} ({state}{admin})"
        return (row.contact_type, row.display_name, row.email or "", row.phone or "", user)


class CreateContactDialog(CustomerDialog):
    """ "Create contact": a person of a contact type at the customer."""

    def __init__(self, actor: Actor, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(actor, "createContactDialog", parent)
        self.customer_id = customer_id
        self.created_id: int | None = None
        self.type_edit = line_edit("contactTypeEdit", max_length=50)
        self.salutation_edit = line_edit("contactSalutationEdit", max_length=30)
        self.first_edit = line_edit("contactFirstNameEdit", max_length=100)
        self.last_edit = line_edit("contactLastNameEdit", max_length=100)
        self.email_edit = line_edit("contactEmailEdit", max_length=254)
        self.phone_edit = line_edit("contactPhoneEdit", max_length=50)
        self._fields = (
            self.type_edit,
            self.salutation_edit,
            self.first_edit,
            self.last_edit,
            self.email_edit,
            self.phone_edit,
        )
        self._labels = [QLabel() for _ in self._fields]
        form = QFormLayout()
        for label, field in zip(self._labels, self._fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        open_at_least(self, 70)

    def save(self) -> None:
        data = NewContact(
            last_name=self.last_edit.text(),
            first_name=self.first_edit.text(),
            contact_type=self.type_edit.text(),
            salutation=self.salutation_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
        )
        ok, created = self.attempt(
            self.actor.services.customer_contacts.create_contact, self.actor.operator, self.customer_id, data
        )
        if ok:
            self.created_id = created
            self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Create contact"))
        texts = (
            self.tr("Contact &type:"),
            self.tr("&Salutation:"),
            self.tr("&First name:"),
            self.tr("&Last name:"),
            self.tr("&E-mail:"),
            self.tr("&Phone:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.type_edit.setPlaceholderText(self.tr("e.g. Purchasing, Marketing, Prepress"))


class CustomerContactsDialog(CustomerDialog):
    def __init__(self, actor: Actor, details: CustomerDetails, parent: QWidget | None = None) -> None:
        super().__init__(actor, "customerContactsDialog", parent)
        self.details = details
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.contacts_label = QLabel()
        self.model = ContactListModel(self)
        self.table = QTableView()
        self.table.setObjectName("customerContactTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # E2: Tab leaves the table, the arrow keys move in it
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        set_column_widths(header, [text_width(self.table, characters) for characters in (20, 28, 32, 20, 28)])
        header.setStretchLastSection(True)
        self.contacts_label.setBuddy(self.table)
        self.new_contact_button = QPushButton()
        self.new_contact_button.setObjectName("newContactButton")
        self.new_contact_button.setAutoDefault(False)
        self.new_contact_button.clicked.connect(self.new_contact)
        self.new_contact_button.setEnabled(details.editable)
        self.edit_contact_button = QPushButton()
        self.edit_contact_button.setObjectName("editContactButton")
        self.edit_contact_button.setAutoDefault(False)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        # E2: Enter, F2 and a double click open the contact, as on the contacts page.
        open_keys(self.table, self.edit_contact)
        self.table.doubleClicked.connect(lambda _index: self.edit_contact())

        self.users_box = QGroupBox()
        self.users_box.setObjectName("customerUsersBox")
        self.users_hint = QLabel()
        self.users_hint.setWordWrap(True)
        self.external_check = QCheckBox()
        self.external_check.setObjectName("externalUserCheck")
        self.username_edit = line_edit("externalUsernameEdit", max_length=100)
        self.password_edit = password_edit("externalPasswordEdit")
        self.repeat_edit = password_edit("externalPasswordRepeatEdit")
        self.admin_check = QCheckBox()
        self.admin_check.setObjectName("externalAdminCheck")
        self.create_user_button = QPushButton()
        self.create_user_button.setObjectName("createExternalUserButton")
        self.create_user_button.setAutoDefault(False)
        self.create_user_button.clicked.connect(self.create_user)
        self.user_state = QLabel()
        self.user_state.setObjectName("externalUserState")
        self.toggle_user_button = QPushButton()
        self.toggle_user_button.setObjectName("toggleExternalUserButton")
        self.toggle_user_button.setAutoDefault(False)
        self.toggle_user_button.clicked.connect(self.toggle_user)
        self._user_labels = [QLabel() for _ in range(3)]
        user_form = QFormLayout()
        user_form.addRow("", self.external_check)
        for label, field in zip(
            self._user_labels, (self.username_edit, self.password_edit, self.repeat_edit), strict=True
        ):
            label.setBuddy(field)
            user_form.addRow(label, field)
        user_form.addRow("", self.admin_check)
        create_row = QHBoxLayout()
        create_row.addStretch(1)
        create_row.addWidget(self.create_user_button)
        state_row = QHBoxLayout()
        state_row.addWidget(self.user_state, 1)
        state_row.addWidget(self.toggle_user_button)
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.users_hint)
        users_layout.addLayout(user_form)
        users_layout.addLayout(create_row)
        users_layout.addLayout(state_row)

        top = QHBoxLayout()
        top.addWidget(self.contacts_label, 1)
        top.addWidget(self.new_contact_button)
        top.addWidget(self.edit_contact_button)
        self.buttons.setStandardButtons(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.users_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.external_check.toggled.connect(self._update_users_area)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_users_area())
        self.retranslateUi()
        open_at_least(self, 133, 40)
        self.load()

    # ------------------------------------------------------------------ contacts

    def load(self, select_id: int | None = None) -> None:
        ok, rows = self.attempt(self.actor.services.customer_contacts.contacts, self.actor.operator, self.details.id)
        if not ok:
            return
        self.model.set_rows(rows or [])
        row = self.model.row_of(select_id) if select_id is not None else 0
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._update_users_area()

    def current_contact(self) -> ContactRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def new_contact(self) -> None:
        dialog = CreateContactDialog(self.actor, self.details.id, self)
        if dialog_runner.run(dialog):
            self.load(dialog.created_id)

    def edit_contact(self) -> bool:
        """The contact's names, address and the rest in the contacts page's dialog, saved by the
        contacts service: its rights (contacts.edit, full access to the tenant, T8; masked fields
        only with the private data right), its validation and its refusal of a save over another
        workstation's change (S4); undone with Edit → Undo (E7). True when saved."""
        contact = self.current_contact()
        if contact is None or not self.edit_contact_button.isEnabled():
            return False
        operator = self.actor.operator
        self.message.clear_message()
        # Read and written where the customer lives (the main database), also for a customer of a
        # separate tenant (T6): there the tenant's own database has contacts of the same ids.
        customer = self.details.id
        ok, loaded = self.attempt(
            self.actor.services.contacts.get_contact, operator, contact.tenant_id, contact.id, customer_id=customer
        )
        if not ok or loaded is None:
            return False
        row, _roles = loaded

        def save(tenant: int, data: ContactInput) -> int:
            return self.actor.services.contacts.save_contact(
                operator, tenant, data, row.id, row.version, customer_id=customer
            )

        dialog = ContactDialog(save, [], row, parent=self, may_edit=operator.can("contacts.edit"))
        if not dialog_runner.run(dialog) or dialog.saved_id is None:
            return False
        self.load(contact.id)
        self.message.show_info(self.tr("The contact was saved."))
        return True

    # ------------------------------------------------------------------ users

    def _update_users_area(self) -> None:
        contact = self.current_contact()
        # Reading the contact is the contacts page's right; the dialog opens read only without contacts.edit.
        self.edit_contact_button.setEnabled(contact is not None and self.actor.operator.can("contacts.view"))
        may = self.details.editable and self.actor.operator.can("customers.manage_external_users")
        # An account is always bound to a real person: nothing here without a contact (C10).
        self.users_box.setEnabled(contact is not None and may)
        has_user = contact is not None and contact.user is not None
        creating = not has_user and self.external_check.isChecked()
        for widget in (
            self.external_check,
            *self._user_labels,
            self.username_edit,
            self.password_edit,
            self.repeat_edit,
            self.admin_check,
            self.create_user_button,
        ):
            widget.setVisible(not has_user)
        for widget in (
            self.username_edit,
            self.password_edit,
            self.repeat_edit,
            self.admin_check,
            self.create_user_button,
        ):
            widget.setEnabled(creating)
        self.user_state.setVisible(has_user)
        self.toggle_user_button.setVisible(has_user)
        if contact is not None and contact.user is not None:
            user = contact.user
            state = self.tr("active") if user.active else self.tr("deactivated")
            self.user_state.setText(self.tr("Portal user %1 (%2)").replace("%1", user.username).replace("%2", state))
            self.toggle_user_button.setText(self.tr("&Deactivate") if user.active else self.tr("&Reactivate"))
        if contact is None:
            self.users_hint.setText(self.tr("Create a contact first: every portal user belongs to a real person."))
        elif not self.details.remote_access:
            self.users_hint.setText(self.tr("The customer has no remote access; switch it on in its properties first."))
        else:
            self.users_hint.setText(
                self.tr("Portal user for %1: member of the customer's rights group %2.")
                .replace("%1", contact.display_name)
                .replace("%2", self.details.group_name or "")
            )

    def create_user(self) -> None:
        contact = self.current_contact()
        if contact is None:
            return
        self.message.clear_message()
        data = NewExternalUser(
            contact_id=contact.id,
            username=self.username_edit.text(),
            password=self.password_edit.text(),
            password_repeat=self.repeat_edit.text(),
            external_admin=self.admin_check.isChecked(),
        )
        ok, _ = self.attempt(self.actor.services.customer_contacts.create_external_user, self.actor.operator, data)
        if ok:
            for edit in (self.username_edit, self.password_edit, self.repeat_edit):
                edit.clear()
            self.external_check.setChecked(False)
            self.admin_check.setChecked(False)
            if contact.email == MASK:
                # C10, T8: the address is the contact's private data; it was not copied to the account.
                said = self.tr(
                    "The portal user was created without the contact's e-mail address (you do not have the "
                    "private data right in its tenant); it appears in user administration under “External”."
                )
            else:
                said = self.tr("The portal user was created; it appears in user administration under “External”.")
            self.message.show_info(said)
            self.load(contact.id)

    def toggle_user(self) -> None:
        contact = self.current_contact()
        if contact is None or contact.user is None:
            return
        ok, _ = self.attempt(
            self.actor.services.customer_contacts.set_external_user_active,
            self.actor.operator,
            contact.user.id,
            not contact.user.active,
            expected_version=contact.user.version,
        )
        if ok:
            self.load(contact.id)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Contacts and users"))
        self.heading.setText(
            self.tr("Customer %1 – %2").replace("%1", self.details.number).replace("%2", self.details.name)
        )
        self.contacts_label.setText(self.tr("&Contact list:"))
        self.new_contact_button.setText(self.tr("&New…"))
        self.edit_contact_button.setText(self.tr("&Edit…"))
        self.edit_contact_button.setToolTip(self.tr("Change the contact's name, address and details (Enter, F2)"))
        self.users_box.setTitle(self.tr("User"))
        self.external_check.setText(self.tr("E&xternal user"))
        for label, text in zip(
            self._user_labels, (self.tr("&User name:"), self.tr("&Password:"), self.tr("C&onfirm:")), strict=True
        ):
            label.setText(text)
        self.password_edit.setPlaceholderText(self.tr("at least 6 characters"))
        self.admin_check.setText(self.tr("External &administrator (member of RemoteAdministrators)"))
        self.create_user_button.setText(self.tr("Create u&ser"))
        self._update_users_area()
