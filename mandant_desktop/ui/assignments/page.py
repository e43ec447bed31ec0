"""The role assignment page, standard view (SPEC A1-A3): units × users, bulk edit, download.

Every change — one role from a cell, or a bulk edit — goes on the page's undo stack as the exact
set of rows it added and removed; Ctrl+Z reverts it as a whole, Ctrl+Y does it again (E7).

The bulk edit, its preview, undo and redo, and the download run on a worker (S5, E3): the page
stays responsive, a progress dialog with Cancel appears for long work, and the undo stack moves
only when the database has done the step. One such step runs at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.assignments import (
    AssignmentsService,
    BulkEdit,
    BulkPreview,
    ChangeSet,
    Chip,
    GridStart,
    GridUnit,
    GridUser,
    RoleChoice,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import OperationCancelledError
from mandant_desktop.ui import icons, interaction, role_menus, tasks
from mandant_desktop.ui.assignments.bulk import BulkEditPanel
from mandant_desktop.ui.assignments.grid import (
    BLOCK_COLUMNS,
    BLOCK_ROWS,
    AssignmentGridModel,
    ChipDelegate,
    FetchCells,
)
from mandant_desktop.ui.assignments.search import Found, find_units, find_users, unit_keys, user_keys
from mandant_desktop.ui.cached_header import use_cached_headers
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.flow_layout import FlowLayout, group
from mandant_desktop.ui.forms import fit_placeholder, text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.imports import ImportKind, import_button
from mandant_desktop.ui.keyboard import ENTER_KEYS
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.loading_note import LoadingNote
from mandant_desktop.ui.mnemonics import escaped, give_mnemonics, mark_note
from mandant_desktop.ui.multi_select import MultiSelectButton
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import SearchKeys, page_heading, search_edit
from mandant_desktop.ui.theme import plain_cells
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

    # translate() with literals, not a local tr(): lupdate files a bare tr() under no context.
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AssignmentsPage", "Download role assignments"),
        str(Path.home() / (QCoreApplication.translate("AssignmentsPage", "role-assignments") + ".xlsx")),
        QCoreApplication.translate("AssignmentsPage", "Excel workbook (*.xlsx)"),
    )
    return Path(path) if path else None


def ask_role_removal(parent: QWidget, user: GridUser, unit: str, chip: Chip, *, last: bool) -> bool:
    """The question before a direct role is removed; ``last``: it is the user's last role anywhere,
    so they could not log in afterwards (R3, S2). False when cancelled."""

    question = (
        QCoreApplication.translate("AssignmentsPage", "Remove the role %1 of %2 in %3?")
        .replace("%1", chip.role_name)
        .replace("%2", user.display_name)
        .replace("%3", unit)
    )
    if last:
        question += "\n\n" + QCoreApplication.translate(
            "AssignmentsPage",
            "This is the last role of %1: afterwards they hold no role in any org unit and can no longer log in.",
        ).replace("%1", user.display_name)
    return interaction.get().confirm(
        parent,
        QCoreApplication.translate("AssignmentsPage", "Remove role"),
        question,
        ok_text=QCoreApplication.translate("AssignmentsPage", "Remove"),
        destructive=True,
    )


PickerItem = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class _GridLoad:
    """What the page's worker brings: the grid's start and the entries of the unit and user pickers."""

    start: GridStart
    unit_items: list[PickerItem]
    user_items: list[PickerItem]
    #: what the search compares, per unit and per user (folded once, on the worker)
    unit_keys: list[str]
    user_keys: list[str]


def _load_grid(
    service: AssignmentsService,
    operator: Operator,
    *,
    block: tuple[int, int],
    unit_ids: list[int] | None,
    user_ids: list[int] | None,
) -> _GridLoad:
    """On a worker: the grid's start, and the pickers' entries and the search's index built there
    too (plain text, no Qt)."""
    start = service.grid(operator, block=block, unit_ids=unit_ids, user_ids=user_ids)
    return _GridLoad(
        start,
        [(u.id, "  " * min(u.depth, 8) + u.name, u.path) for u in start.units],
        [(u.id, u.display_name, f"{u.username} · {u.email or ''}") for u in start.users],
        unit_keys(start.units),
        user_keys(start.users),
    )


#: what the page's search looks for (the combo box beside the field)
SEARCH_UNITS, SEARCH_USERS = 0, 1


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
        #: the units, users and first screen of cells, loaded on a worker (S5); a newer load wins
        self.loader: tasks.Latest[_GridLoad] = tasks.Latest(self)
        self._items: _GridLoad | None = None
        self._bulk_lists_loaded = False
        #: the bulk edit, undo and redo on workers, one at a time
        self.steps: UndoSteps[ChangeSet] = UndoSteps(
            self,
            lambda change: self._service.revert(self.operator(), change),
            lambda _change: self._after_change(),
            self.context.shell.show_status,
            kept=lambda change: change.kept,
        )
        self.steps.busy_changed.connect(self._step_ended)
        self.undo_stack = self.steps.stack
        self.heading = page_heading()

        self.unit_filter = MultiSelectButton("assignmentUnitFilter")
        self.user_filter = MultiSelectButton("assignmentUserFilter")
        # E2, A4: Ctrl+F comes here; the grid narrows to the units (with the units above them) or
        # the users whose name holds the text. Enter or Down goes to the first match, Esc clears.
        self.search, self._search_timer = search_edit(self, "assignmentSearch", self.apply_search)
        self.search_scope = QComboBox()
        self.search_scope.setObjectName("assignmentSearchScope")
        self.search_scope.addItems(["", ""])
        self.search_scope.currentIndexChanged.connect(self._search_scope_changed)
        #: the search the grid shows: (scope, text); what it found, in the loaded axes
        self._searched: tuple[int, str] = (SEARCH_UNITS, "")
        self._found: Found | None = None
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
        plain_cells(self.grid)  # chips, no check boxes
        use_cached_headers(self.grid)  # 200 titles of each header measured once per load, not twice
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
        header.setDefaultSectionSize(text_width(header, 30))
        vertical = self.grid.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 14)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setMinimumWidth(text_width(vertical, 36.6))
        vertical.setMaximumWidth(text_width(vertical, 60))
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._cell_menu)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._remove_from_current_cell)
        self.grid.addAction(self.remove_action)
        # E2, A1: a cell is edited through its menu (add a role, remove one); Enter and F2 open it
        # at the current cell, as the Menu key does.
        self.cell_menu_action = QAction(self)
        self.cell_menu_action.setObjectName("assignmentCellMenuAction")
        self.cell_menu_action.setShortcuts([*ENTER_KEYS, QKeySequence(Qt.Key.Key_F2)])
        self.cell_menu_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.cell_menu_action.triggered.connect(self._cell_menu_from_keyboard)
        self.grid.addAction(self.cell_menu_action)
        self.loading_note = LoadingNote(self.grid, "assignmentLoadingNote")
        self.search_keys = SearchKeys(self.search, self.grid, self.apply_search, first=self._first_match)

        self.bulk_panel = BulkEditPanel(self._preview, self)
        self.bulk_panel.setVisible(False)
        self.bulk_panel.confirmed.connect(self.apply_bulk)
        self.bulk_button.toggled.connect(self._toggle_bulk)
        self.status = QLabel()
        self.status.setObjectName("assignmentStatus")
        self.status.setWordWrap(True)  # a long German status takes a second line, not window width

        # The filters left, the actions right; on a narrow window (1,024 px, E5) the actions wrap
        # onto a second line instead of widening the window.
        bar = FlowLayout()
        bar.addWidget(group(self.search, self.search_scope))
        bar.addWidget(group(self.unit_filter, self.user_filter, self.filter_button, self.reset_button))
        bar.addWidget(
            group(
                self.undo_button,
                self.bulk_button,
                self.export_button,
                import_button(self, ImportKind.ASSIGNMENTS),  # S8 (issue 7)
            )
        )
        bar.align_right_from(2)
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
        self.bulk_button.setEnabled(False)  # until the lists it picks from have loaded
        self.export_button.setEnabled(False)
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> bool:
        """Load the units, users, roles and the first screen of cells on a worker (S5); until they
        are there the grid says that it is loading. A newer load drops an older one's answer."""
        load = partial(
            _load_grid,
            self._service,
            self.operator(),  # read here, on the GUI thread
            block=(BLOCK_ROWS, BLOCK_COLUMNS),
            unit_ids=self.unit_filter.checked() or None,
            user_ids=self.user_filter.checked() or None,
        )
        self.loader.run(load, on_done=self._loaded, on_error=self._not_loaded, shows_error=True)
        self.loading_note.show_text(self.tr("Loading org units, users and their roles…"))
        self.status.setText(self.tr("Loading…"))
        return True

    def _loaded(self, loaded: _GridLoad) -> None:
        op = self.operator()
        start = loaded.start
        self._all_units, self._all_users, self._roles = start.units, start.users, start.roles
        self._items = loaded
        self._found = None  # found in the axes before
        self.model.assignable = start.assignable
        self.model.set_unit_names({u.id: u.path for u in self._all_units})
        self.unit_filter.model.set_items(loaded.unit_items)
        self.user_filter.model.set_items(loaded.user_items)
        self._bulk_lists_loaded = False
        if self.bulk_panel.isVisible():
            self._fill_bulk_lists()
        self._show_axes(first_block=start.cells)
        self.loading_note.hide()
        can_assign = op.can("assignments.assign")
        self.bulk_button.setEnabled(can_assign and op.can("assignments.bulk_edit"))
        self.export_button.setEnabled(op.can("assignments.export"))

    def _not_loaded(self, error: DomainError) -> None:
        """The load was refused or the database did not answer: say so where the grid would be."""
        self.loading_note.show_text(message_for(error) + "\n\n" + self.tr("Press F5 to try again."))
        self.status.clear()

    def _show_axes(self, first_block: dict[tuple[int, int], list[Chip]] | None = None) -> None:
        units = set(self.unit_filter.checked())
        users = set(self.user_filter.checked())
        shown_units: list[GridUnit] = self._all_units
        shown_users: list[GridUser] = self._all_users
        scope, text = self._searched
        found = self._find() if text.strip() else None
        if found is not None and scope == SEARCH_UNITS:
            shown_units = [shown_units[i] for i in found.shown]
        elif found is not None:
            shown_users = [shown_users[i] for i in found.shown]
        found_units = frozenset(
            self._all_units[i].id for i in (found.matches if found is not None and scope == SEARCH_UNITS else ())
        )
        self.model.set_found_units(found_units)
        if units:
            shown_units = [u for u in shown_units if u.id in units]
        if users:
            shown_users = [u for u in shown_users if u.id in users]
        if found is not None:
            first_block = None  # read for the axes without the search: other rows or columns
        self.model.set_axes(shown_units, shown_users, first_block=first_block)
        status = self.tr("%1 × %2. Right-click a cell (or press the menu key) to add a role; × removes one.")
        if found is not None:
            what = (
                self.tr("%Ln org unit(s)", None, len(found.matches))
                if scope == SEARCH_UNITS
                else (self.tr("%Ln user(s)", None, len(found.matches)))
            )
            status = self.tr("Search: %1 found (Esc shows all).").replace("%1", what) + " " + status
        self.status.setText(
            status.replace("%1", self.tr("%Ln org unit(s)", None, len(shown_units))).replace(
                "%2", self.tr("%Ln user(s)", None, len(shown_users))
            )
        )

    def _find(self) -> Found:
        """What the search finds in the loaded axes (kept until the axes or the search change)."""
        scope, text = self._searched
        if self._found is None and self._items is not None:
            if scope == SEARCH_UNITS:
                self._found = find_units(self._all_units, self._items.unit_keys, text)
            else:
                self._found = find_users(self._items.user_keys, text)
        return self._found or Found([], [])

    def search_field(self) -> QLineEdit:
        return self.search

    def apply_search(self) -> None:
        """Show the units (with those above them) or the users whose name holds the search text (A4, E2)."""
        self._search_timer.stop()
        searched = (self.search_scope.currentIndex(), self.search.text().strip())
        before, self._searched = self._searched, searched
        if searched == before or not (searched[1] or before[1]):
            return  # the same search, or none in either scope: the grid shows it already
        self._found = None
        if self._items is not None:
            self._show_axes()

    def _search_scope_changed(self, _index: int) -> None:
        self._retranslate_search()
        self.apply_search()

    def _first_match(self) -> QModelIndex:
        """The cell Enter and Down in the search field go to: the first unit or user found, else the first cell."""
        model = self.model
        if not model.units or not model.users:
            return QModelIndex()
        scope, text = self._searched
        found = self._find() if text else None
        if found is None or not found.matches:
            return model.index(0, 0)
        if scope == SEARCH_UNITS:
            first = self._all_units[found.matches[0]].id
            row = next((i for i, unit in enumerate(model.units) if unit.id == first), 0)
            return model.index(row, 0)
        first = self._all_users[found.matches[0]].id
        column = next((i for i, user in enumerate(model.users) if user.id == first), 0)
        return model.index(0, column)

    def _fetch_cells(self) -> FetchCells:
        """The grid's block fetch, for a worker; the operator is read here, on the GUI thread."""
        return partial(self._service.cells, self.operator())

    def apply_filter(self) -> None:
        self._show_axes()

    def reset_filter(self) -> None:
        self.unit_filter.model.set_checked(())
        self.user_filter.model.set_checked(())
        self.search.clear()
        self._search_timer.stop()
        self._searched = (self.search_scope.currentIndex(), "")
        self._found = None
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

    def _cell_menu_from_keyboard(self) -> None:
        current = self.grid.currentIndex()
        if current.isValid():
            self.grid.scrollTo(current)
            self._cell_menu(self.grid.visualRect(current).center())

    def build_cell_menu(self, index: QModelIndex) -> QMenu:
        """The menu of a cell: "Add role ▸" with every role not held there, "Remove role ▸" with each
        direct role (disabled, saying why, when there is none to remove)."""
        menu = QMenu(self)
        row, column = index.row(), index.column()
        known = self.model.chips(row, column, fresh=True)
        chips = known or []
        held = {chip.role_id for chip in chips}
        # Until the cell's roles have arrived the menu cannot say which are held: nothing to pick yet.
        allowed = known is not None and self.operator().can("assignments.assign") and self.model.can_assign(row)
        inherited = any(chip.inherited for chip in chips)
        add_menu = menu.addMenu(self.tr("&Add role"))
        add_menu.setObjectName("addRoleMenu")
        for role in self._roles:
            action = add_menu.addAction(escaped(role.name))
            action.setEnabled(allowed and not inherited and role.id not in held)
            action.triggered.connect(lambda _c=False, r=role.id: self.add_role(row, column, r))
        add_menu.setEnabled(allowed and not inherited)
        reason = None
        if known is None:
            reason = role_menus.loading_reason()
        elif not allowed:
            reason = role_menus.not_allowed_reason()
        role_menus.add_remove_role_menu(menu, chips, lambda chip: self.remove_role(row, column, chip), reason)
        if inherited:
            mark_note(menu.addAction(self.tr("Roles here are inherited; change them on the org units page.")))
        if known is None:
            mark_note(menu.addAction(self.tr("The roles of this cell are still loading.")))
        elif not allowed:
            mark_note(menu.addAction(self.tr("You may not assign roles in this org unit.")))
        # E2: the roles and removals are data; each gets a letter of its own, as "Add role" has.
        return give_mnemonics(menu)

    def add_role(self, row: int, column: int, role_id: int) -> tasks.Task[ChangeSet] | None:
        """Add one role in one cell on a worker as the page's next step (S5); it goes on the undo
        stack when it is done."""
        if self.steps.refuse_while_busy():  # the undo stack takes one step at a time
            return None
        unit, user = self.model.units[row], self.model.users[column]
        name = next((r.name for r in self._roles if r.id == role_id), "")
        text = (
            self.tr("Add %1 for %2 in %3").replace("%1", name).replace("%2", user.display_name).replace("%3", unit.name)
        )

        def done(change: ChangeSet) -> None:
            if not change.size:
                # Another workstation added the same role a moment ago (S4): nothing to undo.
                self.model.invalidate()
                self.context.shell.show_status(self.tr("The user holds this role here already."))
                return
            self._push(change, text)

        return self.steps.run(
            self._service.add,
            self.operator(),
            user.id,
            unit.id,
            role_id,
            on_done=done,
            on_failed=self.model.invalidate,  # the refusal may come from a change made elsewhere
        )

    def _chip_remove_clicked(self, index: QModelIndex, chip: Chip) -> None:
        self.remove_role(index.row(), index.column(), chip)

    def _remove_from_current_cell(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        direct = [
            chip for chip in self.model.chips(index.row(), index.column(), fresh=True) or [] if not chip.inherited
        ]
        if len(direct) == 1:
            self.remove_role(index.row(), index.column(), direct[0])
        elif direct:
            self._cell_menu(self.grid.visualRect(index).center())

    def remove_role(self, row: int, column: int, chip: Chip) -> None:
        """Remove one direct role after a question (A1, S2). Whether it is the user's last role is
        counted on a worker first, then the question is asked, then the removal runs on a worker."""
        unit, user = self.model.units[row], self.model.users[column]
        if chip.inherited or self.steps.refuse_while_busy():
            return
        op = self.operator()
        text = (
            self.tr("Remove %1 for %2 in %3")
            .replace("%1", chip.role_name)
            .replace("%2", user.display_name)
            .replace("%3", unit.name)
        )

        def ask(last: bool) -> None:
            if ask_role_removal(self, user, unit.path, chip, last=last):
                self.steps.run(
                    self._service.remove,
                    op,
                    user.id,
                    unit.id,
                    chip.role_id,
                    on_done=lambda change: self._push(change, text),
                    on_failed=self.model.invalidate,
                )

        self.steps.run(self._service.leaves_without_role, op, user.id, unit.id, chip.role_id, on_done=ask, writes=False)

    # ------------------------------------------------------------------ bulk edit and undo

    def _toggle_bulk(self, on: bool) -> None:
        if on and not self._bulk_lists_loaded:
            self._fill_bulk_lists()
        self.bulk_panel.setVisible(on)
        if on:
            self.bulk_panel.update_preview()

    def _fill_bulk_lists(self) -> None:
        """The bulk edit's pickers get their 15,000 entries when the panel is first shown, not
        while the grid opens."""
        if self._items is None:
            return
        role_items = [(r.id, r.name, self.tr("%Ln permission(s)", None, r.permission_count)) for r in self._roles]
        self.bulk_panel.units.model.set_items(self._items.unit_items)
        self.bulk_panel.users.model.set_items(self._items.user_items)
        self.bulk_panel.roles.model.set_items(role_items)
        self._bulk_lists_loaded = True

    def _preview(self, edit: BulkEdit) -> BulkPreview:
        return self._service.preview(self.operator(), edit)  # on the panel's worker

    @property
    def busy(self) -> bool:
        """True while the grid loads, or a change, an undo or a redo is being written (S5)."""
        return self.loader.busy or self.steps.busy or self.model.loading()

    def _step_ended(self) -> None:
        self._sync_undo_actions()
        self.bulk_panel.setEnabled(not self.steps.busy)

    def apply_bulk(self, edit: BulkEdit) -> tasks.Task[ChangeSet] | None:
        """Write the bulk edit on a worker with progress and Cancel (E3); the change goes on the
        undo stack when it is done. Cancel rolls it back: nothing changes, the status bar says so."""

        def done(change: ChangeSet) -> None:
            text = (
                self.tr("Bulk edit: %Ln assignment(s) removed", None, len(change.removed))
                if edit.remove
                else self.tr("Bulk edit: %Ln assignment(s) added", None, len(change.added))
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
                self.tr("%Ln row(s) written to %1.", None, rows).replace("%1", str(path))
            ),
            **kwargs,
        )

    # ------------------------------------------------------------------ texts

    def _retranslate_search(self) -> None:
        if self.search_scope.currentIndex() == SEARCH_USERS:
            self.search.setPlaceholderText(self.tr("Search users (Ctrl+F)"))
            self.search.setAccessibleName(self.tr("Search users"))
            tip = self.tr("Shows the users whose name, user name or e-mail holds the text")
        else:
            self.search.setPlaceholderText(self.tr("Search org units (Ctrl+F)"))
            self.search.setAccessibleName(self.tr("Search org units"))
            tip = self.tr("Shows the org units whose name holds the text, with the units above them")
        self.search.setToolTip(tip + "; " + self.tr("Enter or Down goes to the first match, Esc shows all"))
        fit_placeholder(self.search, text_width(self.search, 28))

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.unit_filter.set_label(self.tr("Org units"), self.tr("all"))
        self.user_filter.set_label(self.tr("Users"), self.tr("all"))
        self.search_scope.setItemText(SEARCH_UNITS, self.tr("in org units"))
        self.search_scope.setItemText(SEARCH_USERS, self.tr("in users"))
        self.search_scope.setToolTip(self.tr("What the search field looks for"))
        self.search_scope.setAccessibleName(self.tr("Search in"))
        self._retranslate_search()
        self.filter_button.setText(self.tr("Fil&ter"))
        self.reset_button.setText(self.tr("&Show all"))
        self.bulk_button.setText(self.tr("&Bulk edit"))
        self.bulk_button.setToolTip(self.tr("Add or remove several roles for several users in several units"))
        self.export_button.setText(self.tr("E&xport"))
        self.export_all_action.setText(self.tr("&All assignments within your reach…"))
        self.export_selection_action.setText(self.tr("Assignments of the current &filter selection…"))
        self.export_user_action.setText(self.tr("Assignments of the selected &user…"))
        self.remove_action.setText(self.tr("Remove role"))
        self._sync_undo_actions()
        self.grid.setAccessibleName(self.tr("Role assignments: org units by users"))
