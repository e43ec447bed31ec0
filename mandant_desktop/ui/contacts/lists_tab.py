"""The distribution lists tab (SPEC T10) and the templates tab (T12)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.lists import ListDetails, ListRow, TemplateRow
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.contacts.dialogs import ImportDialog, ListDialog, TemplateDialog
from mandant_desktop.ui.contacts.models import (
    ListsModel,
    MembersModel,
    TemplatesModel,
)
from mandant_desktop.ui.contacts.widgets import (
    MenuEntry,
    button,
    button_menu,
    current_row,
    exec_edit_dialog,
    new_and_delete_actions,
    not_loaded_text,
    open_keys,
    reload_rows,
    run_ok,
    table,
)
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.loading_note import LoadingNote

if TYPE_CHECKING:
    from mandant_desktop.ui.contacts.page import ContactsPage


def _entries(open_button: QPushButton, new_button: QPushButton, delete_button: QPushButton) -> list[MenuEntry]:
    """Open (Enter), New (Ctrl+N) and Delete (Del), as a tab's context menu starts."""
    return [
        (open_button, QKeySequence(Qt.Key.Key_Return)),
        (new_button, QKeySequence(QKeySequence.StandardKey.New)),
        (delete_button, QKeySequence(Qt.Key.Key_Delete)),
    ]


