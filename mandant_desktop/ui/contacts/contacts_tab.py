"""The contacts tab: contacts with their person-roles (SPEC T7, T8), search and export."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.contacts import CONTACT_WINDOW, ContactRow, ContactWindow, RoleRow
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.contacts.dialogs import ContactDialog, RoleDialog
from mandant_desktop.ui.contacts.models import (
    ContactsModel,
    RolesModel,
    RowsModel,
)
from mandant_desktop.ui.contacts.widgets import (
    button,
    button_menu,
    current_row,
    new_and_delete_actions,
    not_loaded_text,
    open_keys,
    select_key,
    table,
)
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.loading_note import LoadingNote

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
        self.delete_button = button("contactDeleteButton", self.delete_contacts)
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
        #: the first window of contacts and their count, read on a worker (S5); a newer load drops an older one
        self.loader: tasks.Latest[ContactWindow] = tasks.Latest(self)
        #: "Loading contacts…" over the table until the first load has arrived
        self.loading_note = LoadingNote(self.view, "contactLoadingNote")

        self.roles_label = QLabel()
        self.roles_label.setObjectName("personRolesHeading")
        self.add_role_button = button("roleAddButton", self.add_role)
        self.edit_role_button = button("roleEditButton", self.open_role)
        self.delete_role_button = button("roleDeleteButton", self.delete_roles)
        roles_top = QHBoxLayout()
        roles_top.addWidget(self.roles_label, 1)
        for widget in (self.add_role_button, self.edit_role_button, self.delete_role_button):
            roles_top.addWidget(widget)
        self.roles_model = RolesModel(self)
        self.roles_view = table("personRoleTable", self.roles_model, (220, 160, 140, 220, 130))
        self.roles_view.doubleClicked.connect(lambda _i: self.open_role())
        self.roles_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        #: the selected contact's person-roles, read on a worker as the contacts are (S5); a newer
        #: selection drops the answer of an older one
        self.roles_loader: tasks.Latest[tuple[ContactRow, list[RoleRow]]] = tasks.Latest(self)
        #: a refusal to read them, said over their table
        self.roles_note = LoadingNote(self.roles_view, "personRoleLoadingNote")
        #: (contact key, person-role key) to select again when that contact's roles have been read
        self._keep_role: tuple[object, object] | None = None
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
            self, self.view, self.new_contact, self.delete_contacts
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
        self.delete_role_action.triggered.connect(lambda _checked=False: self.delete_roles())
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
        """Read the first window of the search and its count on a worker (S5, section 8), then
        select ``keep``, or what was selected before (F5, E2): the same contacts by their keys,
        the current one again current (its window read again when it lay below the first one;
        gone, the row at its place) and its current person-role. The table keeps its rows until
        then, and says that it is loading while it has none."""
        current, role = self.current(), self.current_role()
        index = self.view.currentIndex()
        if keep is not None:
            wanted = _Selection(keep, {keep}, -1)
        else:
            selected = _selected_rows(self.view, self.model, self.model.peek)
            wanted = _Selection(
                current.key if current else None,
                {row.key for row in selected},
                index.row() if current is not None else -1,
            )
        if current is not None and role is not None and (keep is None or keep == current.key):
            self._keep_role = (current.key, role.key)
        operator, search = self.page.operator(), self.search.text()  # read here, on the GUI thread
        self.loader.run(
            self.services.contacts.contact_window,
            operator,
            search,
            0,
            CONTACT_WINDOW,
            on_done=lambda first: self._loaded(first, operator, search, wanted),
            on_error=self._not_loaded,
            shows_error=True,
        )
        if self.model.rowCount() == 0:
            # The note, not the count label: a longer text there would widen the page (E5, 1,024 px).
            self.loading_note.show_text(self.tr("Loading contacts…"))
        return True

    @property
    def busy(self) -> bool:
        """True while the contacts or the selected contact's person-roles are being read on a worker."""
        return self.loader.busy or self.roles_loader.busy

    def _loaded(self, first: ContactWindow, operator: Operator, search: str, wanted: _Selection) -> None:
        contacts = self.services.contacts

        def read(offset: int, limit: int) -> list[ContactRow]:
            return contacts.contact_window(operator, search, offset, limit, count=False).rows

        self.loading_note.hide()
        self.model.show_window(first, CONTACT_WINDOW, read)
        self._restore(wanted)
        self.count_label.setText(self.tr("{count} contacts").format(count=number_text(self.model.total())))
        self._selected()

    def _restore(self, wanted: _Selection) -> None:
        """Select ``wanted`` again among the rows read so far. The current contact's window is read
        again first when it lay below the first one (one short query, as scrolling there does); a
        current contact that is gone leaves the row at its place current, as a file manager does."""
        model, selection = self.model, self.view.selectionModel()
        row = model.row_of(wanted.current) if wanted.current is not None else -1
        if row < 0 and wanted.row >= 0 and model.total():
            near = min(wanted.row, model.total() - 1)
            model.row(near)  # reads the window there, when it is not the first
            row = model.row_of(wanted.current)
            if row < 0:
                row = near
        if row < 0:
            select_key(self.view, model, None)
            return
        with QSignalBlocker(selection):  # one selection change, not one per row
            selection.clearSelection()
            rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for key in wanted.keys - {wanted.current}:
                other = model.row_of(key)
                if other >= 0:
                    selection.select(model.index(other, 0), rows)
        selection.setCurrentIndex(model.index(row, 0), rows)
        self.view.viewport().update()  # the rows selected while the signals were blocked
        self.view.scrollTo(model.index(row, 0))

    def _not_loaded(self, error: DomainError) -> None:
        """Refused, or the database did not answer: said where the contacts would be."""
        self.loading_note.show_text(not_loaded_text(error))
        self.count_label.clear()

    def current(self) -> ContactRow | None:
        row: ContactRow | None = current_row(self.view, self.model)
        return row

    def current_role(self) -> RoleRow | None:
        row: RoleRow | None = current_row(self.roles_view, self.roles_model)
        return row

    def _selected(self) -> None:
        """The current contact's person-roles, read on a worker (S5): the table is empty until they
        are there (the roles of the contact before must not be edited as this one's)."""
        contact = self.current()
        self.roles_note.hide()
        self.roles_model.set_rows([])
        if contact is None:
            self.roles_loader.cancel()
        else:
            key = contact.key  # (tenant, id, main): the database the contact lives in too (T6, C10)
            self.roles_loader.run(
                self.services.contacts.get_contact,
                self.page.operator(),
                *key,
                on_done=lambda loaded: self._roles_loaded(key, loaded[1]),
                on_error=self._roles_not_loaded,
                shows_error=True,
            )
        self.roles_label.setText(
            self.tr("Person-roles of {name}").format(name=contact.name) if contact else self.tr("Person-roles")
        )
        self._update_actions()

    def _roles_loaded(self, contact: object, roles: list[RoleRow]) -> None:
        current = self.current()
        if current is None or current.key != contact:
            return  # another contact became current meanwhile; its own read follows
        self.roles_model.set_rows(roles)
        keep, self._keep_role = self._keep_role, None
        if keep is not None and keep[0] == contact and self.roles_model.row_of(keep[1]) >= 0:
            select_key(self.roles_view, self.roles_model, keep[1])
        self._update_actions()

    def _roles_not_loaded(self, error: DomainError) -> None:
        """Refused (the contact gone or hidden since) or no answer: said over the person-roles."""
        self.roles_note.show_text(not_loaded_text(error))
        self._update_actions()

    def _update_actions(self) -> None:
        operator = self.page.context.operator
        contact, role = self.current(), self.current_role()
        # The rows read so far only: a selection of 20,000 contacts would otherwise read every window.
        contacts = _selected_rows(self.view, self.model, self.model.peek)
        roles = self.selected_roles()
        can_edit, can_delete = operator.can("contacts.edit"), operator.can("contacts.delete")
        self.new_button.setEnabled(can_edit)
        self.new_action.setEnabled(can_edit)
        self.edit_button.setEnabled(contact is not None)
        # T8: a selection with a read-only contact is not deleted in part; the button says so by being off.
        self.delete_button.setEnabled(can_delete and bool(contacts) and all(r.editable for r in contacts))
        self.delete_action.setEnabled(self.delete_button.isEnabled())
        self.export_button.setEnabled(operator.can("contacts.export"))
        self.add_role_button.setEnabled(can_edit and contact is not None)
        self.edit_role_button.setEnabled(role is not None)
        self.delete_role_button.setEnabled(
            can_delete and contact is not None and bool(roles) and all(r.editable for r in roles)
        )
        self.delete_role_action.setEnabled(self.delete_role_button.isEnabled())
        self.delete_button.setToolTip(
            self.tr("Delete the contact (Del)") if len(contacts) < 2 else self.tr("Delete the selected contacts (Del)")
        )

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

        return self._run(
            ContactDialog(save, choices, parent=self), lambda d: (d.tenant.currentData(), d.saved_id, False)
        )

    def open_contact(self) -> int | None:
        row = self.current()
        if row is None:
            return None

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_contact(
                self.page.operator(), tenant, data, row.id, row.version, main=row.main
            )

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

    def selected_contacts(self) -> list[ContactRow]:
        """The selected contacts, in the order of the list."""
        return _selected_rows(self.view, self.model)

    def selected_roles(self) -> list[RoleRow]:
        return _selected_rows(self.roles_view, self.roles_model)

    def delete_contacts(self) -> tasks.Task[int] | None:
        """Del, Delete and the context menu: the selected contacts with their person-roles, after
        one question that names them (or their number), in one unit of work on a worker (S4, S5);
        undone with Edit → Undo (E7). A refusal (rights, a portal account, someone else's change)
        is said and nothing is deleted."""
        rows = self.selected_contacts()
        if not rows or not self.delete_button.isEnabled():
            return None
        if len(rows) == 1:
            title = self.tr("Delete contact?")
            question = self.tr("Delete {name} with all person-roles? They also leave every distribution list.").format(
                name=rows[0].name
            )
            said = self.tr("%1 deleted.").replace("%1", rows[0].name)
        else:
            count = number_text(len(rows))
            title = self.tr("Delete contacts?")
            question = self.tr(
                "Delete %1 contacts with all their person-roles? They also leave every distribution list."
            ).replace("%1", count)
            said = self.tr("%1 contacts deleted.").replace("%1", count)
        if not interaction.get().confirm(self, title, question, ok_text=self.tr("Delete"), destructive=True):
            return None
        return self._delete(
            self.tr("Delete contacts"),
            said,
            self.services.contacts.delete_contacts,
            self.page.operator(),
            {row.key: row.version for row in rows},
        )

    def _delete(self, title: str, said: str, fn: Callable[..., int], *args: object) -> tasks.Task[int]:
        """A delete on a worker (S5): one transaction, so the progress dialog (after a moment) has no
        Cancel; the list is read again afterwards, also after a refusal (it shows what is stored)."""
        task = tasks.run_with_progress(
            self,
            title,
            self.tr("Deleting…"),
            fn,
            *args,
            on_done=lambda _count: self.page.context.shell.show_status(said),
            writes=True,
            reports=False,
        )
        task.finished.connect(lambda: self.reload())
        return task

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
            return self.services.contacts.save_role(
                self.page.operator(), contact.tenant_id, contact.id, tenant, data, main=contact.main
            )

        return self._run(RoleDialog(save, choices, contact.name, parent=self), lambda _d: contact.key)

    def open_role(self) -> int | None:
        contact, role = self.current(), self.current_role()
        if contact is None or role is None:
            return None
        choices = run_action(self, self.services.contacts.creatable_tenants, self.page.operator()) or []

        def save(tenant: int, data: Any) -> int:
            return self.services.contacts.save_role(
                self.page.operator(),
                contact.tenant_id,
                contact.id,
                tenant,
                data,
                role.id,
                role.version,
                main=contact.main,
            )

        may_edit = self.page.operator().can("contacts.edit")
        dialog = RoleDialog(save, choices, contact.name, role, parent=self, may_edit=may_edit)
        return self._run(dialog, lambda _d: contact.key)

    def delete_roles(self) -> tasks.Task[int] | None:
        """Del or Delete role on the person-roles: the selected ones of the contact, after one
        question, in one unit of work on a worker (S4, S5); undone with Edit → Undo (E7)."""
        contact, roles = self.current(), self.selected_roles()
        if contact is None or not roles or not self.delete_role_button.isEnabled():
            return None
        if len(roles) == 1:
            title = self.tr("Delete person-role?")
            question = self.tr("Delete the role at {organisation}? It also leaves every distribution list.").format(
                organisation=roles[0].organisation
            )
            said = self.tr("Person-role at %1 deleted.").replace("%1", roles[0].organisation)
        else:
            count = number_text(len(roles))
            title = self.tr("Delete person-roles?")
            question = (
                self.tr("Delete %1 roles of %2? They also leave every distribution list.")
                .replace("%1", count)
                .replace("%2", contact.name)
            )
            said = self.tr("%1 person-roles deleted.").replace("%1", count)
        if not interaction.get().confirm(self, title, question, ok_text=self.tr("Delete"), destructive=True):
            return None
        return self._delete(
            self.tr("Delete person-roles"),
            said,
            functools.partial(self.services.contacts.delete_roles, main=contact.main),
            self.page.operator(),
            contact.tenant_id,
            {role.id: role.version for role in roles},
        )

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


@dataclass(frozen=True, slots=True)
class _Selection:
    """What a reload selects again: the current contact, every selected one, and the row the
    current one was in (-1: none), by their keys (tenant, id, main): a separate tenant's own
    contact and its customer's contact of the same id are two rows (T6, C10)."""

    current: object
    keys: set[object]
    row: int


def _selected_rows(view: QTableView, model: RowsModel[Any], read: Callable[[int], Any] | None = None) -> list[Any]:
    """The selected rows in the order of the list (``read``: how a row is got, by default ``model.row``)."""
    get = read or model.row
    rows = (get(index.row()) for index in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row()))
    return [row for row in rows if row is not None]
