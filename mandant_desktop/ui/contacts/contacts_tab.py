"""The contacts tab: contacts with their person-roles (SPEC T7, T8), search and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.contacts import ContactRow, RoleRow
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.contacts.dialogs import ContactDialog, RoleDialog
from mandant_desktop.ui.contacts.models import (
    ContactsModel,
    RolesModel,
)
from mandant_desktop.ui.contacts.widgets import (
    button,
    button_menu,
    current_row,
    new_and_delete_actions,
    open_keys,
    reload_rows,
    run_ok,
    table,
)
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.layout_memory import remember

if TYPE_CHECKING:
    from mandant_desktop.ui.contacts.page import ContactsPage


class ContactsTab(QWidget):
    def __init__(self, page: ContactsPage) -> None:
        super().__init__()
        self.page = page
        self.services = page.context.app.services
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.search.setMinimumWidth(text_width(self.search, 43.3))
        self.search.textChanged.connect(lambda text: self.reload() if not text else None)
        self.new_button = button("contactNewButton", self.new_contact)
        self.edit_button = button("contactEditButton", self.open_contact)
        self.delete_button = button("contactDeleteButton", self.delete_contact)
        self.export_button = button("contactExportButton", self.export)
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        top = QHBoxLayout()
        for widget in (self.search, self.new_button, self.edit_button, self.delete_button, self.export_button):
            top.addWidget(widget)
        top.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)

        self.model = ContactsModel(self)
        self.view = table("contactTable", self.model, (220, 90, 160, 220, 130, 120))
        self.view.doubleClicked.connect(lambda _i: self.open_contact())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected())

        self.roles_label = QLabel()
        self.roles_label.setObjectName("personRolesHeading")
        self.add_role_button = button("roleAddButton", self.add_role)
        self.edit_role_button = button("roleEditButton", self.open_role)
        self.delete_role_button = button("roleDeleteButton", self.delete_role)
        roles_top = QHBoxLayout()
        roles_top.addWidget(self.roles_label, 1)
        for widget in (self.add_role_button, self.edit_role_button, self.delete_role_button):
            roles_top.addWidget(widget)
        self.roles_model = RolesModel(self)
        self.roles_view = table("personRoleTable", self.roles_model, (220, 160, 140, 220, 130))
        self.roles_view.doubleClicked.connect(lambda _i: self.open_role())
        self.roles_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        roles_box = QWidget()
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        roles_layout.addLayout(roles_top)
        roles_layout.addWidget(self.roles_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("contactsSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(roles_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        for remembered in (splitter, self.view, self.roles_view):  # E4
            remember(page.context.settings, page.page_id, remembered)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.new_action, self.delete_action = new_and_delete_actions(
            self, self.view, self.new_contact, self.delete_contact
        )
        # E2: Enter and F2 open, the Menu key and a right click show what the buttons offer; on the
        # person-roles as on the contacts, and Del deletes the person-role that has the focus.
        new, delete, enter = (
            QKeySequence(QKeySequence.StandardKey.New),
            QKeySequence(Qt.Key.Key_Delete),
            QKeySequence(Qt.Key.Key_Return),
        )
        open_keys(self.view, self.open_contact)
        open_keys(self.roles_view, self.open_role)
        self.delete_role_action = QAction(self.roles_view)
        self.delete_role_action.setShortcut(delete)
        self.delete_role_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_role_action.triggered.connect(lambda _checked=False: self.delete_role())
        self.roles_view.addAction(self.delete_role_action)
        button_menu(
            self.view,
            lambda: [
                (self.edit_button, enter),
                (self.new_button, new),
                (self.delete_button, delete),
                None,
                (self.add_role_button, None),
                (self.export_button, None),
            ],
        )
        button_menu(
            self.roles_view,
            lambda: [(self.edit_role_button, enter), (self.add_role_button, None), (self.delete_role_button, delete)],
        )

    # ------------------------------------------------------------------ loading

    def reload(self, keep: object = None) -> bool:
        rows = reload_rows(
            self,
            self.view,
            self.model,
            keep,
            self.services.contacts.list_contacts,
            self.page.operator(),
            self.search.text(),
        )
        if rows is None:
            return False
        self.count_label.setText(self.tr("{count} contacts").format(count=number_text(len(rows))))
        self._selected()
        return True

    def current(self) -> ContactRow | None:
        row: ContactRow | None = current_row(self.view, self.model)
        return row

    def current_role(self) -> RoleRow | None:
        row: RoleRow | None = current_row(self.roles_view, self.roles_model)
        return row

    def _selected(self) -> None:
        contact = self.current()
        roles: list[RoleRow] = []
        if contact is not None:
            loaded = run_action(self, self.services.contacts.get_contact, self.page.operator(), *contact.key)
            if loaded is not None:
                roles = loaded[1]
        self.roles_model.set_rows(roles)
        self.roles_label.setText(
            self.tr("Person-roles of {name}").format(name=contact.name) if contact else self.tr("Person-roles")
        )
        self._update_actions()

    def _update_actions(self) -> None:
        operator = self.page.context.operator
        contact, role = self.current(), self.current_role()
        can_edit, can_delete = operator.can("contacts.edit"), operator.can("contacts.delete")
        self.new_button.setEnabled(can_edit)
        self.new_action.setEnabled(can_edit)
        self.edit_button.setEnabled(contact is not None)
        self.delete_button.setEnabled(can_delete and contact is not None and contact.editable)
        self.delete_action.setEnabled(self.delete_button.isEnabled())
        self.export_button.setEnabled(operator.can("contacts.export"))
        self.add_role_button.setEnabled(can_edit and contact is not None)
        self.edit_role_button.setEnabled(role is not None)
        self.delete_role_button.setEnabled(can_delete and role is not None and role.editable)
        self.delete_role_action.setEnabled(self.delete_role_button.isEnabled())

    # ------------------------------------------------------------------ contacts

    def new_contact(self) -> int | None:
        choices = run_action(self, self.services.contacts.creatable_tenants, self.page.operator())
        if choices is None:
            return None
        if not choices:
            interaction.get().information(
                self,
                self.tr("New contact"),
                self.tr("You have full access to no tenant, so you cannot create contacts."),
            )
            return None

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_contact(self.page.operator(), tenant, data)

        return self._run(ContactDialog(save, choices, parent=self), lambda d: (d.tenant.currentData(), d.saved_id))

    def open_contact(self) -> int | None:
        row = self.current()
        if row is None:
            return None

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_contact(self.page.operator(), tenant, data, row.id, row.version)

        dialog = ContactDialog(save, [], row, parent=self, may_edit=self.page.operator().can("contacts.edit"))
        return self._run(dialog, lambda _d: row.key)

    def _run(self, dialog: Any, key: Callable[[Any], object]) -> int | None:
        try:
            accepted = dialog.exec() == dialog.DialogCode.Accepted
            saved = dialog.saved_id
            wanted = key(dialog) if accepted else None
        finally:
            dialog.deleteLater()
        if accepted:
            self.reload(keep=wanted)
            if saved is not None:
                self.page.context.shell.show_status(self.tr("Saved."))
        return saved if accepted else None

    def delete_contact(self) -> bool:
        row = self.current()
        if row is None or not row.editable:
            return False
        if not interaction.get().confirm(
            self,
            self.tr("Delete contact?"),
            self.tr("Delete {name} with all person-roles? This cannot be undone.").format(name=row.name),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return False
        if run_ok(
            self, self.services.contacts.delete_contact, self.page.operator(), row.tenant_id, row.id, row.version
        ):
            self.reload()
            self.page.context.shell.show_status(self.tr("%1 deleted.").replace("%1", row.name))
            return True
        return False

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), str(Path.home() / self.tr("contacts.xlsx")), "Excel (*.xlsx)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> tasks.Task[int]:
        """The contacts shown to an Excel file on a worker, with progress and Cancel (E3, S5); a
        cancelled export writes no file (S7). The status line says how many when it is written."""
        from PySide6.QtCore import QCoreApplication

        return tasks.run_with_progress(
            self,
            self.tr("Export contacts"),
            self.tr("Writing the Excel file…"),
            self.services.contacts.export,
            self.page.operator(),
            path,
            search=self.search.text(),
            translate=lambda text: QCoreApplication.translate("exports", text),  # thread-safe
            on_done=lambda rows: self.page.context.shell.show_status(
                self.tr("{count} contacts exported.").format(count=number_text(rows))
            ),
        )

    # ------------------------------------------------------------------ person-roles

    def add_role(self) -> int | None:
        contact = self.current()
        if contact is None:
            return None
        choices = run_action(self, self.services.contacts.creatable_tenants, self.page.operator())
        if not choices:
            return None

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_role(self.page.operator(), contact.tenant_id, contact.id, tenant, data)

        return self._run(RoleDialog(save, choices, contact.name, parent=self), lambda _d: contact.key)

    def open_role(self) -> int | None:
        contact, role = self.current(), self.current_role()
        if contact is None or role is None:
            return None
        choices = run_action(self, self.services.contacts.creatable_tenants, self.page.operator()) or []

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_role(
                self.page.operator(), contact.tenant_id, contact.id, tenant, data, role.id, role.version
            )

        may_edit = self.page.operator().can("contacts.edit")
        dialog = RoleDialog(save, choices, contact.name, role, parent=self, may_edit=may_edit)
        return self._run(dialog, lambda _d: contact.key)

    def delete_role(self) -> bool:
        contact, role = self.current(), self.current_role()
        if contact is None or role is None:
            return False
        if not interaction.get().confirm(
            self,
            self.tr("Delete person-role?"),
            self.tr("Delete the role at {organisation}? It also leaves every distribution list.").format(
                organisation=role.organisation
            ),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return False
        if run_ok(
            self, self.services.contacts.delete_role, self.page.operator(), contact.tenant_id, role.id, role.version
        ):
            self.reload(keep=contact.key)
            self.page.context.shell.show_status(self.tr("Person-role at %1 deleted.").replace("%1", role.organisation))
            return True
        return False

    def retranslateUi(self) -> None:
        self.search.setPlaceholderText(self.tr("Search names and types (Enter)"))
        self.new_button.setText(self.tr("New contact"))
        self.new_button.setToolTip(self.tr("Create a contact (Ctrl+N)"))
        self.edit_button.setText(self.tr("Open…"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the contact (Del)"))
        self.export_button.setText(self.tr("Export…"))
        self.add_role_button.setText(self.tr("Add role…"))
        self.edit_role_button.setText(self.tr("Open role…"))
        self.delete_role_button.setText(self.tr("Delete role"))
        self._selected()
