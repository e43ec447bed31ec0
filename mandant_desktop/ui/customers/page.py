"""The customers page (SPEC C1-C12): the customer table with its context menu and dialogs.

The table reads windows of rows from the database (``model.CustomerTableModel``); the search is
debounced, so typing never waits for the database after every key. Every action works on the
current selection and exists in the context menu (right click, Menu key, Shift+F10), most also as
a button or a shortcut (Ctrl+N new, Del delete, Enter properties).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.customers import CustomerQuery, CustomerRow, CustomerService, agency_label
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import tasks
from mandant_desktop.ui.copy_rows import copy_rows_action
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.customers.access_rights_dialog import AccessRightsDialog
from mandant_desktop.ui.customers.agency_dialogs import AgencyInfoDialog
from mandant_desktop.ui.customers.common import Actor
from mandant_desktop.ui.customers.contact_person_dialog import AssignContactPersonDialog
from mandant_desktop.ui.customers.contacts_dialog import CustomerContactsDialog
from mandant_desktop.ui.customers.create_dialog import CreateCustomerDialog
from mandant_desktop.ui.customers.delete_dialog import DeleteChoice, DeleteCustomerDialog
from mandant_desktop.ui.customers.export import choose_export_file, export_with_progress
from mandant_desktop.ui.customers.model import ROW_ROLE, WINDOW, CustomerTableModel
from mandant_desktop.ui.customers.properties_dialog import CustomerPropertiesDialog
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import fit_placeholder
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.imports import ImportKind, import_button
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import row_table, search_edit, set_text_column_widths
from mandant_desktop.ui.theme import plain_cells

log = logging.getLogger(__name__)

#: the COUNT of a search starts when the table has painted its first window, or after this long
#: when no paint comes (a window that is minimised)
COUNT_FALLBACK_MS = 200

MenuRunner = Callable[[QMenu, QPoint], None]


def _exec_menu(menu: QMenu, at: QPoint) -> None:
    menu.exec(at)


def _fetch_first(
    customers: CustomerService, operator: Operator, query: CustomerQuery
) -> tuple[CustomerQuery, list[CustomerRow]]:
    """On a worker: the first window of a search, without its COUNT (which may take longer: a short
    search scans every customer), so that the table shows the first rows at once."""
    return query, customers.rows(operator, query, 0, WINDOW)


class _AfterPaint(QObject):
    """Calls ``then`` once ``widget`` has painted after :meth:`arm` (on the event loop's next turn,
    when the paint is drawn), at once when the widget is hidden, or after ``fallback_ms``.

    The COUNT of a search waits for it: a count on a worker while the GUI thread paints the first
    window slows the paint (both want Python's interpreter lock; a short search's count reads every
    customer), and the rows matter to the user before their number does (issue 8)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(fallback_ms)
        self._fallback.timeout.connect(self._fire)
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.armed = True
        if self._widget.isVisible():
            self._fallback.start()
        else:
            QTimer.singleShot(0, self, self._fire)

    def disarm(self) -> None:
        self.armed = False
        self._fallback.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # after this paint has been drawn
        return False

    def _fire(self) -> None:
        if self.armed:
            self.disarm()
            self._then()


