"""The org units page: the org-unit tree and one user's roles in it (SPEC A4-A10, R3, E2, E7).

The tree is lazy (5,000 units up to depth 10): levels load on a worker when first expanded. With a
user chosen in ``assignmentUserPicker`` it shows their roles per unit — inherited ones in italics
with their source — and the panel beside it changes them: "Add access…", "−", "Inherit roles to
child units", "Edit roles". Every change goes on the undo stack — role changes, inheritance, and
adding, renaming, moving and deleting units — and Ctrl+Z reverts exactly what one step did (a
deleted unit comes back with its subtree or its lifted children, its roles, sources and breaks).
"Expand all" (Ctrl++) loads every unit in one query on a worker and expands the view in one call.

Every change, the impact count its question shows, undo and redo run on a worker as the page's
steps (S5, E3; ``ui/undo.UndoSteps``): one at a time, the undo stack moving only when the database
has done the step; long ones (inheritance over a subtree, move, delete) show a progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.assignments import GridUser, RoleChoice
from mandant_desktop.services.org_units import DeleteImpact, DeleteMode, OrgChange, UnitNode
from mandant_desktop.ui import icons, interaction, role_menus, tasks
from mandant_desktop.ui.assignments.page import _translate_export, ask_export_path
from mandant_desktop.ui.flow_layout import FlowLayout
from mandant_desktop.ui.flow_layout import group as flow_group
from mandant_desktop.ui.forms import fit_placeholder, text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.mnemonics import give_mnemonics
from mandant_desktop.ui.org_units.dialogs import DeleteUnitDialog, MoveDialog, open_dialog
from mandant_desktop.ui.org_units.explain import ExplainDialog, children_loader, open_explain
from mandant_desktop.ui.org_units.finder import Revealer, UnitFinder, current_unit_id
from mandant_desktop.ui.org_units.role_editor import RoleEditor
from mandant_desktop.ui.org_units.roles_panel import UnitRolesPanel
from mandant_desktop.ui.org_units.tree_model import (
    INHERIT_COLUMN,
    ROLES_COLUMN,
    ROOT,
    OrgUnitTreeModel,
)
from mandant_desktop.ui.org_units.user_picker import UserPicker
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import page_heading, set_text_column_widths
from mandant_desktop.ui.theme import plain_cells
from mandant_desktop.ui.undo import UndoSteps

EXPORT_ALL, EXPORT_USER = "all", "user"

R = TypeVar("R")
#: the user field's least width, in average characters (E5); its placeholder may ask for more
USER_PICKER_CHARACTERS = 46.6


class WholeToolBar(QToolBar):
    """A tool bar never narrower than all its commands: it is laid out in a flow that wraps it onto
    the next line instead, so no command hides behind the overflow button."""

    def __init__(self) -> None:
        super().__init__()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class OrgUnitsPage(Page):
    page_id: ClassVar[str] = "org-units"
    object_name: ClassVar[str] = "page.orgUnits"
    permission: ClassVar[str] = "org_units.view"
    icon_name: ClassVar[str] = "org-units"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Org units")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = context.app.services.org_units
        self._assignments = context.app.services.assignments
        self.role_choices: list[RoleChoice] = []
        #: units where the operator may assign roles (S1); None: everywhere
        self._assignable: frozenset[int] | None = frozenset()
        self._reveal_after_refresh: tuple[int, ...] | None = None
        self._first_load = True
        self.export_task: tasks.Task[int] | None = None
        #: every change, its impact count, undo and redo on workers, one at a time (S5, E7)
        self.steps: UndoSteps[OrgChange] = UndoSteps(
            self,
            lambda change: self._service.revert(context.operator, change),
            self._after_revert,
            self._say,
            on_result=self._reverted,
            kept=lambda change: change.kept,
        )
        self._keep_current: int | None = None
        self.undo_stack = self.steps.stack
        self.heading = page_heading()
        op = context.operator
        may_see_roles = op.can("assignments.view")

        self.user_label = QLabel()
        self.user_picker = UserPicker(lambda text: self._service.users(op, text))
        self.user_picker.setEnabled(may_see_roles)
        self.user_label.setBuddy(self.user_picker)
        self.user_picker.user_chosen.connect(self._user_chosen)
        self.search_label = QLabel()
        self.unit_search = QLineEdit()
        self.unit_search.setObjectName("orgUnitSearch")
        self.unit_search.setClearButtonEnabled(True)
        self.unit_search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_label.setBuddy(self.unit_search)
        self.match_label = QLabel()
        self.match_label.setObjectName("orgUnitMatch")

        self.model = OrgUnitTreeModel(
            children_loader(self._service, op),
            (lambda user_id, parents: self._service.roles_in_tree(op, user_id, parents)) if may_see_roles else None,
            self,
            columns=3 if may_see_roles else 1,
            load_many=lambda parent_ids: self._service.children_many(op, parent_ids),
            load_all=lambda: self._service.all_units(op),
        )
        self.model.drag_enabled = op.can("org_units.edit")
        self.model.move_requested.connect(self.move_unit)
        self.model.rename_requested.connect(self.rename_unit)
        self.model.roles_loaded.connect(self._update_panel)
        self.model.children_loaded.connect(self._children_loaded)
        self.model.refreshed.connect(self._after_refresh)
        self.model.all_loaded.connect(self._all_loaded)
        self.tree = QTreeView()
        self.tree.setObjectName("orgUnitTree")
        plain_cells(self.tree)  # no check boxes in its rows
        self.tree.setModel(self.model)
        self.model.roles_reset.connect(self._repaint_roles_columns)  # every row's roles columns
        self.tree.setUniformRowHeights(True)  # the view never measures thousands of rows
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        if self.model.drag_enabled:  # moving by drag and drop (A9) needs org_units.edit
            self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.tree.setDropIndicatorShown(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The last column (inheritance, with roles) takes the rest, but never less than its header
        # needs in the language shown: with a large font the tree scrolls instead (E5). A stretched
        # section (QHeaderView.Stretch) was squeezed below its header.
        header.setStretchLastSection(True)
        if may_see_roles:
            set_text_column_widths(header, {0: 46.6, ROLES_COLUMN: 48.3, INHERIT_COLUMN: 20})
        remember(context.settings, self.page_id, self.tree)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        self.revealer = Revealer(self.model, self.tree)
        self.finder = UnitFinder(self.unit_search, self.revealer, lambda text: self._service.search(op, text))
        self.finder.status_changed.connect(self.match_label.setText)

        self.panel = UnitRolesPanel()
        self.panel.setVisible(may_see_roles)
        self.roles = RoleEditor(self)
        self.panel.add_access_clicked.connect(self.roles.add_access)
        self.panel.remove_clicked.connect(self.roles.remove_role)
        self.panel.inherit_clicked.connect(self.roles.inherit_clicked)
        self.panel.edit_roles_clicked.connect(self.roles.edit_roles)
        self.panel.explain_clicked.connect(self.explain)

        self._build_actions()
        # Two tool bars that wrap one under the other on a narrow window (1,024 px, E5); neither
        # ever hides a command behind its overflow button (WholeToolBar).
        self.toolbar = WholeToolBar()
        self.toolbar.setObjectName("orgUnitToolbar")
        for action in (self.add_action, self.rename_action, self.move_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.expand_all_action)
        self.toolbar.addAction(self.collapse_all_action)
        self.history_toolbar = WholeToolBar()
        self.history_toolbar.setObjectName("orgUnitHistoryToolbar")
        self.history_toolbar.addAction(self.undo_action)
        self.history_toolbar.addAction(self.redo_action)
        self.history_toolbar.addSeparator()
        self.export_button = QToolButton()
        self.export_button.setObjectName("orgUnitExportButton")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_menu = QMenu(self)
        self.export_menu.addAction(self.export_all_action)
        self.export_menu.addAction(self.export_user_action)
        self.export_button.setMenu(self.export_menu)
        self.history_toolbar.addWidget(self.export_button)
        toolbars = FlowLayout(spacing=0)
        toolbars.addWidget(self.toolbar)
        toolbars.addWidget(self.history_toolbar)

        # Each label with its field; the two wrap onto two lines on a narrow window (1,024 px, E5).
        bar = FlowLayout(spacing=16)
        bar.addWidget(flow_group(self.user_label, self.user_picker))
        bar.addWidget(flow_group(self.search_label, self.unit_search, self.match_label))
        self.splitter = QSplitter()
        self.splitter.setObjectName("orgUnitSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([800, 320])
        remember(context.settings, self.page_id, self.splitter)
        self.status = QLabel()
        self.status.setObjectName("orgUnitStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addLayout(toolbars)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.retranslateUi()
        self.model.reload()
        self._load_choices()
        self._update_actions()

    # ------------------------------------------------------------------ actions

    def _action(
        self, name: str, handler: Callable[[], Any], shortcuts: tuple[QKeySequence, ...] = (), *, on_tree: bool = False
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: handler())
        if shortcuts:
            action.setShortcuts(list(shortcuts))
            # Keys that edit the tree work there only: Del in a search field deletes a character.
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetShortcut if on_tree else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            (self.tree if on_tree else self).addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.add_action = self._action("orgUnitAddAction", self.add_unit, (key(key.StandardKey.New),))
        self.rename_action = self._action("orgUnitRenameAction", self.start_rename)  # F2: the view's edit key
        self.move_action = self._action("orgUnitMoveAction", self.move_with_dialog, (key("Ctrl+M"),))
        self.delete_action = self._action(
            "orgUnitDeleteAction", self.delete_unit, (key(Qt.Key.Key_Delete),), on_tree=True
        )
        self.add_access_action = self._action("orgUnitAddAccessAction", self.roles.add_access, (key("Ctrl+Shift+A"),))
        self.edit_roles_action = self._action("orgUnitEditRolesAction", self.roles.edit_roles)
        self.explain_action = self._action("orgUnitExplainAction", self.explain, (key("Ctrl+I"),))
        self.export_all_action = self._action("orgUnitExportAllAction", lambda: self.export_with_dialog(EXPORT_ALL))
        self.export_user_action = self._action("orgUnitExportUserAction", lambda: self.export_with_dialog(EXPORT_USER))
        # Ctrl++ as zooming in elsewhere; Ctrl+= where + needs Shift (US layout)
        self.expand_all_action = self._action("orgUnitExpandAllAction", self.expand_all, (key("Ctrl++"), key("Ctrl+=")))
        self.collapse_all_action = self._action("orgUnitCollapseAllAction", self.collapse_all, (key("Ctrl+-"),))
        self.menu_action = self._action(
            "orgUnitMenuAction", self.menu_from_keyboard, (key("Shift+F10"), key(Qt.Key.Key_Menu)), on_tree=True
        )
        # Own actions, not the stack's: the stack moves only after the worker has done the step.
        self.undo_action = self._action("orgUnitUndoAction", self.steps.undo, (key(key.StandardKey.Undo),))
        self.redo_action = self._action("orgUnitRedoAction", self.steps.redo, (key("Ctrl+Shift+Z"), key("Ctrl+Y")))
        for action in (self.undo_action, self.redo_action, self.expand_all_action, self.collapse_all_action):
            # Icon only in the toolbar (its tooltip says what), so that the toolbar fits a narrow window.
            action.setPriority(QAction.Priority.LowPriority)
        self.undo_stack.indexChanged.connect(self._name_undo_steps)
        self.steps.busy_changed.connect(self._name_undo_steps)

    def _name_undo_steps(self, *_index: int) -> None:
        """The toolbar keeps its short words; what a step would undo or redo is in the tool tip."""
        if not shiboken6.isValid(self.undo_action) or not shiboken6.isValid(self.redo_action):
            return  # the page is being destroyed; the stack says goodbye to actions already gone
        idle = not self.steps.busy
        self.undo_action.setEnabled(idle and self.undo_stack.canUndo())
        self.redo_action.setEnabled(idle and self.undo_stack.canRedo())
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.undo_action.setToolTip(
            self.tr("Undo: %1 (Ctrl+Z)").replace("%1", self.undo_stack.undoText()) if self.undo_stack.canUndo() else ""
        )
        self.redo_action.setToolTip(
            self.tr("Redo: %1 (Ctrl+Shift+Z)").replace("%1", self.undo_stack.redoText())
            if self.undo_stack.canRedo()
            else ""
        )

    def _update_actions(self) -> None:
        op = self.context.operator
        unit = self.current_unit()
        user = self.user_picker.user
        roles = self.model.roles(unit.id) if unit is not None and user is not None else None
        inherited = roles is not None and roles.inherited_from is not None
        may_assign = unit is not None and user is not None and roles is not None and self._may_assign(unit.id)
        self.add_action.setEnabled(op.can("org_units.edit"))
        self.rename_action.setEnabled(unit is not None and op.can("org_units.edit"))
        self.move_action.setEnabled(unit is not None and op.can("org_units.edit"))
        self.delete_action.setEnabled(unit is not None and op.can("org_units.delete"))
        self.add_access_action.setEnabled(may_assign and not inherited)
        self.edit_roles_action.setEnabled(may_assign and inherited)
        self.explain_action.setEnabled(unit is not None and user is not None)
        self.export_all_action.setEnabled(op.can("assignments.export"))
        self.export_user_action.setEnabled(op.can("assignments.export") and user is not None)
        self.export_button.setEnabled(op.can("assignments.export"))

    def _may_assign(self, unit_id: int) -> bool:
        return self.context.operator.can("assignments.assign") and (
            self._assignable is None or unit_id in self._assignable
        )

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = self.build_context_menu()
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def build_context_menu(self) -> QMenu:
        """The tree's menu: unit actions, then the chosen user's role actions, each group only with
        what is possible now."""
        menu = QMenu(self)
        groups = (
            (self.add_action, self.rename_action, self.move_action, self.delete_action),
            (self.add_access_action, self.edit_roles_action, self.explain_action),
            (self.export_all_action, self.export_user_action),
            (self.expand_all_action, self.collapse_all_action),
        )
        for group in groups:
            enabled = [action for action in group if action.isEnabled()]
            if enabled and not menu.isEmpty():
                menu.addSeparator()
            menu.addActions(enabled)
            if group[0] is self.add_access_action:
                self._add_remove_entries(menu)
        return give_mnemonics(menu)  # E2: the "Remove <role>…" entries are data and need letters too

    def _add_remove_entries(self, menu: QMenu) -> None:
        """ "Remove role ▸" with each direct role the operator may remove: "−" from the keyboard
        (A7); disabled, saying why, when there is none. Only with a user chosen: without one the
        tree shows nobody's roles."""
        chosen = self.chosen()
        if chosen is None:
            return
        roles = self.model.roles(chosen[1].id)
        reason = None
        if roles is None:
            reason = role_menus.loading_reason()
        elif not self._may_assign(chosen[1].id):
            reason = role_menus.not_allowed_reason()
        role_menus.add_remove_role_menu(menu, roles.roles if roles is not None else (), self.roles.remove_role, reason)

    def menu_from_keyboard(self) -> None:
        current = self.tree.currentIndex()
        rect = self.tree.visualRect(current) if current.isValid() else self.tree.viewport().rect()
        self._context_menu(rect.center())

    # ------------------------------------------------------------------ loading

    def refresh(self) -> bool:
        """F5 and other workstations' changes (E8): every loaded level and the roles shown."""
        self.model.refresh()
        self._load_choices()
        return True

    def tenant_filter_changed(self) -> None:
        """Org units and roles are not tenant data (SPEC T9): the filter changes nothing here."""

    def search_field(self) -> QLineEdit:
        return self.unit_search

    def _load_choices(self) -> None:
        op = self.context.operator
        if not op.can("assignments.view"):
            return

        def load() -> tuple[list[RoleChoice], frozenset[int] | None]:
            return self._service.role_choices(op), self._assignments.assignable_units(op)

        tasks.run(self, load, on_done=self._choices_loaded)

    def _choices_loaded(self, loaded: tuple[list[RoleChoice], frozenset[int] | None]) -> None:
        self.role_choices, self._assignable = loaded
        self._update_panel()

    def _children_loaded(self, parent_id: int) -> None:
        if parent_id == ROOT and self._first_load:
            # The top of the tree opened one level, as the manual's pictures show it.
            self._first_load = False
            rows = self.model.rowCount()
            if rows <= 3:
                for row in range(rows):
                    self.tree.expand(self.model.index(row, 0))
            if rows and not self.tree.currentIndex().isValid():
                self.tree.setCurrentIndex(self.model.index(0, 0))

    def _after_refresh(self) -> None:
        path, self._reveal_after_refresh = self._reveal_after_refresh, None
        if path:
            self.revealer.reveal(path)
        self._update_panel()

    # ------------------------------------------------------------------ current unit and user

    def current_unit(self) -> UnitNode | None:
        unit_id = current_unit_id(self.tree)
        return self.model.node_unit(unit_id) if unit_id is not None else None

    def _current_changed(self) -> None:
        self._update_panel()

    def _user_chosen(self, user: GridUser | None) -> None:
        self.model.set_user(user.id if user is not None else None)
        self._update_panel()

    def _update_panel(self) -> None:
        unit = self.current_unit()
        user = self.user_picker.user
        self.panel.show_state(
            user.display_name if user is not None else None,
            unit.name if unit is not None else "",
            " / ".join(self.model.path_names(unit.id)) if unit is not None else "",
            self.model.roles(unit.id) if unit is not None else None,
            can_assign=unit is not None and self._may_assign(unit.id),
        )
        self._update_actions()

    def chosen(self) -> tuple[GridUser, UnitNode] | None:
        user, unit = self.user_picker.user, self.current_unit()
        if user is None or unit is None:
            return None
        return user, unit

    # ------------------------------------------------------------------ the tree's units

    def add_unit(self) -> None:
        if self.steps.refuse_while_busy():  # before the name is asked for, not after
            return
        parent = self.current_unit()
        label = (
            self.tr("Name of the new unit under %1:").replace("%1", parent.name)
            if parent is not None
            else self.tr("Name of the new top-level unit:")
        )
        name = interaction.get().ask_text(self, self.tr("Add child unit"), label)
        if not name or not name.strip():
            return
        parent_id = parent.id if parent is not None else None

        def added(change: OrgChange) -> None:
            unit = change.node
            assert unit is not None
            self._reveal_after_refresh = (*self.model.path_ids(parent_id), unit.id)
            self._push(change, self.tr("Add unit “%1”").replace("%1", unit.name), tree=True)

        self.steps.run(self._service.add, self.context.operator, parent_id, name.strip(), on_done=added)

    def start_rename(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(0))

    def rename_unit(self, unit_id: int, name: str) -> None:
        unit = self.model.node_unit(unit_id)
        version = unit.version if unit is not None else None

        def renamed(change: OrgChange) -> None:
            if change.renamed is None:
                self.model.refresh()
                return
            _unit, before, after = change.renamed
            self._push(
                change, self.tr("Rename unit “%1” to “%2”").replace("%1", before).replace("%2", after), tree=True
            )

        self.steps.run(
            self._service.rename,
            self.context.operator,
            unit_id,
            name,
            version=version,
            on_done=renamed,
            on_failed=self.model.refresh,  # the old name again
        )

    def move_with_dialog(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        op = self.context.operator
        dialog = MoveDialog(
            unit.name,
            children_loader(self._service, op),
            lambda text: self._service.search(op, text),
            self,
        )
        dialog.accepted.connect(lambda: self.move_unit(unit.id, dialog.target()))
        open_dialog(dialog)

    def move_unit(self, unit_id: int, new_parent_id: int | None) -> None:
        unit = self.model.node_unit(unit_id)
        name = unit.name if unit is not None else ""
        target = self.model.node_unit(new_parent_id) if new_parent_id is not None else None
        text = (
            self.tr("Move unit “%1” under “%2”").replace("%1", name).replace("%2", target.name)
            if target is not None
            else self.tr("Move unit “%1” to the top level").replace("%1", name)
        )

        def moved(change: OrgChange) -> None:
            if not change.size:  # the unit is under that parent already: no step to undo
                self._say(self.tr("Nothing to change: it is so already."))
                return
            self._reveal_after_refresh = (*self.model.path_ids(new_parent_id), unit_id)
            self._push(change, text, tree=True)

        self.steps.run(
            self._service.move,
            self.context.operator,
            unit_id,
            new_parent_id,
            on_done=moved,
            progress=(self.title(), text + "…"),
            reports=False,  # the service counts no steps and commits as one
        )

    def delete_unit(self) -> None:
        unit = self.current_unit()
        if unit is not None:
            self.steps.run(
                self._service.delete_impact,
                self.context.operator,
                unit.id,
                on_done=lambda impact: self._ask_delete(unit, impact),
                writes=False,
            )

    def _ask_delete(self, unit: UnitNode, impact: DeleteImpact) -> None:
        if impact.children:
            parent_name = self.model.path_names(unit.parent_id)[-1] if unit.parent_id else None
            dialog = DeleteUnitDialog(
                unit.name, parent_name, impact.children, impact.descendants, impact.assignments, self
            )
            dialog.accepted.connect(lambda: self._delete(unit, "delete" if dialog.mode() == "delete" else "lift"))
            open_dialog(dialog)
            return
        question = self.tr("Delete the org unit %1?").replace("%1", unit.name)
        if impact.assignments:
            question += "\n\n" + self.tr("%Ln role assignment(s) in it are removed.", None, impact.assignments)
        if interaction.get().confirm(
            self, self.tr("Delete org unit"), question, ok_text=self.tr("Delete"), destructive=True
        ):
            self._delete(unit, "delete")

    def _delete(self, unit: UnitNode, mode: DeleteMode) -> None:
        def deleted(change: OrgChange) -> None:
            self._reveal_after_refresh = self.model.path_ids(unit.parent_id) or None
            self._push(change, self.tr("Delete unit “%1”").replace("%1", unit.name), tree=True)

        self.steps.run(
            self._service.delete,
            self.context.operator,
            unit.id,
            children=mode,
            on_done=deleted,
            progress=(self.title(), self.tr("Deleting %1…").replace("%1", unit.name)),
            reports=False,  # the service counts no steps and commits as one
        )

    def _repaint_roles_columns(self) -> None:
        """Repaint the roles columns of every visible row (another user, or their roles loaded
        again): the unit column stays as it is, and the view paints neither its names nor its
        branches again, which ask the model for every row's ancestors (issue 8)."""
        viewport = self.tree.viewport()
        header = self.tree.header()
        changed = QRect()
        for column in range(ROLES_COLUMN, self.model.columnCount()):
            if not header.isSectionHidden(column):
                left = header.sectionViewportPosition(column)
                changed |= QRect(left, 0, header.sectionSize(column), viewport.height())
        if not changed.isEmpty():
            viewport.update(changed.intersected(viewport.rect()))

    def expand_all(self) -> None:
        """Every unit at once: one query on a worker, the model filled in one go, then the view
        expanded in one call (section 8: 5,000 units up to depth 10)."""
        self._keep_current = current_unit_id(self.tree)
        if self.model.load_all():
            self._say(self.tr("Loading all org units…"))

    def _all_loaded(self) -> None:
        self.tree.expandAll()
        current = self.model.index_of(self._keep_current) if self._keep_current is not None else QModelIndex()
        if current.isValid():
            self.tree.setCurrentIndex(current)
            self.tree.scrollTo(current)
        self._say(self.tr("%Ln org unit(s) shown.", None, self.model.loaded_count()))

    def collapse_all(self) -> None:
        """Back to the top level; the selected unit's branch closes with the rest."""
        self.tree.collapseAll()
        current = self.tree.currentIndex()
        if current.isValid():
            top = current
            while top.parent().isValid():
                top = top.parent()
            self.tree.setCurrentIndex(top.siblingAtColumn(0))

    def explain(self) -> ExplainDialog | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        user, unit = chosen
        dialog = open_explain(self, self.context, user.id, user.display_name, self.model.path_ids(unit.id))
        return dialog

    # ------------------------------------------------------------------ changes and undo

    @property
    def busy(self) -> bool:
        """True while a change, its impact count, an undo or a redo runs on a worker."""
        return self.steps.busy

    def ask(self, fn: Callable[..., R], *args: Any, then: Callable[[R], None]) -> tasks.Task[R] | None:
        """A count for a question (an impact, "is it the last role?") on a worker as the page's next
        step; ``then(answer)`` opens the question when it has arrived."""
        return self.steps.run(fn, self.context.operator, *args, on_done=then, writes=False)

    def change(
        self, fn: Callable[..., OrgChange], *args: Any, text: str, long: bool = False
    ) -> tasks.Task[OrgChange] | None:
        """``fn(operator, *args)`` on a worker; the change goes on the undo stack when it is done.
        ``long`` (inheritance over a whole subtree) shows a progress dialog after a moment (E3)."""

        def done(change: OrgChange) -> None:
            if not change.size:
                self.model.refresh_roles()
                self._say(self.tr("Nothing to change: it is so already."))
                return
            self._push(change, text)

        return self.steps.run(
            fn,
            self.context.operator,
            *args,
            on_done=done,
            on_failed=self.model.refresh_roles,  # the refusal may come from a change made elsewhere
            progress=(self.title(), text + "…") if long else None,
            reports=False,  # the service counts no steps and commits as one
        )

    def _push(self, change: OrgChange, text: str, *, tree: bool = False) -> None:
        self.steps.push(change, text)
        if tree:
            self.model.refresh()
        else:
            self.model.refresh_roles()
        self._say(text + ". " + self.tr("Ctrl+Z undoes it."))

    def _after_revert(self, change: OrgChange) -> None:
        if change.changes_tree:
            self.model.refresh()
        else:
            self.model.refresh_roles()

    def _reverted(self, inverse: OrgChange) -> None:
        """An undo or redo restored units under new ids (their old ones were taken meanwhile): the
        other steps on the stack name them by their new ids from now on."""
        if inverse.renumbered:
            ids = dict(inverse.renumbered)
            self.steps.renumber(lambda change: change.renumber(ids))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.context.shell.show_status(text)

    # ------------------------------------------------------------------ export

    def export_with_dialog(self, scope: str) -> None:
        path = ask_export_path(self)
        if path is not None:
            self.export(scope, path)

    def export(self, scope: str, path: Path) -> tasks.Task[int] | None:
        """All accesses within reach, or the chosen user's (A3), on a worker with progress (E3)."""
        user_id: int | None = None
        if scope == EXPORT_USER:
            if self.user_picker.user is None:
                return None
            user_id = self.user_picker.user.id

        def done(rows: int) -> None:
            self._say(self.tr("%Ln row(s) written to %1.", None, rows).replace("%1", str(path)))

        self.export_task = tasks.run_with_progress(
            self,
            self.tr("Download role assignments"),
            self.tr("Writing the Excel file…"),
            self._assignments.export,
            self.context.operator,
            path,
            user_id=user_id,
            translate=_translate_export,
            on_done=done,
        )
        return self.export_task

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.user_label.setText(self.tr("&User:"))
        self.user_picker.setPlaceholderText(self.tr("Search a user by name, user name or e-mail…"))
        fit_placeholder(self.user_picker, text_width(self.user_picker, USER_PICKER_CHARACTERS))
        self.user_picker.setAccessibleName(self.tr("User whose roles are shown"))
        self.search_label.setText(self.tr("Fi&nd org unit:"))
        self.unit_search.setPlaceholderText(self.tr("Unit name, Enter (again: next match)"))
        fit_placeholder(self.unit_search)
        self.unit_search.setAccessibleName(self.tr("Find org unit"))
        self.add_action.setText(self.tr("&Add child unit…"))
        self.add_action.setToolTip(self.tr("Add a unit under the selected one (Ctrl+N)"))
        self.rename_action.setText(self.tr("Re&name"))
        self.rename_action.setToolTip(self.tr("Rename the selected unit (F2)"))
        self.move_action.setText(self.tr("&Move to…"))
        self.move_action.setToolTip(self.tr("Move the selected unit under another one (Ctrl+M); or drag it there"))
        self.delete_action.setText(self.tr("&Delete…"))
        self.delete_action.setToolTip(self.tr("Delete the selected unit (Del)"))
        self.add_access_action.setText(self.tr("Add a&ccess…"))
        self.edit_roles_action.setText(self.tr("&Edit roles"))
        self.explain_action.setText(self.tr("E&xplain permissions…"))
        self.export_all_action.setText(self.tr("All acce&sses…"))
        self.export_user_action.setText(self.tr("Accesses of the chosen &user…"))
        self.export_button.setText(self.tr("Expor&t"))
        self.expand_all_action.setText(self.tr("Ex&pand all"))
        self.expand_all_action.setToolTip(self.tr("Show every org unit at every level (Ctrl++)"))
        self.collapse_all_action.setText(self.tr("Co&llapse all"))
        self.collapse_all_action.setToolTip(self.tr("Show the top level only (Ctrl+-)"))
        self._name_undo_steps()
        self.tree.setAccessibleName(self.tr("Org units"))
        self.status.setText(
            self.tr("Right-click a unit (or press the menu key) for its actions; drag a unit onto another to move it.")
        )
        self.panel.retranslateUi()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
