"""The tenants page (SPEC T1-T5): the tenant tree on the left, tenant access on the right.

Access is shown three ways — by tenant (the default), by user, and as the tenants × users
matrix — over one :class:`~mandant_desktop.ui.tenants.access_state.AccessState`, so an edit in
one view is at once in the others. Edits are staged: Save (Ctrl+S) writes all of them in one
transaction, Discard drops them, the page says how many are pending, and nothing that would
drop them (reload, filter change, leaving the page, another database) happens without asking.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access, Cell
from mandant_desktop.services.access import AccessUser
from mandant_desktop.services.tenants import TenantRow
from mandant_desktop.ui import icons, interaction, tasks
from mandant_desktop.ui.cached_header import use_cached_headers
from mandant_desktop.ui.deferred_tab import DeferredTab
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.flow_layout import FlowLayout, group
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.layout_memory import remember, remember_tab
from mandant_desktop.ui.loading_note import LoadingNote
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import set_text_column_widths
from mandant_desktop.ui.tenants import page_load
from mandant_desktop.ui.tenants.access_state import LEVELS, AccessState, level_text
from mandant_desktop.ui.tenants.delegates import LevelDelegate
from mandant_desktop.ui.tenants.legend import MatrixLegend
from mandant_desktop.ui.tenants.models import (
    ID_ROLE,
    ByTenantModel,
    ByUserModel,
    MatrixModel,
    TenantTreeModel,
    UserListModel,
)
from mandant_desktop.ui.tenants.page_load import PageLoad, with_sub_tenants
from mandant_desktop.ui.tenants.rotated_header import RotatedHeaderView
from mandant_desktop.ui.theme import plain_cells

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import Services
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

log = logging.getLogger(__name__)

BY_TENANT, BY_USER, MATRIX = range(3)
MATRIX_CELL_WIDTH = 44

#: a widget of a view built when its tab is first shown
_Part = TypeVar("_Part", bound=QWidget)


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    table.setAlternatingRowColors(True)
    # The matrix shows its vertical header: 200 of its 10,000 user names measured once per load,
    # not three times. The horizontal one measures its titles (a call from Qt into Python per
    # title and role) once per content too, not after each resize of the stretched last column
    # while the window is laid out and painted (issue 8).
    use_cached_headers(table)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.setWordWrap(False)
    return table


#: on a worker: the tenants, the users and the cells the visible view needs (page_load.load_page)
_load_page = page_load.load_page


def _read_cells(
    services: Services, operator: Operator, tenant_ids: list[int] | None, with_users: bool
) -> tuple[dict[Cell, Access], list[AccessUser] | None]:
    """On a worker: the stored cells of ``tenant_ids`` (None: of every visible tenant) and, with
    ``with_users``, every user's row."""
    cells = services.access.load_cells(operator, tenant_ids)
    return cells, services.access.users(operator) if with_users else None