class CustomersPage(Page):
    page_id: ClassVar[str] = "customers"
    object_name: ClassVar[str] = "page.customers"
    permission: ClassVar[str] = "customers.view"
    icon_name: ClassVar[str] = "customers"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Customers")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: how the context menu is shown; tests replace it to pick an entry
        self.exec_menu: MenuRunner = _exec_menu
        #: asks for the Excel file to write; tests replace it
        self.choose_export_path: Callable[[], str | None] = lambda: choose_export_file(self)
        services = context.app.services
        self.model = CustomerTableModel(
            lambda query: services.customers.count(self.operator(), query),
            lambda query, offset, limit: services.customers.rows(self.operator(), query, offset, limit),
            self,
        )
        self._heading = QLabel()
        self._heading.setObjectName("pageHeading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._heading.setFont(font)
        self.search, self._search_timer = search_edit(self, "customerSearch", self.apply_search)
        #: the count-and-first-window load running on a worker; newer loads drop older answers
        self.loader: tasks.Latest[tuple[CustomerQuery, list[CustomerRow]]] = tasks.Latest(self)
        #: the COUNT of a search whose first window filled up, after that window is shown
        self.counter: tasks.Latest[int | None] = tasks.Latest(self)
        self._pending_select: set[int] = set()
        #: (id, number) of a customer just created, shown by its number if the next load lacks it
        self._revealing: tuple[int, str] | None = None
        #: the Excel export running on a worker, if any
        self.export_task: tasks.Task[int] | None = None
        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")

        # Fixed row heights (row_table): the view never measures 100,000 rows.
        self.table = row_table("customerTable", self.model)
        plain_cells(self.table)  # no check boxes in its cells
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        set_text_column_widths(header, (13.3, 41.6, 21.6, 18.3, 19.1, 31.6, 26.6, 33.3, 16.6))
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        # Column widths, order and the sort persist (E4); the sort applies before the first load.
        remember(context.settings, self.page_id, self.table)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_context_menu)
        self.table.doubleClicked.connect(lambda _index: self.open_properties())

        #: the search whose COUNT starts once the table has painted its first window
        self._count_waiting = CustomerQuery()
        self._after_paint = _AfterPaint(
            self.table.viewport(), lambda: self._count(self._count_waiting), COUNT_FALLBACK_MS
        )

        self._build_actions()
        self.new_button = QPushButton()
        self.new_button.setObjectName("customerNewButton")
        self.new_button.clicked.connect(self.action_new.trigger)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("customerDeleteButton")
        self.delete_button.clicked.connect(self.action_delete.trigger)
        self.export_button = QPushButton()
        self.export_button.setObjectName("customerExportButton")
        self.export_button.clicked.connect(self.action_export.trigger)

        top = QHBoxLayout()
        top.addWidget(self._heading)
        top.addStretch(1)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.export_button)
        self.import_button = import_button(self, ImportKind.CUSTOMERS)  # S8 (issue 7)
        # Made with the page as its parent, the button would come first in the Tab order (before the
        # search field); the layout adopts it again here, after the buttons beside it. setTabOrder
        # cannot mend it while the page is a window of its own (its chain wraps around).
        self.import_button.setParent(None)
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------------ actions

    def _action(self, name: str, handler: Callable[[], None], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(handler)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.action_new = self._action(
            "customerNewAction", self.new_customer, QKeySequence(QKeySequence.StandardKey.New)
        )
        self.action_delete = self._action(
            "customerDeleteAction", self.delete_customers, QKeySequence(Qt.Key.Key_Delete)
        )
        # F2 as on the tenants page (their "Properties…"), besides Enter in the table
        self.action_properties = self._action(
            "customerPropertiesAction", self.open_properties, QKeySequence(Qt.Key.Key_F2)
        )
        self.action_access_rights = self._action("customerAccessRightsAction", self.open_access_rights)
        self.action_contact_person = self._action("customerContactPersonAction", self.open_contact_persons)
        self.action_contacts = self._action("customerContactsAction", self.open_contacts)
        self.action_agency_info = self._action("customerAgencyInfoAction", self.open_agency_info)
        self.action_reactivate = self._action("customerReactivateAction", self.reactivate_customers)
        self.action_export = self._action("customerExportAction", self.export_customers)
        self.action_copy_rows = copy_rows_action(self.table, self.context.shell.show_status)
        self.action_menu = self._action("customerMenuAction", self.menu_from_keyboard, QKeySequence("Shift+F10"))
        # The Menu key as a shortcut too: not every platform turns it into a context-menu event.
        self.action_menu.setShortcuts([QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
        # Enter opens the properties only in the table: in the search field it starts the search.
        enter = self._action("customerEnterAction", self.open_properties)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(enter)

    def selected_rows(self) -> list[CustomerRow]:
        rows = []
        for index in self.table.selectionModel().selectedRows():
            row = index.data(ROW_ROLE)
            if isinstance(row, CustomerRow):
                rows.append(row)
        return rows

    def update_actions(self) -> None:
        rows = self.selected_rows()
        op = self.operator()
        single = len(rows) == 1
        editable = bool(rows) and all(r.editable for r in rows)
        self.action_new.setEnabled(op.can("customers.edit"))
        self.action_delete.setEnabled(editable and op.can("customers.delete"))
        self.action_properties.setEnabled(single)
        self.action_access_rights.setEnabled(single and rows[0].remote_access)
        self.action_contact_person.setEnabled(editable and op.can("customers.edit"))
        self.action_contacts.setEnabled(single)
        self.action_agency_info.setEnabled(single and rows[0].is_agency)
        self.action_reactivate.setEnabled(editable and op.can("customers.edit") and any(not r.active for r in rows))
        self.new_button.setEnabled(self.action_new.isEnabled())
        self.delete_button.setEnabled(self.action_delete.isEnabled())

    def context_menu(self) -> QMenu:
        """The menu of the current selection."""
        menu = QMenu(self)
        menu.setObjectName("customerContextMenu")
        for action in (self.action_properties, self.action_access_rights, self.action_contact_person):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_contacts)
        menu.addAction(self.action_agency_info)
        menu.addAction(self.action_export)
        menu.addAction(self.action_copy_rows)
        menu.addSeparator()
        menu.addAction(self.action_new)
        if self.action_reactivate.isEnabled():
            menu.addAction(self.action_reactivate)
        menu.addAction(self.action_delete)
        return menu

    def show_context_menu(self, pos: QPoint) -> None:
        """Right click (viewport coordinates) or the Menu key: a row under the pointer that is not
        selected becomes the selection, as in a file manager."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self.update_actions()
        menu = self.context_menu()
        try:
            self.exec_menu(menu, self.table.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()

    def menu_from_keyboard(self) -> None:
        current = self.table.currentIndex()
        rect = self.table.visualRect(current) if current.isValid() else self.table.viewport().rect()
        self.show_context_menu(rect.center())

    # ------------------------------------------------------------------ page

    def search_field(self) -> QLineEdit:
        return self.search

    def actor(self) -> Actor:
        return Actor(self.context.app.services, self.operator())

    @property
    def busy(self) -> bool:
        """True while a search's first window or its count is being fetched off the GUI thread (S5)."""
        return self.loader.busy or self.counter.busy or self._after_paint.armed

    @property
    def searching(self) -> bool:
        """True until the first window of the newest search is shown (its count may follow)."""
        return self.loader.busy

    def refresh(self) -> bool:
        """Fetch the first window of the current search on a worker, then its count (F5, live
        refresh, after an action, a new search); the table keeps its rows until the answer is there."""
        selected = {r.id for r in self.selected_rows()} | self._pending_select
        self._pending_select = set()
        query = CustomerQuery(self.search.text(), self.model.query.sort, self.model.query.descending)
        services = self.context.app.services
        # A newer search cancels the older one: its answers, however late, are dropped, and an
        # older count that has not started yet never runs.
        self.counter.cancel()
        self._after_paint.disarm()
        self.loader.run(
            _fetch_first,
            services.customers,
            self.operator(),  # read here, on the GUI thread
            query,
            on_done=lambda result: self._loaded(selected, result),
            on_error=lambda _exc: self._show_count(),  # the rows shown stay; the task's banner or message says why
        )
        self.count_label.setText(self.tr("Customers: searching…"))
        self.update_actions()
        return True

    def _loaded(self, selected: set[int], result: tuple[CustomerQuery, list[CustomerRow]]) -> None:
        query, first = result
        complete = len(first) < WINDOW  # then the window is all there is: no count needed
        self.model.show_first(query, first, len(first) if complete else None)
        if not complete:
            self._count_waiting = query
            self._after_paint.arm()
        self._show_count(counting=not complete)
        wanted = selected | self._pending_select
        self._pending_select = set()
        if wanted:
            self._select_ids(wanted)
        self.update_actions()
        revealing, self._revealing = self._revealing, None
        if revealing is not None and revealing[0] not in {r.id for r in self.selected_rows()}:
            self._search_for(*revealing)

    def _reveal(self, customer_id: int, number: str) -> None:
        """Show and select a customer just created (C2). The table holds the first windows of the
        current search only (100,000 customers on the large demo): when the new customer is not
        among them, the search turns to its number, as one finds a customer."""
        self._revealing = (customer_id, number)
        self.refresh()
        self.select_customer(customer_id)

    def _search_for(self, customer_id: int, number: str) -> None:
        if self.search.text() == number:
            return  # searched already: not visible to the operator (a tenant filter), nothing to show
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(number)
        self.search.blockSignals(False)
        self._pending_select = {customer_id}
        self.refresh()

    def _count(self, query: CustomerQuery) -> None:
        customers, operator = self.context.app.services.customers, self.operator()
        started: list[tasks.Task[int | None]] = []

        def count_unless_stale() -> int | None:
            if started and started[0].cancelled():
                return None  # a newer search came while this one waited for a worker
            return customers.count(operator, query)

        started.append(
            self.counter.run(
                count_unless_stale,
                on_done=lambda total: self._counted(query, total),
                on_error=lambda _exc: self._show_count(counting=False),
            )
        )

    def _counted(self, query: CustomerQuery, total: int | None) -> None:
        if total is not None:
            self.model.set_total(query, total)
        self._show_count(counting=False)

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.model.query.search:
            self.refresh()

    def _show_count(self, *, counting: bool | None = None) -> None:
        shown = number_text(self.model.rowCount())
        if self.counter.busy or self._after_paint.armed if counting is None else counting:
            self.count_label.setText(self.tr("Customers: %1 and more, counting…").replace("%1", shown))
        else:
            self.count_label.setText(self.tr("Customers: %1").replace("%1", shown))

    def _select_ids(self, ids: set[int]) -> None:
        """Select the rows of ``ids`` among those already fetched (the first window or two)."""
        selection = self.table.selectionModel()
        first = True
        for row in range(min(self.model.rowCount(), 400)):
            customer = self.model.row_at(row)
            if customer is not None and customer.id in ids:
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                if first:
                    selection.setCurrentIndex(self.model.index(row, 0), flags)
                    first = False
                else:
                    selection.select(self.model.index(row, 0), flags)

    def select_customer(self, customer_id: int) -> None:
        self.table.clearSelection()
        if self.searching:
            self._pending_select = {customer_id}  # selected when the running load has arrived
            return
        self._select_ids({customer_id})
        self.update_actions()

    # ------------------------------------------------------------------ the flows

    def new_customer(self) -> None:
        """C2: create, then with remote access "Access rights", then "Assign contact person"."""
        actor = self.actor()
        tenants = run_action(self, actor.services.customers.editable_tenants, actor.operator)
        if tenants is None:
            return
        dialog = CreateCustomerDialog(actor, tenants, self)
        if not dialog_runner.run(dialog) or dialog.created is None:
            return
        created = dialog.created
        self._reveal(created.id, dialog.new_customer().number)
        if created.group_id is not None:
            self._access_rights(actor, created.group_id, created.id)
            self._contact_persons(actor, [created.id])
            self.refresh()

    def _access_rights(self, actor: Actor, group_id: int, customer_id: int) -> None:
        group = run_action(self, actor.services.rights_groups.details, actor.operator, group_id)
        details = run_action(self, actor.services.customers.details, actor.operator, customer_id)
        if group is None or details is None:
            return
        dialog_runner.run(AccessRightsDialog(actor, group, f"{details.number} – {details.name}", self))

    def _contact_persons(self, actor: Actor, customer_ids: list[int]) -> bool:
        state = run_action(self, actor.services.contact_persons.state, actor.operator, customer_ids)
        if state is None:
            return False
        return dialog_runner.run(AssignContactPersonDialog(actor, customer_ids, state, self))

    def open_properties(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        actor = self.actor()
        details = run_action(self, actor.services.customers.details, actor.operator, rows[0].id)
        if details is None:
            self.refresh()
            return
        if dialog_runner.run(CustomerPropertiesDialog(actor, details, self)):
            self.refresh()

    def open_access_rights(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        actor = self.actor()
        details = run_action(self, actor.services.customers.details, actor.operator, rows[0].id)
        if details is None or details.group_id is None:
            self.refresh()
            return
        self._access_rights(actor, details.group_id, details.id)

    def open_contact_persons(self) -> None:
        rows = self.selected_rows()
        if rows and self._contact_persons(self.actor(), [r.id for r in rows]):
            self.refresh()

    def open_contacts(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        actor = self.actor()
        details = run_action(self, actor.services.customers.details, actor.operator, rows[0].id)
        if details is not None:
            dialog_runner.run(CustomerContactsDialog(actor, details, self))

    def open_agency_info(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].is_agency:
            return
        row = rows[0]
        dialog_runner.run(AgencyInfoDialog(self.actor(), row.id, agency_label(row.name, row.number), self))

    def delete_customers(self) -> None:
        """C6: delete, or deactivate all external users instead."""
        rows = self.selected_rows()
        if not rows or not self.action_delete.isEnabled():
            return
        actor = self.actor()
        ids = [r.id for r in rows]
        # The versions the operator saw: a customer changed elsewhere meanwhile is a conflict (S4).
        versions = {r.id: r.version for r in rows}
        users = run_action(self, actor.services.customers.external_user_count, actor.operator, ids)
        if users is None:
            return
        dialog = DeleteCustomerDialog(actor, rows, users, self)
        dialog_runner.run(dialog)
        if dialog.choice is DeleteChoice.DELETE:
            self._bulk(
                self.tr("Delete customers"),
                actor.services.customers.delete,
                versions,
                lambda done: self.tr("Customers deleted: %1.").replace("%1", number_text(done)),
            )
        elif dialog.choice is DeleteChoice.DEACTIVATE:
            self._bulk(
                self.tr("Deactivate customers"),
                actor.services.customers.deactivate,
                versions,
                lambda done: self.tr("Customers deactivated, and with them their external users (%1).").replace(
                    "%1", number_text(done)
                ),
            )

    def _bulk(
        self,
        title: str,
        fn: Callable[[Operator, dict[int, int]], int | None],
        versions: dict[int, int],
        said: Callable[[int], str] | None = None,
    ) -> tasks.Task[int | None]:
        """A change of many customers on a worker (S5, E3): one transaction, so the progress dialog
        (after a moment) has no Cancel; the table reloads afterwards, also after a refusal."""

        def done(result: int | None) -> None:
            if said is not None:
                # A use case that returns no count changed every customer it was given, or raised.
                self.context.shell.show_status(said(result if result is not None else len(versions)))

        task = tasks.run_with_progress(
            self,
            title,
            self.tr("Saving…"),
            fn,
            self.actor().operator,
            versions,
            on_done=done,
            writes=True,
            reports=False,
        )
        task.finished.connect(self.refresh)
        return task

    def export_customers(self) -> None:
        """The customers the table shows (or the selected ones, when several are selected) as Excel."""
        path = self.choose_export_path()
        if not path:
            return
        rows = self.selected_rows()
        actor = self.actor()
        self.export_task = export_with_progress(
            self,
            actor.services.customers,
            actor.operator,
            path,
            search=self.model.query.search,
            customer_ids=[r.id for r in rows] if len(rows) > 1 else None,
            on_done=lambda written: self.context.shell.show_status(
                self.tr("Customers exported: %1 rows to %2.").replace("%1", number_text(written)).replace("%2", path)
            ),
        )

    def reactivate_customers(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self._bulk(
            self.tr("Reactivate customers"),
            self.actor().services.customers.reactivate,
            {r.id: r.version for r in rows},
            lambda done: self.tr("Customers reactivated: %1.").replace("%1", number_text(done)),
        )

    def retranslateUi(self) -> None:
        self._heading.setText(self.title())
        self.search.setPlaceholderText(self.tr("Search by number, name or short name (Ctrl+F)"))
        self.search.setToolTip(
            self.tr(
                "Finds the customers whose number, name or short name contain every word, in any order; "
                "capitals and accents do not matter, and ß is ss, ä ae, ö oe, ü ue"
            )
        )
        # The placeholder is the field's label: whole at any window width and scale (E5), now that
        # no wider page holds the window wide (the window fits 1,024 pixels).
        fit_placeholder(self.search)
        self.new_button.setText(self.tr("&New…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.new_button.setToolTip(self.tr("Create a customer (Ctrl+N)"))
        self.delete_button.setToolTip(self.tr("Delete or deactivate the selected customers (Del)"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Export the customers shown, or the selected ones, to an Excel workbook"))
        texts = {
            self.action_new: self.tr("&New customer…"),
            self.action_delete: self.tr("&Delete…"),
            self.action_properties: self.tr("&Properties…"),
            self.action_access_rights: self.tr("&Access rights…"),
            self.action_contact_person: self.tr("Assign &contact person…"),
            self.action_contacts: self.tr("Contacts and &users…"),
            self.action_agency_info: self.tr("A&gency information…"),
            self.action_reactivate: self.tr("&Reactivate"),
            self.action_export: self.tr("E&xport…"),
            self.action_menu: self.tr("Context menu"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.model.retranslate()
        self._show_count()
