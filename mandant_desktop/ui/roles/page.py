"""The roles page (SPEC R1, R2): the role list, newest first, and its permissions as tick boxes.

A tick is saved at once. The page says how many users in how many units hold the role, because
every change applies to all of them. That count reads every assignment of the role (up to some
hundred thousand on a large installation), so it runs on a worker once the selection has rested for
a moment: arrowing through the list stays quick and only the role the user stops at is counted (S5).

*Delete…* asks its question only once it knows who loses the role and who would be left without
any role (half a second on PostgreSQL at 100,000 customers and 10,000 users): that read runs on a
worker too. Meanwhile the action is off; choosing another role or leaving the page drops the
question, so no dialog turns up for a role the user has moved away from. The deletion itself (up to
some hundred thousand assignments and their audit entries) runs on a worker as well; until it has
ended the page's changes are locked (its actions, the permission ticks) and the status bar says so.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.roles import RoleImpact, RoleSummary
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import fit_placeholder
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.keyboard import enter_opens_detail
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import SearchKeys, page_heading, popup_actions, search_edit
from mandant_desktop.ui.permission_names import permission_name, permissions_named
from mandant_desktop.ui.roles.models import ROLE_ROLE, PermissionTreeModel, RoleListModel

#: the selection must rest this long before the role's holders are counted (arrow keys repeat faster)
IMPACT_DELAY_MS = 150


class RolesPage(Page):
    page_id: ClassVar[str] = "roles"
    object_name: ClassVar[str] = "page.roles"
    permission: ClassVar[str] = "roles.view"
    icon_name: ClassVar[str] = "roles"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Roles")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = context.app.services.roles
        self._impact: RoleImpact | None = None
        #: the role whose holders are being counted or shown in :attr:`impact_label`
        self._impact_role: int | None = None
        self.impact_counter: tasks.Latest[RoleImpact] = tasks.Latest(self)
        self._impact_timer = QTimer(self)
        self._impact_timer.setSingleShot(True)
        self._impact_timer.setInterval(IMPACT_DELAY_MS)
        self._impact_timer.timeout.connect(self._count_impact)
        #: who loses the role, read on a worker before the delete question is asked (S5)
        self.delete_reader: tasks.Latest[RoleImpact] = tasks.Latest(self)
        #: the role the delete question being prepared is about
        self._delete_role: RoleSummary | None = None
        #: the deletion running on a worker, if any; the page's changes are locked meanwhile
        self.deleting: tasks.Task[int] | None = None
        self._deleted_count_shown = False
        self.heading = page_heading()

        self.role_model = RoleListModel(self)
        self.role_list = QListView()
        self.role_list.setObjectName("roleList")
        self.role_list.setModel(self.role_model)
        self.role_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.role_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.role_list.customContextMenuRequested.connect(self._context_menu)
        # E2: Ctrl+F comes here; the list narrows to the roles whose name or permissions hold the text.
        self.search, self._search_timer = search_edit(self, "roleSearch", self.apply_search)
        self.search_keys = SearchKeys(self.search, self.role_list, self.apply_search)
        self.search_note = QLabel()
        self.search_note.setObjectName("roleSearchNote")
        self.search_note.setWordWrap(True)
        self.search_note.hide()
        self.add_button = _button("roleAddButton")
        self.rename_button = _button("roleRenameButton")
        self.duplicate_button = _button("roleDuplicateButton")
        self.delete_button = _button("roleDeleteButton")
        self.restore_button = _button("roleRestoreButton")

        self.add_action = QAction(self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self.add_role)
        self.rename_action = QAction(self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.rename_role)
        self.duplicate_action = QAction(self)
        self.duplicate_action.triggered.connect(self.duplicate_role)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_role)
        self.delete_reader.settled.connect(self._update_actions)
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.restore_defaults)
        self.addActions([self.add_action, self.rename_action])
        self.role_list.addAction(self.delete_action)
        for button, action in (
            (self.add_button, self.add_action),
            (self.rename_button, self.rename_action),
            (self.duplicate_button, self.duplicate_action),
            (self.delete_button, self.delete_action),
            (self.restore_button, self.restore_action),
        ):
            button.clicked.connect(action.trigger)

        self.role_title = QLabel()
        self.role_title.setObjectName("roleTitle")
        title_font = self.role_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.role_title.setFont(title_font)
        self.impact_label = QLabel()
        self.impact_label.setObjectName("roleImpact")
        self.impact_label.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("roleSaved")
        self.saved_label.setWordWrap(True)
        self.permission_model = PermissionTreeModel(self._save_permission, self)
        self.permission_tree = QTreeView()
        self.permission_tree.setObjectName("permissionTree")
        self.permission_tree.setModel(self.permission_model)
        self.permission_tree.setHeaderHidden(True)
        self.permission_tree.setUniformRowHeights(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.role_list, 1)
        left_layout.addWidget(self.search_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.duplicate_button)
        left_layout.addLayout(buttons)
        buttons2 = QHBoxLayout()
        buttons2.addWidget(self.delete_button)
        buttons2.addWidget(self.restore_button)
        left_layout.addLayout(buttons2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.role_title)
        right_layout.addWidget(self.impact_label)
        right_layout.addWidget(self.permission_tree, 1)
        right_layout.addWidget(self.saved_label)
        self.splitter = QSplitter()
        self.splitter.setObjectName("rolesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([320, 640])
        remember(context.settings, self.page_id, self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        # E2: Enter on a role goes to its permissions (Space ticks one), Esc back to the roles.
        self.permissions_action = enter_opens_detail(self.role_list, self.permission_tree, "rolePermissionsAction")
        self.role_list.selectionModel().selectionChanged.connect(self._role_selected)
        self.retranslateUi()
        self.refresh()
        if self.role_model.rowCount() > 0:
            self.select_role_row(0)
        if self._impact_timer.isActive():
            # The role the page opens on: its holders are counted at once, not after the pause
            # that waits for repeated arrow keys to rest (150 ms of every first open, issue 8).
            self._impact_timer.stop()
            self._count_impact()

    # ------------------------------------------------------------------ the page contract

    def search_field(self) -> QLineEdit:
        return self.search

    def refresh(self) -> bool:
        current = self.current_role()
        roles = run_action(self, self._load_roles)
        if roles is None:
            return False
        self.role_model.set_roles(*roles)
        self._show_search_note()
        if current is not None and self.select_role(current.id):
            if self._impact_role == current.id:
                self._impact_timer.start()  # the same role: count its holders again, showing the last count meanwhile
            return True
        self._show_role(None)
        return True

    def _load_roles(self) -> tuple[list[RoleSummary], dict[int, frozenset[str]]]:
        """The roles and the permission codes of each (two queries, however many roles)."""
        operator = self.operator()
        return self._service.list_roles(operator), self._service.permission_codes(operator)

    def apply_search(self) -> None:
        """Narrow the list to the roles whose name, or the name of one of whose permissions, holds
        the search text (R1, E2); the selected role stays selected while it is shown."""
        self._search_timer.stop()
        text = self.search.text()
        current = self.current_role()
        named = permissions_named(text)
        self.role_model.set_search(text, named)
        self.permission_model.set_marked(named)
        if current is not None and self.select_role(current.id, clear_search=False):
            pass
        elif self.role_model.rowCount() > 0:
            self.select_role_row(0)
        else:
            self._show_role(None)
        self._show_search_note()

    def _show_search_note(self) -> None:
        model = self.role_model
        if not model.searching:
            self.search_note.hide()
            return
        shown = model.rowCount()
        if shown == 0:
            text = self.tr("No role has this text in its name or in the name of one of its permissions.")
        else:
            text = (
                self.tr("%1 of %2 roles. Esc shows all.")
                .replace("%1", number_text(shown))
                .replace("%2", number_text(model.total()))
            )
        self.search_note.setText(text)
        self.search_note.show()

    def current_role(self) -> RoleSummary | None:
        index = self.role_list.currentIndex()
        value = index.data(ROLE_ROLE) if index.isValid() else None
        return value if isinstance(value, RoleSummary) else None

    def select_role(self, role_id: int, *, clear_search: bool = True) -> bool:
        """Select the role; one the search hides is shown by emptying the search (a new or
        duplicated role the user is to work on), unless ``clear_search`` is False."""
        row = self.role_model.row_of(role_id)
        if row < 0 and clear_search and self.role_model.searching:
            self.search.clear()
            self.apply_search()
            row = self.role_model.row_of(role_id)
        if row < 0:
            return False
        self.select_role_row(row)
        return True

    def select_role_row(self, row: int) -> None:
        self.role_list.setCurrentIndex(self.role_model.index(row, 0))

    def _role_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_role(self.current_role())

    def _show_role(self, role: RoleSummary | None) -> None:
        operator = self.context.operator
        self.saved_label.clear()
        if self._delete_role is not None and (role is None or role.id != self._delete_role.id):
            self._drop_delete_question()  # the question would be about a role no longer selected
        if role is None or role.id != self._impact_role:
            # The count shown belongs to another role: drop it and count anew once the selection rests.
            self._impact = None
            self._impact_role = None if role is None else role.id
            self.impact_counter.cancel()
            self._impact_timer.stop()
            if role is not None:
                self._impact_timer.start()
        if role is None:
            self.role_title.setText(self.tr("No role selected"))
            self.permission_model.set_state(frozenset(), False)
        else:
            granted = run_action(self, self._service.permissions, self.operator(), role.id)
            self.role_title.setText(role.name)
            self.permission_model.set_state(granted or frozenset(), operator.can("roles.edit") and not self.deleting)
            self.permission_tree.expandAll()
        self._show_impact()
        self._update_actions()

    def _update_actions(self) -> None:
        operator = self.context.operator
        role = self.current_role()
        # A deletion on its worker locks every change: they would wait for its lock or meet its result.
        free = self.deleting is None
        editable = role is not None and operator.can("roles.edit") and free
        self.add_action.setEnabled(operator.can("roles.edit") and free)
        self.permissions_action.setEnabled(role is not None)
        self.rename_action.setEnabled(editable)
        self.duplicate_action.setEnabled(editable)
        # Off while the delete question is being prepared: a second click must not ask twice.
        self.delete_action.setEnabled(
            role is not None and operator.can("roles.delete") and not self.delete_reader.busy and free
        )
        self.restore_action.setEnabled(editable and role is not None and role.predefined_key is not None)
        for button, action in (
            (self.add_button, self.add_action),
            (self.rename_button, self.rename_action),
            (self.duplicate_button, self.duplicate_action),
            (self.delete_button, self.delete_action),
            (self.restore_button, self.restore_action),
        ):
            button.setEnabled(action.isEnabled())

    @property
    def busy(self) -> bool:
        """True while the selected role's holders are still to be counted, the delete question is
        being prepared or a role is being deleted (S5)."""
        return (
            self._impact_timer.isActive()
            or self.impact_counter.busy
            or self.delete_reader.busy
            or self.deleting is not None
        )

    def hideEvent(self, event: QHideEvent) -> None:
        # Another page was chosen: a delete question answered now would pop up over it.
        self._drop_delete_question()
        super().hideEvent(event)

    def _count_impact(self) -> None:
        role_id = self._impact_role
        if role_id is None:
            return
        self.impact_counter.run(
            self._service.impact,
            self.operator(),
            role_id,
            on_done=lambda impact: self._impact_counted(role_id, impact),
        )

    def _impact_counted(self, role_id: int, impact: RoleImpact) -> None:
        if role_id != self._impact_role:
            return  # another role was selected meanwhile
        self._impact = impact
        self._show_impact()

    def _show_impact(self) -> None:
        impact = self._impact
        if impact is None:
            self.impact_label.setText(self.tr("Counting who holds this role …") if self._impact_role else "")
            return
        if impact.assignments == 0:
            self.impact_label.setText(self.tr("No one holds this role yet."))
            return
        self.impact_label.setText(
            self.tr("Held by %1 in %2. Every change applies to all of them, in all these units.")
            .replace("%1", self.tr("%Ln user(s)", None, impact.users))
            .replace("%2", self.tr("%Ln org unit(s)", None, impact.units))
        )

    # ------------------------------------------------------------------ actions

    def _save_permission(self, code: str, granted: bool) -> bool:
        role = self.current_role()
        if role is None or self.deleting is not None:
            return False
        version = run_action(
            self, self._service.set_permission, self.operator(), role.id, code, granted, expected_version=role.version
        )
        if version is None:
            self.refresh()
            return False
        impact = self._impact
        if impact is None:  # still being counted: say whom it reaches without the figures
            text = (
                self.tr("Saved: %1 granted. It now applies to everyone who holds this role.")
                if granted
                else self.tr("Saved: %1 withdrawn. This applies to everyone who holds this role.")
            )
            self.saved_label.setText(text.replace("%1", permission_name(code)))
        else:
            who = (
                self.tr("%Ln user(s)", None, impact.users) + " / " + self.tr("%Ln org unit(s)", None, impact.units)
                if impact.assignments
                else self.tr("no one yet")
            )
            text = (
                self.tr("Saved: %1 granted. It now applies to %2.")
                if granted
                else self.tr("Saved: %1 withdrawn. This applies to %2.")
            )
            self.saved_label.setText(text.replace("%1", permission_name(code)).replace("%2", who))
        # Keep the list's version and permission count in step without losing the place.
        roles = run_action(self, self._load_roles)
        if roles is not None:
            self.role_list.selectionModel().blockSignals(True)
            self.role_model.set_roles(*roles, keep=role.id)  # stays shown though the search may miss it now
            self.role_list.setCurrentIndex(self.role_model.index(self.role_model.row_of(role.id), 0))
            self.role_list.selectionModel().blockSignals(False)
        return True

    def add_role(self) -> None:
        if not self.add_action.isEnabled():
            return
        name = interaction.get().ask_text(self, self.tr("Add role"), self.tr("Name of the new role:"))
        if not name:
            return
        role_id = run_action(self, self._service.create, self.operator(), name)
        if role_id is None:
            return
        self.refresh()
        self.select_role(role_id)
        self.permission_tree.setFocus()
        self.context.shell.show_status(self.tr("Role added. Tick its permissions; each tick is saved at once."))

    def rename_role(self) -> None:
        role = self.current_role()
        if role is None or not self.rename_action.isEnabled():
            return
        name = interaction.get().ask_text(
            self, self.tr("Rename role"), self.tr("New name of the role:"), text=role.name
        )
        if not name or name == role.name:
            return
        if (
            run_action(self, self._service.rename, self.operator(), role.id, name, expected_version=role.version)
            is None
        ):
            self.refresh()
            return
        self.refresh()

    def duplicate_role(self) -> None:
        role = self.current_role()
        if role is None or not self.duplicate_action.isEnabled():
            return
        name = interaction.get().ask_text(
            self,
            self.tr("Duplicate role"),
            self.tr("Name of the copy (it gets the same permissions):"),
            text=self.tr("%1 (copy)").replace("%1", role.name),
        )
        if not name:
            return
        role_id = run_action(self, self._service.duplicate, self.operator(), role.id, name)
        if role_id is not None:
            self.refresh()
            self.select_role(role_id)

    def delete_role(self) -> None:
        """Read on a worker who loses the role, then ask (S5); the question itself is unchanged."""
        role = self.current_role()
        if role is None or not self.delete_action.isEnabled() or self.delete_reader.busy:
            return
        self._delete_role = role
        self.delete_reader.run(
            partial(self._service.impact, name_users_left_without_role=True),
            self.operator(),
            role.id,
            on_done=lambda impact: self._ask_delete(role, impact),
            on_error=self._delete_question_failed,
        )
        self._update_actions()
        self.context.shell.show_status(self.tr("Checking who holds the role …"))

    def _delete_question_failed(self, exc: DomainError) -> None:
        # The task has said why (the banner for a lost connection, a message for anything else).
        self._drop_delete_question()
        self.context.shell.show_status("")

    def _drop_delete_question(self) -> None:
        if self._delete_role is None:
            return
        self._delete_role = None
        self.delete_reader.cancel()
        self._update_actions()

    def _ask_delete(self, role: RoleSummary, impact: RoleImpact) -> None:
        current = self.current_role()
        if self._delete_role is not role or current is None or current.id != role.id or not self.isVisible():
            return  # the user has moved on (hideEvent and _show_role drop the question before that)
        self._delete_role = None
        self._update_actions()
        text = self.tr("Delete the role %1?").replace("%1", role.name)
        if impact.assignments:
            text += "\n\n" + self.tr("%1 lose it: the %2 assignments in %3 are removed with the role.").replace(
                "%1", self.tr("%Ln user(s)", None, impact.users)
            ).replace("%3", self.tr("%Ln org unit(s)", None, impact.units)).replace(
                "%2", number_text(impact.assignments)
            )
        if impact.sample:
            lines = [f"• {user} — {path}" for user, path in impact.sample]
            rest = impact.assignments - len(impact.sample)
            if rest > 0:
                lines.append(self.tr("… and %Ln more (inherited ones included)", None, rest))
            text += "\n" + "\n".join(lines)
        if impact.users_left_without_role:
            names = ", ".join(impact.users_left_without_role[:10])
            more = " …" if len(impact.users_left_without_role) > 10 else ""
            text += "\n\n" + self.tr("These users then hold no role anywhere and cannot log in: %1").replace(
                "%1", names + more
            )
        self.context.shell.show_status("")  # the check is over: its note goes
        if not interaction.get().confirm(
            self, self.tr("Delete role"), text, ok_text=self.tr("Delete"), destructive=True
        ):
            return
        self._delete(role)

    def _delete(self, role: RoleSummary) -> None:
        """Delete ``role`` on a worker (S5): removing 270,000 assignments of the large demo takes
        half a second and more; the window stays responsive and the page's changes are locked
        until it has ended. A refusal, a conflict or a lost connection is said by the task."""
        if self.deleting is not None:
            return
        task = tasks.run(
            self,
            self._service.delete,
            self.operator(),
            role.id,
            expected_version=role.version,
            on_done=self._deleted,
            writes=True,
        )
        self.deleting = task
        self._deleted_count_shown = False
        task.finished.connect(lambda: self._delete_ended(task))
        self._show_role(self.current_role())  # the ticks and actions locked
        # Stays until the deletion has ended, however long it takes.
        self.context.shell.show_status(self.tr("Deleting the role %1 …").replace("%1", role.name), 0)

    def _deleted(self, removed: int) -> None:
        self._deleted_count_shown = True
        self.context.shell.show_status(self.tr("Role deleted with %Ln assignment(s).", None, removed))

    def _delete_ended(self, task: tasks.Task[int]) -> None:
        if self.deleting is not task:
            return
        self.deleting = None
        if not self._deleted_count_shown:
            self.context.shell.show_status("")  # refused or lost: the task has said why; the note goes
        self.refresh()
        self._show_role(self.current_role())  # unlocked again

    def restore_defaults(self) -> None:
        role = self.current_role()
        if role is None or role.predefined_key is None or not self.restore_action.isEnabled():
            return
        if not interaction.get().confirm(
            self,
            self.tr("Restore defaults"),
            self.tr(
                "Give the role %1 its shipped permissions again? Permissions ticked or unticked since are "
                "replaced; the name stays."
            ).replace("%1", role.name),
            ok_text=self.tr("Restore"),
        ):
            return
        if (
            run_action(self, self._service.restore_defaults, self.operator(), role.id, expected_version=role.version)
            is None
        ):
            self.refresh()
            return
        self.refresh()
        self.context.shell.show_status(self.tr("The role has its default permissions again."))

    def _context_menu(self, pos: QPoint) -> None:
        actions = (
            self.permissions_action,
            self.add_action,
            self.rename_action,
            self.duplicate_action,
            self.restore_action,
            self.delete_action,
        )
        popup_actions(self, self.role_list, pos, actions)

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.add_action.setText(self.tr("&Add role…"))
        self.rename_action.setText(self.tr("Re&name…"))
        self.duplicate_action.setText(self.tr("D&uplicate…"))
        self.delete_action.setText(self.tr("&Delete…"))
        self.restore_action.setText(self.tr("Restore default&s"))
        self.permissions_action.setText(self.tr("&Permissions of the role"))
        self.permissions_action.setStatusTip(
            self.tr("Go to the permissions of the role: Space ticks or unticks one, Esc goes back (Enter)")
        )
        self.add_button.setText(self.tr("&Add role…"))
        self.add_button.setToolTip(self.tr("A new role; it appears at the top of the list (Ctrl+N)"))
        self.rename_button.setText(self.tr("Re&name…"))
        self.rename_button.setToolTip(self.tr("Rename the role (F2)"))
        self.duplicate_button.setText(self.tr("D&uplicate…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the role and its assignments (Del)"))
        self.restore_button.setText(self.tr("Restore default&s"))
        self.restore_button.setToolTip(self.tr("Only for the six predefined roles"))
        self.search.setPlaceholderText(self.tr("Search roles and permissions (Ctrl+F)"))
        self.search.setToolTip(
            self.tr("Shows the roles whose name or permissions hold the text; Enter or Down goes to them, Esc clears")
        )
        self.search.setAccessibleName(self.tr("Search roles"))
        fit_placeholder(self.search)
        self._show_search_note()
        self.role_list.setAccessibleName(self.tr("Roles"))
        self.permission_tree.setAccessibleName(self.tr("Permissions of the role"))
        self._show_role(self.current_role())


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button
