"""The role assignment page, standard view (SPEC A1-A3): units × users, bulk edit, download.

Every change — one role from a cell, or a bulk edit — goes on the page's undo stack as the exact
set of rows it added and removed; Ctrl+Z reverts it as a whole, Ctrl+Y does it again (E7).

The bulk edit, its preview, undo and redo, and the download run on a worker (S5, E3): the page
stays responsive, a progress dialog with Cancel appears for long work, and the undo stack moves
only when the database has done the step. One such step runs at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.assignments import (
    AssignmentsService,
    BulkEdit,
    BulkPreview,
    ChangeSet,
    Chip,
    GridUnit,
    GridUser,
    RoleChoice,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import OperationCancelledError
from mandant_desktop.ui import icons, interaction, tasks
from mandant_desktop.ui.assignments.bulk import BulkEditPanel
from mandant_desktop.ui.assignments.grid import AssignmentGridModel, ChipDelegate
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.imports import ImportKind, import_button
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.multi_select import MultiSelectButton
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import page_heading
from mandant_desktop.ui.undo import UndoSteps

EXPORT_CONTEXT = "exports"
EXPORT_ALL, EXPORT_SELECTION, EXPORT_USER = "all", "selection", "user"


def _translate_export(text: str) -> str:
    return QCoreApplication.translate(EXPORT_CONTEXT, text)


# The export's fixed words, for lupdate (the service speaks English, S7 / A3).
EXPORT_TEXTS = (
    QT_TRANSLATE_NOOP("exports", "Role assignments"),
    QT_TRANSLATE_NOOP("exports", "User"),
    QT_TRANSLATE_NOOP("exports", "E-mail"),
    QT_TRANSLATE_NOOP("exports", "Org unit"),
    QT_TRANSLATE_NOOP("exports", "Role"),
    QT_TRANSLATE_NOOP("exports", "Inherited"),
    QT_TRANSLATE_NOOP("exports", "Inherited from"),
    QT_TRANSLATE_NOOP("exports", "yes"),
    QT_TRANSLATE_NOOP("exports", "no"),
)


def ask_export_path(parent: QWidget) -> Path | None:
    """The file for a download of role assignments (this page and the org units page, A3)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("AssignmentsPage", text)

    path, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("Download role assignments"),
        str(Path.home() / (tr("role-assignments") + ".xlsx")),
        tr("Excel workbook (*.xlsx)"),
    )
    return Path(path) if path else None


def confirm_role_removal(
    parent: QWidget,
    service: AssignmentsService,
    operator: Operator,
    user: GridUser,
    unit_id: int,
    unit: str,
    chip: Chip,
) -> bool:
    """Ask before a direct role is removed (A1, A7); False when refused or cancelled."""
    last = run_action(parent, service.leaves_without_role, operator, user.id, unit_id, chip.role_id)
    return last is not None and ask_role_removal(parent, user, unit, chip, last=last)