class ListsTab(QWidget):
    """Distribution lists (T10): mixed lists read only unless every tenant is fully accessible."""

    def __init__(self, page: ContactsPage) -> None:
        super().__init__()
        self.page = page
        self.services = page.context.app.services
        self.new_button = button("listNewButton", self.new_list)
        self.edit_button = button("listEditButton", self.open_list)
        self.delete_button = button("listDeleteButton", self.delete_list)
        top = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(widget)
        top.addStretch(1)
        self.model = ListsModel(self)
        self.view = table("distributionListTable", self.model, (240, 160, 140))
        self.view.doubleClicked.connect(lambda _i: self.open_list())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        #: the lists, read on a worker (S5)
        self.loader: tasks.Latest[list[ListRow]] = tasks.Latest(self)
        self.loading_note = LoadingNote(self.view, "listLoadingNote")
        self.members_label = QLabel()
        self.members_label.setObjectName("listMembersHeading")
        self.hidden_label = QLabel()
        self.hidden_label.setObjectName("listHiddenMembers")
        self.members_model = MembersModel(self)
        self.members_view = table("listMemberTable", self.members_model, (200, 200, 150, 150))
        #: the selected list's members, read on a worker as the lists are (S5); a newer selection
        #: drops the answer of an older one
        self.members_loader: tasks.Latest[ListDetails] = tasks.Latest(self)
        #: a refusal to read them, said over their table
        self.members_note = LoadingNote(self.members_view, "listMemberLoadingNote")
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.members_label, 1)
        heading.addWidget(self.hidden_label)
        box_layout.addLayout(heading)
        box_layout.addWidget(self.members_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("listsSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(box)
        for remembered in (splitter, self.view, self.members_view):  # E4
            remember(page.context.settings, page.page_id, remembered)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        actions = new_and_delete_actions(self, self.view, self.new_list, self.delete_list)
        self.new_action, self.delete_action = actions
        open_keys(self.view, self.open_list)  # E2: Enter and F2 open, the Menu key shows the buttons
        button_menu(self.view, lambda: _entries(self.edit_button, self.new_button, self.delete_button))
        self.members_view.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)  # members have no actions

    @property
    def busy(self) -> bool:
        """True while the lists or the selected list's members are being read on a worker."""
        return self.loader.busy or self.members_loader.busy

    def reload(self, keep: object = None) -> bool:
        return reload_rows(
            self.loader,
            self.loading_note,
            self.view,
            self.model,
            keep,
            self.services.lists.list_lists,
            self.page.operator(),
            loading=self.tr("Loading distribution lists…"),
            then=self._selected,
        )

    def current(self) -> ListRow | None:
        row: ListRow | None = current_row(self.view, self.model)
        return row

    def _selected(self) -> None:
        """The current list's members, read on a worker (S5); until they are there the table is
        empty and the list's row from the list says what it can (name, hidden members, rights)."""
        row = self.current()
        self.members_note.hide()
        self.members_model.set_rows([])
        if row is None:
            self.members_loader.cancel()
        else:
            key = row.key
            self.members_loader.run(
                self.services.lists.get_list,
                self.page.operator(),
                *key,
                on_done=lambda details: self._members_loaded(key, details),
                on_error=lambda error: self.members_note.show_text(not_loaded_text(error)),
                shows_error=True,
            )
        self._show(row)

    def _members_loaded(self, key: object, details: ListDetails) -> None:
        current = self.current()
        if current is None or current.key != key:
            return  # another list became current meanwhile; its own read follows
        self.members_model.set_rows(details.members)
        self._show(details.row)

    def _show(self, row: ListRow | None) -> None:
        self.members_label.setText(self.tr("Members of {name}").format(name=row.name) if row else self.tr("Members"))
        hidden = row.hidden_members if row else 0
        self.hidden_label.setText(self.tr("{count} members hidden").format(count=hidden) if hidden else "")
        self.hidden_label.setToolTip(
            self.tr("These members belong to tenants you may not see; the list is read only for you.") if hidden else ""
        )
        operator = self.page.context.operator
        self.new_button.setEnabled(operator.can("contacts.edit"))
        self.new_action.setEnabled(operator.can("contacts.edit"))
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(operator.can("contacts.delete") and row is not None and row.editable)
        self.delete_action.setEnabled(self.delete_button.isEnabled())

    def _dialog(self, row: ListRow | None) -> ListDialog | None:
        operator = self.page.operator()
        choices = run_action(self, self.services.contacts.creatable_tenants, operator)
        roles = run_action(self, self.services.contacts.list_person_roles, operator)
        if choices is None or roles is None:
            return None
        if row is None:
            if not choices:
                interaction.get().information(
                    self, self.tr("New distribution list"), self.tr("You have full access to no tenant.")
                )
                return None

            def create(tenant: int, name: str, description: str, members: set[tuple[int, int]]) -> int:
                return self.services.lists.save_list(operator, tenant, name, description, members)

            return ListDialog(create, choices, roles, set(), parent=self)
        details = run_action(self, self.services.lists.get_list, operator, *row.key)
        if details is None:
            return None
        members = {m.key for m in details.members}

        def update(tenant: int, name: str, description: str, chosen: set[tuple[int, int]]) -> int:
            return self.services.lists.save_list(operator, tenant, name, description, chosen, row.id, row.version)

        return ListDialog(
            update,
            choices,
            roles,
            members,
            current=(row.tenant_id, row.tenant),
            name=row.name,
            description=row.description,
            read_only=not details.row.editable,
            parent=self,
            may_edit=operator.can("contacts.edit"),
        )

    def new_list(self) -> int | None:
        return self._exec(self._dialog(None))

    def open_list(self) -> int | None:
        row = self.current()
        return self._exec(self._dialog(row)) if row is not None else None

    def _exec(self, dialog: ListDialog | None) -> int | None:
        outcome = exec_edit_dialog(dialog) if dialog is not None else None
        if outcome is None:
            return None
        self.reload(keep=outcome)
        if outcome[1] is not None:
            self.page.context.shell.show_status(self.tr("Saved."))
        return outcome[1]

    def delete_list(self) -> bool:
        row = self.current()
        if row is None or not row.editable:
            return False
        if not interaction.get().confirm(
            self,
            self.tr("Delete distribution list?"),
            self.tr("Delete the distribution list {name}? The contacts stay.").format(name=row.name),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return False
        if run_ok(self, self.services.lists.delete_list, self.page.operator(), row.tenant_id, row.id, row.version):
            self.reload()
            self.page.context.shell.show_status(self.tr("%1 deleted.").replace("%1", row.name))
            return True
        return False

    def retranslateUi(self) -> None:
        self.new_button.setText(self.tr("New list"))
        self.new_button.setToolTip(self.tr("Create a distribution list (Ctrl+N)"))
        self.edit_button.setText(self.tr("Open…"))
        self.delete_button.setText(self.tr("Delete"))
        self._selected()


class TemplatesTab(QWidget):
    """Templates (T12) with export of the selected ones and import into a tenant."""

    def __init__(self, page: ContactsPage) -> None:
        super().__init__()
        self.page = page
        self.services = page.context.app.services
        self.new_button = button("templateNewButton", self.new_template)
        self.edit_button = button("templateEditButton", self.open_template)
        self.delete_button = button("templateDeleteButton", self.delete_template)
        self.export_button = button("templateExportButton", self.export)
        self.import_button = button("templateImportButton", self.import_)
        top = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        self.model = TemplatesModel(self)
        self.view = table("templateTable", self.model, (240, 160))
        self.view.doubleClicked.connect(lambda _i: self.open_template())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        #: the templates, read on a worker (S5)
        self.loader: tasks.Latest[list[TemplateRow]] = tasks.Latest(self)
        self.loading_note = LoadingNote(self.view, "templateLoadingNote")
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("templatePreview")
        self.preview.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("templatesSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.preview)
        for remembered in (splitter, self.view):  # E4
            remember(page.context.settings, page.page_id, remembered)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.new_action, self.delete_action = new_and_delete_actions(
            self, self.view, self.new_template, self.delete_template
        )
        open_keys(self.view, self.open_template)
        button_menu(
            self.view,
            lambda: [
                *_entries(self.edit_button, self.new_button, self.delete_button),
                None,
                (self.export_button, None),
                (self.import_button, None),
            ],
        )

    def reload(self, keep: object = None) -> bool:
        return reload_rows(
            self.loader,
            self.loading_note,
            self.view,
            self.model,
            keep,
            self.services.lists.list_templates,
            self.page.operator(),
            loading=self.tr("Loading templates…"),
            then=self._selected,
        )

    def current(self) -> TemplateRow | None:
        row: TemplateRow | None = current_row(self.view, self.model)
        return row

    def selected(self) -> list[TemplateRow]:
        rows = [self.model.row(i.row()) for i in self.view.selectionModel().selectedRows()]
        return [r for r in rows if r is not None]

    def _selected(self) -> None:
        row = self.current()
        self.preview.setPlainText(f"{row.subject}\n\n{row.body}" if row else "")
        operator = self.page.context.operator
        self.new_button.setEnabled(operator.can("contacts.edit"))
        self.new_action.setEnabled(operator.can("contacts.edit"))
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(operator.can("contacts.delete") and row is not None and row.editable)
        self.delete_action.setEnabled(self.delete_button.isEnabled())
        self.export_button.setEnabled(operator.can("contacts.export") and bool(self.selected()))
        self.import_button.setEnabled(operator.can("contacts.import"))

    def new_template(self) -> int | None:
        operator = self.page.operator()
        choices = run_action(self, self.services.contacts.creatable_tenants, operator)
        if not choices:
            return None

        def save(tenant: int, name: str, subject: str, body: str) -> int:
            return self.services.lists.save_template(operator, tenant, name, subject, body)

        return self._exec(TemplateDialog(save, choices, parent=self))

    def open_template(self) -> int | None:
        row = self.current()
        if row is None:
            return None
        operator = self.page.operator()

        def save(tenant: int, name: str, subject: str, body: str) -> int:
            return self.services.lists.save_template(operator, tenant, name, subject, body, row.id, row.version)

        return self._exec(TemplateDialog(save, [], row, parent=self, may_edit=operator.can("contacts.edit")))

    def _exec(self, dialog: TemplateDialog) -> int | None:
        outcome = exec_edit_dialog(dialog)
        if outcome is None:
            return None
        self.reload(keep=outcome)
        if outcome[1] is not None:
            self.page.context.shell.show_status(self.tr("Saved."))
        return outcome[1]

    def delete_template(self) -> bool:
        row = self.current()
        if row is None or not row.editable:
            return False
        if not interaction.get().confirm(
            self,
            self.tr("Delete template?"),
            self.tr("Delete the template {name}?").format(name=row.name),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return False
        if run_ok(self, self.services.lists.delete_template, self.page.operator(), row.tenant_id, row.id, row.version):
            self.reload()
            self.page.context.shell.show_status(self.tr("%1 deleted.").replace("%1", row.name))
            return True
        return False

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export templates"), str(Path.home() / self.tr("templates.json")), "JSON (*.json)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int | None:
        keys = [row.key for row in self.selected()]
        count = run_action(self, self.services.lists.export_templates, self.page.operator(), keys, path)
        if count is not None:
            self.page.context.shell.show_status(self.tr("{count} templates exported.").format(count=count))
        return count

    def import_(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import templates"), str(Path.home()), "JSON (*.json)")
        if path:
            self.import_from(path)

    def import_from(self, path: str, dialog: ImportDialog | None = None) -> object:
        operator = self.page.operator()
        choices = run_action(self, self.services.contacts.creatable_tenants, operator)
        if not choices:
            return None
        dialog = dialog or ImportDialog(choices, Path(path).name, parent=self)
        try:
            if dialog.exec() != ImportDialog.DialogCode.Accepted:
                return None
            tenant, on_clash = dialog.tenant.currentData(), dialog.on_clash()
        finally:
            dialog.deleteLater()
        report = run_action(self, self.services.lists.import_templates, operator, path, tenant, on_clash)
        if report is not None:
            interaction.get().information(
                self,
                self.tr("Templates imported"),
                self.tr(
                    "{created} new, {renamed} under a new name, {overwritten} overwritten, {skipped} skipped."
                ).format(
                    created=report.created,
                    renamed=report.renamed,
                    overwritten=report.overwritten,
                    skipped=report.skipped,
                ),
            )
            self.reload()
        return report

    def retranslateUi(self) -> None:
        self.new_button.setText(self.tr("New template"))
        self.new_button.setToolTip(self.tr("Create a template (Ctrl+N)"))
        self.edit_button.setText(self.tr("Open…"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export selected…"))
        self.import_button.setText(self.tr("Import…"))
        self._selected()