class TenantsPage(Page):
    page_id: ClassVar[str] = "tenants"
    object_name: ClassVar[str] = "page.tenants"
    permission: ClassVar[str] = "tenants.view"
    icon_name: ClassVar[str] = "tenants"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Tenants")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: staged access edits are being written on a worker thread (S5)
        self.saving = False
        #: the load of tenants, users and the visible view's cells on a worker; a newer one drops
        #: an older one's answer
        self.loader: tasks.Latest[PageLoad] = tasks.Latest(self)
        self.loader.settled.connect(lambda: self._update_lock())
        # What the view shown since the load began needs besides (the matrix tab opened meanwhile).
        self.loader.settled.connect(lambda: self._load_view_cells())
        self.loader.settled.connect(lambda: self._update_loading_notes())
        #: loads of more tenants' cells for the view shown (a tenant chosen, the matrix tab opened)
        self._cell_loads: dict[tasks.Task[Any], list[int] | None] = {}
        self.services = context.app.services
        self.state = AccessState(self, self._read_users)
        #: the selected tenant; at first the one selected last time on this database (E4)
        self._tenant_id: int | None = context.settings.last_tenant(context.app.display_url)
        self._build()
        self._build_actions()
        self.state.cells_changed.connect(self._update_dirty)
        self.state.reloaded.connect(self._update_dirty)
        self.state.reloaded.connect(self._show_user_count)
        self.retranslateUi()
        self.refresh()

    # ----------------------------------------------------------------------------------------- build

    def _build(self) -> None:
        self.tenant_model = TenantTreeModel(self)
        self.tenant_tree = QTreeView()
        self.tenant_tree.setObjectName("tenantList")
        self.tenant_tree.setModel(self.tenant_model)
        self.tenant_tree.setHeaderHidden(True)
        self.tenant_tree.setUniformRowHeights(True)
        self.tenant_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tenant_tree.customContextMenuRequested.connect(self._tenant_menu)
        self.tenant_tree.selectionModel().currentChanged.connect(self._tenant_changed)
        self.tenant_tree.doubleClicked.connect(lambda _i: self.edit_tenant())
        self.new_button = QPushButton(icons.icon("add"), "")
        self.new_button.setObjectName("tenantNewButton")
        self.new_button.setDefault(False)
        font = QFont(self.new_button.font())
        font.setBold(True)
        self.new_button.setFont(font)
        self.new_button.clicked.connect(lambda: self.new_tenant())
        self.edit_button = QToolButton()
        self.edit_button.setObjectName("tenantEditButton")
        self.edit_button.clicked.connect(self.edit_tenant)
        self.delete_button = QToolButton()
        self.delete_button.setObjectName("tenantDeleteButton")
        self.delete_button.clicked.connect(self.delete_tenant)
        tree_buttons = QHBoxLayout()
        tree_buttons.addWidget(self.edit_button)
        tree_buttons.addWidget(self.delete_button)
        tree_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.tenant_tree, 1)
        left_layout.addLayout(tree_buttons)

        self.heading = QLabel()
        self.heading.setObjectName("accessHeading")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.search = QLineEdit()
        self.search.setObjectName("accessSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.setMinimumWidth(text_width(self.search, 43.3))
        self.export_button = QPushButton()
        self.export_button.setObjectName("accessExportButton")
        self.export_button.clicked.connect(self.export)
        # The heading left, search and export at the right edge; on a narrow window (1,024 px, E5)
        # they go under a long tenant name instead of widening the window.
        self.search.setSizePolicy(QSizePolicy.Policy.Preferred, self.search.sizePolicy().verticalPolicy())
        top = FlowLayout()
        top.addWidget(self.heading)
        top.addWidget(group(self.search, self.export_button))
        top.align_right_from(1)

        self.by_tenant = ByTenantModel(self.state, self)
        self.access_table = _table("accessTable")
        self.access_table.setModel(self.by_tenant)
        self.access_table.setItemDelegateForColumn(ByTenantModel.ACCESS, LevelDelegate(self.access_table))
        header = self.access_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        set_text_column_widths(
            self.access_table.horizontalHeader(),
            {ByTenantModel.NAME: 28.3, ByTenantModel.USERNAME: 19.1, ByTenantModel.EMAIL: 35, ByTenantModel.ACCESS: 20},
        )

        remember(self.context.settings, self.page_id, self.access_table)  # E4

        # The models of the other two views are here from the start (a search, the load and the
        # edits go to them); their views are built when their tab is first shown or asked for
        # (issue 8): the start shows one view, by tenant unless another was used last.
        self.user_list_model = UserListModel(self.state, self)
        self.by_user = ByUserModel(self.state, self)
        self.matrix = MatrixModel(self.state, self)
        self._user_list: QListView | None = None
        self._user_table: QTableView | None = None
        self._user_hint: LoadingNote | None = None
        self._matrix_table: QTableView | None = None
        self._legend: MatrixLegend | None = None
        #: "Loading…" over each access view built so far while what it shows loads on a worker (S5)
        self._loading_notes = {BY_TENANT: LoadingNote(self.access_table, "accessLoadingNote")}
        self._by_user_tab = DeferredTab("accessByUserSplitter", self._build_by_user)
        self._matrix_tab = DeferredTab("accessMatrix", self._build_matrix)
        for deferred in (self._by_user_tab, self._matrix_tab):
            deferred.built.connect(self.grown)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("accessViews")
        self.tabs.addTab(self.access_table, "")
        self.tabs.addTab(self._by_user_tab, "")
        self.tabs.addTab(self._matrix_tab, "")
        # E4: the view shown last comes back before the first load, which then reads what it shows.
        remember_tab(self.context.settings, self.page_id, self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.level_buttons: dict[Level, QPushButton] = {}
        # The row wraps onto a second line on a narrow window (1,024 px, E5) rather than widen it.
        actions_row = FlowLayout()
        self.set_label = QLabel()
        for level in LEVELS:
            button = QPushButton()
            button.setObjectName(f"accessSet_{level.value}")
            button.clicked.connect(lambda _c=False, lv=level: self.set_level(lv))
            self.level_buttons[level] = button
        actions_row.addWidget(group(self.set_label, *self.level_buttons.values()))
        # Private data on / off share one button with a menu: the row must fit a 1200-pixel window.
        self.private_on = QAction(self)
        self.private_on.setObjectName("accessPrivateOn")
        self.private_on.triggered.connect(lambda: self.set_private(True))
        self.private_off = QAction(self)
        self.private_off.setObjectName("accessPrivateOff")
        self.private_off.triggered.connect(lambda: self.set_private(False))
        self.private_button = QToolButton()
        self.private_button.setObjectName("accessPrivateButton")
        self.private_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        private_menu = QMenu(self.private_button)
        private_menu.addAction(self.private_on)
        private_menu.addAction(self.private_off)
        self.private_button.setMenu(private_menu)
        self.sub_button = QPushButton()
        self.sub_button.setObjectName("accessApplyToSubTenants")
        self.sub_button.clicked.connect(self.apply_to_sub_tenants)
        actions_row.addWidget(group(self.private_button, self.sub_button))

        self.dirty_label = QLabel()
        self.dirty_label.setObjectName("accessUnsavedLabel")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("accessDiscardButton")
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton()
        self.save_button.setObjectName("accessSaveButton")
        self.save_button.clicked.connect(self.save)
        #: how many users the access views list (of how many, while a search narrows them)
        self.user_count = QLabel()
        self.user_count.setObjectName("accessUserCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.user_count)
        bottom.addSpacing(text_width(self.user_count, 2))
        bottom.addWidget(self.dirty_label, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addLayout(actions_row)
        right_layout.addWidget(self.tabs, 1)  # the matrix's legend comes under it with the matrix
        right_layout.addLayout(bottom)
        self._right_layout = right_layout

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("tenantsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 790])
        remember(self.context.settings, self.page_id, self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)

        self._build_access_actions()
        self._connect_access_view(self.access_table)

    def _connect_access_view(self, table: QTableView) -> None:
        """An access view's context menu, its level keys (1, 2, 3) and the actions that follow its selection."""
        table.customContextMenuRequested.connect(lambda pos, t=table: self._access_menu(t, pos))
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        table.addActions(list(self.level_actions.values()))

    def _build_by_user(self) -> QWidget:
        """The by-user view (T3): the users on the left, the chosen one's access to every tenant."""
        self._user_list = user_list = QListView()
        user_list.setObjectName("accessUserList")
        user_list.setModel(self.user_list_model)
        user_list.setUniformItemSizes(True)
        user_list.selectionModel().currentChanged.connect(self._user_changed)
        self._user_table = user_table = _table("accessByUserTable")
        user_table.setModel(self.by_user)
        delegate = LevelDelegate(user_table)
        delegate.retranslate()
        user_table.setItemDelegateForColumn(ByUserModel.ACCESS, delegate)
        user_table.horizontalHeader().setStretchLastSection(True)
        set_text_column_widths(user_table.horizontalHeader(), {ByUserModel.TENANT: 43.3, ByUserModel.ACCESS: 21.6})
        by_user = QSplitter(Qt.Orientation.Horizontal)
        by_user.setObjectName("accessByUserSplitter")
        by_user.addWidget(user_list)
        by_user.addWidget(user_table)
        by_user.setStretchFactor(1, 1)
        by_user.setSizes([240, 600])
        for remembered in (user_table, by_user):  # E4
            remember(self.context.settings, self.page_id, remembered)
        self._loading_notes[BY_USER] = LoadingNote(user_table, "accessByUserLoadingNote")
        #: the by-user view says what to do while no user is chosen, instead of an empty table
        self._user_hint = LoadingNote(user_table, "accessByUserHint")
        self._connect_access_view(user_table)
        self._show_user_hint()
        self._update_loading_notes()
        self._update_actions()
        return by_user

    def _build_matrix(self) -> QWidget:
        """The tenants × users matrix (T2, T3) and, under the tabs, its legend."""
        self._matrix_table = table = _table("accessMatrix")
        plain_cells(table)  # chips, no check boxes (the private-data box is in the other views)
        table.setModel(self.matrix)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        delegate = LevelDelegate(table, compact=True)
        delegate.retranslate()
        table.setItemDelegate(delegate)
        table.setHorizontalHeader(RotatedHeaderView(table))
        table.verticalHeader().setVisible(True)
        table.horizontalHeader().setDefaultSectionSize(MATRIX_CELL_WIDTH)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setFixedWidth(text_width(table, 33.3))
        self._loading_notes[MATRIX] = LoadingNote(table, "accessMatrixLoadingNote")
        # T3: what the matrix's marks and colours mean, under the matrix while it shows.
        self._legend = legend = MatrixLegend(QSize(MATRIX_CELL_WIDTH, table.verticalHeader().defaultSectionSize()))
        self._right_layout.insertWidget(self._right_layout.indexOf(self.tabs) + 1, legend)
        legend.setVisible(self.tabs.currentIndex() == MATRIX)
        self._connect_access_view(table)
        self._update_loading_notes()
        self._update_actions()
        return table

    def _part(self, attribute: str, tab: DeferredTab, kind: type[_Part]) -> _Part:
        """The widget kept in ``attribute``, its tab built now if it was not shown yet."""
        if getattr(self, attribute) is None:
            tab.content()
        widget = getattr(self, attribute)
        assert isinstance(widget, kind)
        return widget

    @property
    def user_list(self) -> QListView:
        """The by-user view's list of users (built now if its tab was not shown yet)."""
        return self._part("_user_list", self._by_user_tab, QListView)

    @property
    def user_table(self) -> QTableView:
        """The by-user view's table of tenants."""
        return self._part("_user_table", self._by_user_tab, QTableView)

    @property
    def user_hint(self) -> LoadingNote:
        return self._part("_user_hint", self._by_user_tab, LoadingNote)

    @property
    def matrix_table(self) -> QTableView:
        """The matrix's view (built now if its tab was not shown yet)."""
        return self._part("_matrix_table", self._matrix_tab, QTableView)

    @property
    def legend(self) -> MatrixLegend:
        """The matrix's legend (built with the matrix)."""
        return self._part("_legend", self._matrix_tab, MatrixLegend)

    def _access_views(self) -> list[QTableView]:
        """The access views built so far."""
        return [t for t in (self.access_table, self._user_table, self._matrix_table) if t is not None]

    def _build_access_actions(self) -> None:
        """The levels as actions of the three access views (E2, T2, T3): the keys 1, 2 and 3 set
        the selected cells to full access, read only and hidden, strongest first as in the menu
        (digits, so that they are the same in every language and leave the letters to the
        views' type-ahead); the context menu shows them beside its entries."""
        self.level_actions: dict[Level, QAction] = {}
        for number, level in enumerate(LEVELS, start=1):
            action = QAction(self)
            action.setObjectName(f"accessLevel_{level.value}")
            action.setShortcut(QKeySequence(str(number)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, lv=level: self.set_level(lv))
            self.level_actions[level] = action
        self.sub_action = QAction(self)
        self.sub_action.setObjectName("accessApplyToSubTenantsAction")
        self.sub_action.triggered.connect(self.apply_to_sub_tenants)

    def _build_actions(self) -> None:
        self.new_action = QAction(icons.icon("add"), "", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(lambda: self.new_tenant())
        self.new_sub_action = QAction(self)
        self.new_sub_action.triggered.connect(lambda: self.new_tenant(sub=True))
        self.edit_action = QAction(self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_tenant)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_tenant)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.new_action)
        self.addAction(self.edit_action)
        self.addAction(self.save_action)
        self.tenant_tree.addAction(self.delete_action)
        # Enter on a tenant opens its properties, as F2 and a double click do (E2).
        self.open_action = QAction(self.tenant_tree)
        self.open_action.setObjectName("tenantOpenAction")
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.edit_tenant)
        self.tenant_tree.addAction(self.open_action)

    # ---------------------------------------------------------------------------------------- loading

    def search_field(self) -> QLineEdit:
        return self.search

    def has_unsaved_changes(self) -> bool:
        return self.state.is_dirty()

    def confirm_discard(self) -> bool:
        """The question before unsaved access edits are lost (T2); True when there are none or the user agrees."""
        if not self.state.is_dirty():
            return True
        return interaction.get().confirm(
            self,
            self.tr("Discard unsaved changes?"),
            self.tr("{count} access changes are not saved yet. Discard them?").format(count=self.state.pending()),
            ok_text=self.tr("Discard changes"),
            destructive=True,
        )

    def refresh(self) -> bool:
        if not self.confirm_discard():
            return False
        self._reload()
        return True

    def tenant_filter_changed(self) -> None:
        if self.confirm_discard():
            self._reload()

    @property
    def busy(self) -> bool:
        """True while what the page shows is loading on a worker (S5): the tenants and the
        visible view's access, or the cells a view shown since then needs."""
        return self.loader.busy or bool(self._cell_loads)

    def _reload(self, select_tenant: int | None = None) -> None:
        """Load the tenants, the users and the cells of what the visible view shows on a worker:
        by tenant, the selected tenant and its sub-tenants; by user or the matrix, every tenant
        (10,000 × 200). The other views load theirs when shown (:meth:`_load_view_cells`). The
        access views stay locked until the answer is there, so no edit can be staged on a matrix
        that is about to be replaced; a newer load drops an older one's answer."""
        keep = select_tenant if select_tenant is not None else self._tenant_id
        for task in self._cell_loads:
            task.cancel()  # cells read for the matrix about to be replaced
        self._cell_loads.clear()
        operator = self.operator()  # read here, on the GUI thread
        everything = self.tabs.currentIndex() != BY_TENANT
        # The first load of a start may be under way already, begun right after the log-in.
        load = page_load.take(self.context.app, operator, keep, everything) or _load_page
        self.loader.run(load, self.services, operator, keep, everything, on_done=self._loaded)
        self._update_loading_notes()
        self._update_lock()
        self._update_actions()

    def _read_users(self, user_ids: Sequence[int] | None) -> list[AccessUser]:
        """The rows of users the load brought the ids of only, as a view shows them (T2, T3)."""
        return self.services.access.users(self.operator(), user_ids)

    def _loaded(self, result: PageLoad) -> None:
        self.tenant_model.set_tenants(result.tenants)
        self.tenant_tree.expandAll()
        self.state.load(result.matrix, result.loaded)
        index = self.tenant_model.index_of(result.selected) if result.selected is not None else QModelIndex()
        if index.isValid():
            self.tenant_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self._select_tenant(None)
        self._update_actions()

    def _tab_changed(self, index: int) -> None:
        if self._legend is not None:
            self._legend.setVisible(index == MATRIX)
        self._load_view_cells()
        self._update_actions()

    def _view_tenants(self) -> list[int] | None:
        """The tenants whose cells the visible view shows: by tenant, the selected one and its
        sub-tenants (apply to sub-tenants, T5, changes those); else every tenant (None)."""
        if self.tabs.currentIndex() == BY_TENANT:
            return with_sub_tenants(self.state.tenants, self._tenant_id)
        return None

    def _load_view_cells(self) -> None:
        """Start loading the cells the visible view shows and the state has not got yet, in one
        query (set-based: one IN list, or every visible tenant's cells when most are missing)."""
        if self.loader.busy:
            return  # the page load's answer comes first; _loaded asks again with its tenants
        wanted = self._view_tenants()
        pending = {t for ids in self._cell_loads.values() for t in (ids if ids is not None else self.state.missing())}
        missing = [t for t in self.state.missing(wanted) if t not in pending]
        if not missing:
            return
        # Most of the tenants: the query without an IN list, as the matrix was read before.
        ids = None if wanted is None and 2 * len(missing) > len(self.state.tenants) else missing
        generation = self.state.generation
        # A view over every tenant (by user, the matrix) scrolls through every user: their rows
        # come with the cells, on the worker, not a window at a time on the GUI thread (a round
        # trip per window on a server).
        with_users = wanted is None and not self.state.users.complete

        def arrived(answer: tuple[dict[Cell, Access], list[AccessUser] | None]) -> None:
            cells, users = answer
            if users is not None:
                self.state.add_users(generation, users)
            self.state.add_cells(generation, ids, cells)

        task = tasks.run(self, _read_cells, self.services, self.operator(), ids, with_users, on_done=arrived)
        self._cell_loads[task] = ids
        task.finished.connect(lambda: self._cell_load_ended(task))
        self._update_loading_notes()

    def _cell_load_ended(self, task: tasks.Task[Any]) -> None:
        self._cell_loads.pop(task, None)
        self._update_loading_notes()
        self._update_heading()
        self._update_actions()

    def _update_loading_notes(self) -> None:
        """A note over each view whose data is on its way: all of them while the page loads."""
        waiting = (
            self._tenant_id is not None and not self.state.loaded(self._tenant_id),  # by tenant
            not self.state.complete,  # by user
            not self.state.complete,  # the matrix
        )
        for view, note in self._loading_notes.items():
            view_waits = waiting[view]
            if self.loader.busy:
                note.show_text(self.tr("Loading tenants and their access…"))
            elif self._cell_loads and view_waits:
                note.show_text(self.tr("Loading access…"))
            else:
                note.hide()

    def _update_lock(self) -> None:
        """The access views take no input while the page loads or a save runs; while only more
        cells load, a tenant whose cells are not there takes no edit (AccessState.editable)."""
        self.tabs.setEnabled(not (self.saving or self.loader.busy))

    # ----------------------------------------------------------------------------------- selection

    def current_tenant(self) -> TenantRow | None:
        return self.tenant_model.tenant(self.tenant_tree.currentIndex())

    def _tenant_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        tenant = self.tenant_model.tenant(current)
        self._select_tenant(tenant.id if tenant else None)

    def _select_tenant(self, tenant_id: int | None) -> None:
        # Staged edits belong to the whole matrix: moving to another tenant keeps them.
        self._tenant_id = tenant_id
        if tenant_id is not None:
            self.context.settings.set_last_tenant(self.context.app.display_url, tenant_id)
        self.by_tenant.set_tenant(tenant_id)
        self._load_view_cells()
        self._update_heading()
        self._update_actions()

    def _user_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.by_user.set_user(current.data(ID_ROLE) if current.isValid() else None)
        self._show_user_hint()
        self._update_actions()

    def _show_user_hint(self) -> None:
        if self._user_hint is None:
            return  # the view is not built yet: it says so when it is
        if self.by_user.user_id is None:
            self._user_hint.show_text(self.tr("Choose a user on the left to see their access to every tenant."))
        else:
            self._user_hint.hide()

    def _search_changed(self, text: str) -> None:
        self.by_tenant.set_search(text)
        self.matrix.set_search(text)
        self.user_list_model.set_search(text)
        self._show_user_count()

    def _show_user_count(self) -> None:
        """The status line's count of users, as the other pages count theirs: "1.234 Benutzer", or
        "12 von 1.234 Benutzern" while a search narrows the views (nothing before the first load)."""
        total = len(self.state.users)
        if not total:
            self.user_count.setText("")
        elif self.search.text().strip():
            shown = self.by_tenant.matching()
            self.user_count.setText(self.tr("%1 of %Ln user(s)", None, total).replace("%1", number_text(shown)))
        else:
            self.user_count.setText(self.tr("%Ln user(s)", None, total))

    def selected_cells(self) -> list[tuple[int, int]]:
        """(tenant, user) of what is selected in the current view."""
        view = self.tabs.currentIndex()
        if view == BY_TENANT:
            if self._tenant_id is None:
                return []
            rows = sorted({i.row() for i in self.access_table.selectionModel().selectedRows()})
            return [(self._tenant_id, self.by_tenant.user_id(r)) for r in rows]
        if view == BY_USER:
            user = self.by_user.user_id
            if user is None or self._user_table is None:
                return []
            rows = sorted({i.row() for i in self._user_table.selectionModel().selectedRows()})
            return [(self.by_user.tenant_id(r), user) for r in rows]
        # Selection ranges, not selectedIndexes(): a selected block of the 2-million-cell matrix
        # is a rectangle, and asking Qt for its indexes one by one takes seconds.
        cells: set[tuple[int, int]] = set()
        if self._matrix_table is None:
            return []  # not built: nothing selected in it
        selection = self._matrix_table.selectionModel().selection()
        for number in range(selection.count()):
            block = selection.at(number)
            tenants = [self.matrix.tenant_id(c) for c in range(block.left(), block.right() + 1)]
            for row in range(block.top(), block.bottom() + 1):
                user = self.matrix.user_id(row)
                cells.update((tenant, user) for tenant in tenants)
        return sorted(cells)

    # -------------------------------------------------------------------------------------- editing

    def set_level(self, level: Level) -> int:
        return self.state.set_level(self.selected_cells(), level)

    def set_private(self, private: bool) -> int:
        return self.state.set_private(self.selected_cells(), private)

    def apply_to_sub_tenants(self) -> int:
        """T5: the selected users' access on the selected tenant, staged on all its sub-tenants."""
        cells = self.selected_cells()
        changed = 0
        for tenant_id in sorted({t for t, _ in cells}):
            changed += self.state.apply_to_sub_tenants(tenant_id, [u for t, u in cells if t == tenant_id])
        self.context.shell.show_status(self.tr("{count} sub-tenant entries changed.").format(count=changed))
        return changed

    def save(self) -> bool:
        """Write the staged edits off the GUI thread (S5); True when there were none or they were
        handed over. Until the answer arrives the access views are locked; on a refusal or a lost
        connection the edits stay staged."""
        if not self.state.is_dirty():
            return True
        if self.saving:
            return False
        changes = self.state.staged.changes()
        self._set_saving(True)
        tasks.run(
            self,
            self.services.access.save,
            self.operator(),
            changes,
            on_done=self._saved,
            on_error=lambda _exc: self._set_saving(False),
        )
        return True

    def _saved(self, written: int) -> None:
        self._set_saving(False)
        self._reload()
        self.context.shell.show_status(self.tr("{count} access changes saved.").format(count=written))

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._update_lock()
        self.save_button.setEnabled(not saving and self.state.is_dirty())
        self.save_action.setEnabled(not saving and self.state.is_dirty())

    def discard(self) -> None:
        self.state.discard()

    # --------------------------------------------------------------------------------------- tenants

    def new_tenant(self, *, sub: bool = False) -> int | None:
        if not self.confirm_discard():
            return None
        current = self.current_tenant()
        # The dialog's module (and its form's) when first asked for, not at start (issue 8).
        from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

        dialog = TenantDialog(
            self.services.tenants,
            self.operator(),
            self.tenant_model.tenants(),
            parent_id=current.id if sub and current else None,
            parent=self,
        )
        return self._run_tenant_dialog(dialog)

    def edit_tenant(self) -> int | None:
        tenant = self.current_tenant()
        if tenant is None or not self.confirm_discard():
            return None
        from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

        dialog = TenantDialog(self.services.tenants, self.operator(), self.tenant_model.tenants(), tenant, parent=self)
        return self._run_tenant_dialog(dialog)

    def _run_tenant_dialog(self, dialog: TenantDialog) -> int | None:
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            saved = dialog.saved_id
        finally:
            dialog.deleteLater()
        self.state.discard()
        self._reload(select_tenant=saved)
        return saved

    def delete_tenant(self) -> bool:
        tenant = self.current_tenant()
        if tenant is None:
            return False
        if not interaction.get().confirm(
            self,
            self.tr("Delete tenant?"),
            self.tr("Delete the tenant {name}? Only a tenant without data can be deleted.").format(name=tenant.name),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return False
        if not self.confirm_discard():
            return False
        if run_action(self, self._delete, tenant) is None:
            return False
        self.state.discard()
        self._tenant_id = None
        self._reload()
        return True

    def _delete(self, tenant: TenantRow) -> bool:
        self.services.tenants.delete_tenant(self.operator(), tenant.id, tenant.version)
        return True

    # --------------------------------------------------------------------------------------- export

    def export(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # when asked for: its enum classes are not made at start (issue 8)

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export tenant access"), str(Path.home() / self.tr("tenant-access.xlsx")), "Excel (*.xlsx)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> tasks.Task[int]:
        """The access matrix to an Excel file (T2, T3) on a worker, with progress and cancel (E3,
        S5); the status line reports the rows when it is written."""
        return tasks.run_with_progress(
            self,
            self.tr("Export tenant access"),
            self.tr("Exporting tenant access…"),
            self.services.access.export,
            self.operator(),
            path,
            translate=self._export_text,  # QCoreApplication.translate is thread-safe
            on_done=lambda rows: self.context.shell.show_status(
                self.tr("{count} rows exported to {path}.").format(count=rows, path=path)
            ),
        )

    @staticmethod
    def _export_text(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("exports", text)

    # ----------------------------------------------------------------------------------------- menus

    def _tenant_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addAction(self.new_sub_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.popup(self.tenant_tree.viewport().mapToGlobal(pos))

    def access_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addActions(list(self.level_actions.values()))
        menu.addSeparator()
        menu.addAction(self.private_on)
        menu.addAction(self.private_off)
        menu.addAction(self.sub_action)
        return menu

    def _access_menu(self, table: QTableView, pos: QPoint) -> None:
        self.access_menu().popup(table.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------------------------------- state

    def _selection_editable(self) -> bool:
        cells = self.selected_cells()
        manage = self.context.operator.can("tenants.manage_access")
        return manage and bool(cells) and any(self.state.editable(t) for t, _ in cells)

    def _update_actions(self) -> None:
        operator = self.context.operator
        tenant = self.current_tenant()
        editable = self._selection_editable()
        for widget in (*self.level_buttons.values(), self.private_button):
            widget.setEnabled(editable)
        for action in (*self.level_actions.values(), self.private_on, self.private_off):
            action.setEnabled(editable)
        has_subs = any(self.state.sub_tenants(t) for t, _ in self.selected_cells())
        self.sub_button.setEnabled(editable and has_subs)
        self.sub_action.setEnabled(editable and has_subs)
        can_edit = operator.can("tenants.edit")
        self.new_button.setEnabled(can_edit)
        self.new_action.setEnabled(can_edit)
        self.new_sub_action.setEnabled(can_edit and tenant is not None and tenant.editable)
        self.edit_action.setEnabled(tenant is not None)
        self.edit_button.setEnabled(tenant is not None)
        deletable = operator.can("tenants.delete") and tenant is not None and tenant.editable
        self.delete_action.setEnabled(deletable)
        self.delete_button.setEnabled(deletable)
        self.export_button.setEnabled(operator.can("tenants.manage_access") or operator.can("tenants.view"))
        read_only = not operator.can("tenants.manage_access")
        for table in self._access_views():
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.NoEditTriggers
                if read_only
                else QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.SelectedClicked
            )

    def _update_dirty(self) -> None:
        pending = self.state.pending()
        self.dirty_label.setText(
            self.tr("Unsaved changes: {count}").format(count=pending) if pending else self.tr("All changes saved.")
        )
        font = QFont(self.dirty_label.font())
        font.setBold(bool(pending))
        self.dirty_label.setFont(font)
        self.save_button.setEnabled(bool(pending))
        self.discard_button.setEnabled(bool(pending))
        self.save_action.setEnabled(bool(pending))
        self._update_heading()

    def _update_heading(self) -> None:
        tenant = self.state.tenant(self._tenant_id) if self._tenant_id is not None else None
        text = tenant.name if tenant else self.tr("No tenant selected")
        if tenant is not None and not tenant.editable:
            text = self.tr("{name} (read only for you)").format(name=text)
        self.heading.setText(text + (" *" if self.state.is_dirty() else ""))

    def retranslateUi(self) -> None:
        self.new_button.setText(self.tr("New tenant"))
        self.new_button.setToolTip(self.tr("Create a tenant (Ctrl+N)"))
        self.new_action.setText(self.tr("&New tenant…"))
        self.new_sub_action.setText(self.tr("New &sub-tenant…"))
        self.edit_action.setText(self.tr("&Properties…"))
        self.edit_button.setText(self.tr("Properties…"))
        self.edit_button.setToolTip(self.tr("Name, main tenant, kind and newsroom of the tenant (F2)"))
        self.delete_action.setText(self.tr("&Delete"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the tenant; only possible while it holds no data (Del)"))
        self.tenant_tree.setAccessibleName(self.tr("Tenants"))
        self.search.setPlaceholderText(self.tr("Search users (Ctrl+F)"))
        self.tabs.setTabText(BY_TENANT, self.tr("By tenant"))
        self.tabs.setTabText(BY_USER, self.tr("By user"))
        self.tabs.setTabText(MATRIX, self.tr("Tenants × users"))
        self._show_user_hint()
        self.set_label.setText(self.tr("Set selected to:"))
        menu_texts = {
            Level.FULL: self.tr("&Full access"),
            Level.READ_ONLY: self.tr("&Read only"),
            Level.HIDDEN: self.tr("&Hidden"),
        }
        tips = {
            Level.FULL: self.tr("The selected users see and change the data of the selected tenants (key 1)"),
            Level.READ_ONLY: self.tr(
                "The selected users see the data of the selected tenants but cannot change it (key 2)"
            ),
            Level.HIDDEN: self.tr("The data of the selected tenants appears nowhere for the selected users (key 3)"),
        }
        for level, button in self.level_buttons.items():
            button.setText(level_text(level))
            button.setToolTip(tips[level])
            action = self.level_actions[level]
            action.setText(menu_texts[level])
            action.setStatusTip(tips[level])
        for view in self._access_views():
            for delegate in view.findChildren(LevelDelegate):
                delegate.retranslate()
        self.private_button.setText(self.tr("Private data"))
        self.private_on.setText(self.tr("Private data &on"))
        self.private_on.setStatusTip(self.tr("The selected users see personal data: e-mail, phone, address, birthday"))
        self.private_off.setText(self.tr("Private &data off"))
        self.private_off.setStatusTip(self.tr("Personal data is masked for the selected users"))
        self.sub_button.setText(self.tr("Apply to sub-tenants"))
        self.sub_button.setToolTip(
            self.tr("Give the selected users the same access on every sub-tenant of this tenant")
        )
        self.sub_action.setText(self.tr("&Apply to sub-tenants"))
        self.sub_action.setStatusTip(self.sub_button.toolTip())
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the access matrix as an Excel file"))
        self.discard_button.setText(self.tr("Discard"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save all access changes (Ctrl+S)"))
        self.save_action.setText(self.tr("Save"))
        self._update_dirty()
        self._show_user_count()