def ask_role_removal(parent: QWidget, user: GridUser, unit: str, chip: Chip, *, last: bool) -> bool:
    """The question before a direct role is removed; ``last``: it is the user's last role anywhere,
    so they could not log in afterwards (R3, S2). False when cancelled."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("AssignmentsPage", text)

    question = (
        tr("Remove the role %1 of %2 in %3?")
        .replace("%1", chip.role_name)
        .replace("%2", user.display_name)
        .replace("%3", unit)
    )
    if last:
        question += "\n\n" + tr(
            "This is the last role of %1: afterwards they hold no role in any org unit and can no longer log in."
        ).replace("%1", user.display_name)
    return interaction.get().confirm(parent, tr("Remove role"), question, ok_text=tr("Remove"), destructive=True)


class AssignmentsPage(Page):
    page_id: ClassVar[str] = "assignments"
    object_name: ClassVar[str] = "page.assignments"
    permission: ClassVar[str] = "assignments.view"
    icon_name: ClassVar[str] = "assignments"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Role assignment")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._service = context.app.services.assignments
        self._all_units: list[GridUnit] = []
        self._all_users: list[GridUser] = []
        self._roles: list[RoleChoice] = []
        #: the bulk edit, undo and redo on workers, one at a time
        self.steps: UndoSteps[ChangeSet] = UndoSteps(
            self,
            lambda change: self._service.revert(self.operator(), change),
            lambda _change: self._after_change(),
            self.context.shell.show_status,
        )
        self.steps.busy_changed.connect(self._step_ended)
        self.undo_stack = self.steps.stack
        self.heading = page_heading()

        self.unit_filter = MultiSelectButton("assignmentUnitFilter")
        self.user_filter = MultiSelectButton("assignmentUserFilter")
        self.filter_button = QPushButton()
        self.filter_button.setObjectName("assignmentFilterButton")
        self.filter_button.clicked.connect(self.apply_filter)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("assignmentResetButton")
        self.reset_button.clicked.connect(self.reset_filter)
        self.bulk_button = QPushButton()
        self.bulk_button.setObjectName("bulkEditButton")
        self.bulk_button.setCheckable(True)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_menu = QMenu(self)
        self.export_all_action = self.export_menu.addAction("")
        self.export_all_action.triggered.connect(lambda: self.export_with_dialog(EXPORT_ALL))
        self.export_selection_action = self.export_menu.addAction("")
        self.export_selection_action.triggered.connect(lambda: self.export_with_dialog(EXPORT_SELECTION))
        self.export_user_action = self.export_menu.addAction("")
        self.export_user_action.triggered.connect(lambda: self.export_with_dialog(EXPORT_USER))
        self.export_button.setMenu(self.export_menu)
        # Own actions, not the stack's: the stack moves only after the worker has done the step.
        self.undo_action = QAction(icons.icon("undo"), "", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.steps.undo)
        self.redo_action = QAction(icons.icon("redo"), "", self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action.triggered.connect(self.steps.redo)
        self.addActions([self.undo_action, self.redo_action])
        # The button shows the icon only (its tooltip says what), so that the row fits a narrow window.
        self.undo_action.setPriority(QAction.Priority.LowPriority)
        self.undo_stack.indexChanged.connect(self._sync_undo_actions)
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("assignmentUndoButton")
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.model = AssignmentGridModel(self._fetch_cells, self)
        self.grid = QTableView()
        self.grid.setObjectName("assignmentGrid")
        self.grid.setModel(self.model)
        self.delegate = ChipDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.delegate.remove_requested.connect(self._chip_remove_clicked)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(180)
        vertical = self.grid.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 14)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setMinimumWidth(220)
        vertical.setMaximumWidth(360)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._cell_menu)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._remove_from_current_cell)
        self.grid.addAction(self.remove_action)

        self.bulk_panel = BulkEditPanel(self._preview, self)
        self.bulk_panel.setVisible(False)
        self.bulk_panel.confirmed.connect(self.apply_bulk)
        self.bulk_button.toggled.connect(self._toggle_bulk)
        self.status = QLabel()
        self.status.setObjectName("assignmentStatus")

        bar = QHBoxLayout()
        bar.addWidget(self.unit_filter)
        bar.addWidget(self.user_filter)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.reset_button)
        bar.addStretch(1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.bulk_button)
        bar.addWidget(self.export_button)
        bar.addWidget(import_button(self, ImportKind.ASSIGNMENTS))  # S8 (issue 7)
        self.splitter = QSplitter()
        self.splitter.setObjectName("assignmentSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.bulk_panel)
        self.splitter.setStretchFactor(0, 1)
        remember(context.settings, self.page_id, self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> bool:
        return run_action(self, self._load) is not None

    def _load(self) -> bool:
        op = self.operator()
        self._all_units = self._service.units(op)
        self._all_users = self._service.users(op)
        self._roles = self._service.roles(op)
        self.model.assignable = self._service.assignable_units(op)
        self.model.set_unit_names({u.id: u.path for u in self._all_units})
        unit_items = [(u.id, "  " * min(u.depth, 8) + u.name, u.path) for u in self._all_units]
        user_items = [(u.id, u.display_name, f"{u.username} · {u.email or ''}") for u in self._all_users]
        role_items = [
            (r.id, r.name, self.tr("%n permission(s)").replace("%n", str(r.permission_count))) for r in self._roles
        ]
        for button, items in (
            (self.unit_filter, unit_items),
            (self.user_filter, user_items),
            (self.bulk_panel.units, unit_items),
            (self.bulk_panel.users, user_items),
            (self.bulk_panel.roles, role_items),
        ):
            button.model.set_items(items)
        self._show_axes()
        can_assign = op.can("assignments.assign")
        self.bulk_button.setEnabled(can_assign and op.can("assignments.bulk_edit"))
        self.export_button.setEnabled(op.can("assignments.export"))
        return True

    def _show_axes(self) -> None:
        units = set(self.unit_filter.checked())
        users = set(self.user_filter.checked())
        shown_units = [u for u in self._all_units if not units or u.id in units]
        shown_users = [u for u in self._all_users if not users or u.id in users]
        self.model.set_axes(shown_units, shown_users)
        self.status.setText(
            self.tr("%1 × %2. Right-click a cell (or press the menu key) to add a role; × removes one.")
            .replace("%1", self.tr("%n org unit(s)").replace("%n", str(len(shown_units))))
            .replace("%2", self.tr("%n user(s)").replace("%n", str(len(shown_users))))
        )

    def _fetch_cells(self, unit_ids: object, user_ids: object) -> dict[tuple[int, int], list[Chip]] | None:
        return run_action(self, self._service.cells, self.operator(), unit_ids, user_ids)

    def apply_filter(self) -> None:
        self._show_axes()

    def reset_filter(self) -> None:
        self.unit_filter.model.set_checked(())
        self.user_filter.model.set_checked(())
        self._show_axes()

    # ------------------------------------------------------------------ single changes

    def _cell_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            index = self.grid.currentIndex()
            if not index.isValid():
                return
            pos = self.grid.visualRect(index).center()
        self.grid.setCurrentIndex(index)
        menu = self.build_cell_menu(index)
        menu.exec(self.grid.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def build_cell_menu(self, index: QModelIndex) -> QMenu:
        """The menu of a cell: "Add role" with every role not held there, "Remove" per direct role."""
        menu = QMenu(self)
        row, column = index.row(), index.column()
        chips = self.model.chips(row, column)
        held = {chip.role_id for chip in chips}
        allowed = self.operator().can("assignments.assign") and self.model.can_assign(row)
        inherited = any(chip.inherited for chip in chips)
        add_menu = menu.addMenu(self.tr("&Add role"))
        add_menu.setObjectName("addRoleMenu")
        for role in self._roles:
            action = add_menu.addAction(role.name)
            action.setEnabled(allowed and not inherited and role.id not in held)
            action.triggered.connect(lambda _c=False, r=role.id: self.add_role(row, column, r))
        add_menu.setEnabled(allowed and not inherited)
        for chip in chips:
            if chip.inherited:
                continue
            action = menu.addAction(self.tr("Remove %1…").replace("%1", chip.role_name))
            action.setEnabled(allowed)
            action.triggered.connect(lambda _c=False, ch=chip: self.remove_role(row, column, ch))
        if inherited:
            note = menu.addAction(self.tr("Roles here are inherited; change them on the org units page."))
            note.setEnabled(False)
        if not allowed:
            note = menu.addAction(self.tr("You may not assign roles in this org unit."))
            note.setEnabled(False)
        return menu

    def add_role(self, row: int, column: int, role_id: int) -> None:
        if self.steps.refuse_while_busy():  # the undo stack takes one step at a time
            return
        unit, user = self.model.units[row], self.model.users[column]
        change = run_action(self, self._service.add, self.operator(), user.id, unit.id, role_id)
        if change is None:
            return
        if not change.size:
            # Another workstation added the same role a moment ago (S4): nothing to undo.
            self.model.invalidate()
            self.context.shell.show_status(self.tr("The user holds this role here already."))
            return
        name = next((r.name for r in self._roles if r.id == role_id), "")
        self._push(
            change,
            self.tr("Add %1 for %2 in %3")
            .replace("%1", name)
            .replace("%2", user.display_name)
            .replace("%3", unit.name),
        )

    def _chip_remove_clicked(self, index: QModelIndex, chip: Chip) -> None:
        self.remove_role(index.row(), index.column(), chip)

    def _remove_from_current_cell(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        direct = [chip for chip in self.model.chips(index.row(), index.column()) if not chip.inherited]
        if len(direct) == 1:
            self.remove_role(index.row(), index.column(), direct[0])
        elif direct:
            self._cell_menu(self.grid.visualRect(index).center())

    def remove_role(self, row: int, column: int, chip: Chip) -> None:
        unit, user = self.model.units[row], self.model.users[column]
        if chip.inherited or self.steps.refuse_while_busy():
            return
        if not confirm_role_removal(self, self._service, self.operator(), user, unit.id, unit.path, chip):
            return
        change = run_action(self, self._service.remove, self.operator(), user.id, unit.id, chip.role_id)
        if change is None:
            return
        self._push(
            change,
            self.tr("Remove %1 for %2 in %3")
            .replace("%1", chip.role_name)
            .replace("%2", user.display_name)
            .replace("%3", unit.name),
        )

    # ------------------------------------------------------------------ bulk edit and undo

    def _toggle_bulk(self, on: bool) -> None:
        self.bulk_panel.setVisible(on)
        if on:
            self.bulk_panel.update_preview()

    def _preview(self, edit: BulkEdit) -> BulkPreview:
        return self._service.preview(self.operator(), edit)  # on the panel's worker

    @property
    def busy(self) -> bool:
        """True while a bulk edit, an undo or a redo is being written."""
        return self.steps.busy

    def _step_ended(self) -> None:
        self._sync_undo_actions()
        self.bulk_panel.setEnabled(not self.steps.busy)

    def apply_bulk(self, edit: BulkEdit) -> tasks.Task[ChangeSet] | None:
        """Write the bulk edit on a worker with progress and Cancel (E3); the change goes on the
        undo stack when it is done. Cancel rolls it back: nothing changes, the status bar says so."""

        def done(change: ChangeSet) -> None:
            text = (
                self.tr("Bulk edit: %n assignment(s) removed").replace("%n", str(len(change.removed)))
                if edit.remove
                else self.tr("Bulk edit: %n assignment(s) added").replace("%n", str(len(change.added)))
            )
            self._push(change, text)

        def not_done() -> None:
            if task is not None and task.cancelled():
                # The service rolled back; the operator asked for it, so no error box (E3).
                self.context.shell.show_status(message_for(OperationCancelledError("Cancelled; nothing was changed.")))
            self.bulk_panel.update_preview()

        task = self.steps.run(
            self._service.apply,
            self.operator(),
            edit,
            on_done=done,
            on_failed=not_done,
            progress=(self.tr("Bulk edit"), self.tr("Saving the changes…")),
        )
        return task

    def _push(self, change: ChangeSet, text: str) -> None:
        self.steps.push(change, text)
        self._after_change()
        self.context.shell.show_status(text + ". " + self.tr("Ctrl+Z undoes it."))

    def _after_change(self) -> None:
        self.model.invalidate()
        if self.bulk_panel.isVisible():
            self.bulk_panel.update_preview()

    def _sync_undo_actions(self) -> None:
        stack, idle = self.undo_stack, not self.steps.busy
        self.undo_action.setEnabled(idle and stack.canUndo())
        self.redo_action.setEnabled(idle and stack.canRedo())
        self.undo_action.setText(" ".join(filter(None, (self.tr("Undo"), stack.undoText()))))
        self.redo_action.setText(" ".join(filter(None, (self.tr("Redo"), stack.redoText()))))

    # ------------------------------------------------------------------ export

    def export_with_dialog(self, scope: str) -> None:
        path = ask_export_path(self)
        if path is not None:
            self.export(scope, path)

    def export(self, scope: str, path: Path) -> tasks.Task[int] | None:
        """Write the assignments of ``scope`` (all / the filter selection / the current user) on a
        worker, with progress and Cancel (E3); the status bar says how many rows when it is done."""
        kwargs: dict[str, Any] = {}
        if scope == EXPORT_SELECTION:
            if self.unit_filter.checked():
                kwargs["unit_ids"] = self.unit_filter.checked()
            if self.user_filter.checked():
                kwargs["user_ids"] = self.user_filter.checked()
        elif scope == EXPORT_USER:
            index = self.grid.currentIndex()
            if not index.isValid():
                interaction.get().information(
                    self, self.tr("Download role assignments"), self.tr("Select a cell of the user first.")
                )
                return None
            kwargs["user_id"] = self.model.users[index.column()].id
        return tasks.run_with_progress(
            self,
            self.tr("Download role assignments"),
            self.tr("Writing the Excel file…"),
            self._service.export,
            self.operator(),
            path,
            translate=_translate_export,  # QCoreApplication.translate is thread-safe
            on_done=lambda rows: self.context.shell.show_status(
                self.tr("%n row(s) written to %1.").replace("%n", str(rows)).replace("%1", str(path))
            ),
            **kwargs,
        )

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.unit_filter.set_label(self.tr("Org units"), self.tr("all"))
        self.user_filter.set_label(self.tr("Users"), self.tr("all"))
        self.filter_button.setText(self.tr("&Filter"))
        self.reset_button.setText(self.tr("&Show all"))
        self.bulk_button.setText(self.tr("&Bulk edit"))
        self.bulk_button.setToolTip(self.tr("Add or remove several roles for several users in several units"))
        self.export_button.setText(self.tr("Do&wnload"))
        self.export_all_action.setText(self.tr("&All assignments within your reach…"))
        self.export_selection_action.setText(self.tr("Assignments of the current &filter selection…"))
        self.export_user_action.setText(self.tr("Assignments of the selected &user…"))
        self.remove_action.setText(self.tr("Remove role"))
        self._sync_undo_actions()
        self.grid.setAccessibleName(self.tr("Role assignments: org units by users"))
