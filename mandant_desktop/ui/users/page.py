"""The users page (SPEC U1-U4): the users list in the first tab of ``userTabs``.

"Edit user…" (F2, Enter or a double click on a row, as the tenants' and customers' properties)
corrects a user's names and e-mail address.

Further panels (the customers feature's rights groups, C4/C5) join as tabs through
:meth:`UsersPage.add_tab`.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.activation import IssuedLink
from mandant_desktop.services.users import (
    DisplayStatus,
    NewUser,
    UserChange,
    UserDetails,
    UserFilter,
    UserKind,
    UserRow,
    UserSort,
    UserUpdate,
)
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.flow_layout import FlowLayout
from mandant_desktop.ui.forms import text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.imports import ImportKind, import_button
from mandant_desktop.ui.layout_memory import remember, remember_tab
from mandant_desktop.ui.mail_texts import translate_mail
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import page_heading, popup_actions, set_text_column_widths
from mandant_desktop.ui.users.add_dialog import AddUserDialog
from mandant_desktop.ui.users.edit_dialog import EditUserDialog
from mandant_desktop.ui.users.model import ROW_ROLE, UserTableModel
from mandant_desktop.ui.users.rights_groups import RightsGroupsPanel

FILTERS: tuple[tuple[UserFilter, str], ...] = (
    (UserFilter.ALL, QT_TRANSLATE_NOOP("UsersPage", "All users")),
    (UserFilter.INTERNAL, QT_TRANSLATE_NOOP("UsersPage", "Internal")),
    (UserFilter.EXTERNAL, QT_TRANSLATE_NOOP("UsersPage", "External")),
    (UserFilter.PENDING, QT_TRANSLATE_NOOP("UsersPage", "Pending activation")),
    (UserFilter.DEACTIVATED, QT_TRANSLATE_NOOP("UsersPage", "Deactivated")),
    (UserFilter.CANNOT_LOG_IN, QT_TRANSLATE_NOOP("UsersPage", "Cannot log in (no role)")),
)


class UsersPage(Page):
    page_id: ClassVar[str] = "users"
    object_name: ClassVar[str] = "page.users"
    permission: ClassVar[str] = "users.view"
    icon_name: ClassVar[str] = "users"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Users")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._services = context.app.services
        self.heading = page_heading()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("userTabs")
        self.list_panel = QWidget()
        self.list_panel.setObjectName("userListPanel")
        self.tabs.addTab(self.list_panel, "")

        self.search = QLineEdit()
        self.search.setObjectName("userSearch")
        self.search.setClearButtonEnabled(True)
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("userFilter")
        for value, _text in FILTERS:
            self.filter_combo.addItem("", value.value)
        self.add_button = QPushButton()
        self.add_button.setObjectName("userAddButton")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("userEditButton")
        self.resend_button = QPushButton()
        self.resend_button.setObjectName("userResendButton")
        self.deactivate_button = QPushButton()
        self.deactivate_button.setObjectName("userDeactivateButton")
        self.reactivate_button = QPushButton()
        self.reactivate_button.setObjectName("userReactivateButton")
        self.count_label = QLabel()
        self.count_label.setObjectName("userCount")

        self.model = UserTableModel(self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("userTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        set_text_column_widths(self.table.horizontalHeader(), (28.3, 17.5, 36.6, 10.8, 29.1, 25))
        remember(context.settings, self.page_id, self.table)  # widths, order, sort (E4)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())

        self.add_action = QAction(self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self.add_user)
        # F2 as on the tenants and customers pages ("Properties…"); Enter only in the table, where
        # in the search field it starts the search.
        self.edit_action = QAction(self)
        self.edit_action.setObjectName("userEditAction")
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_user)
        self.enter_action = QAction(self)
        self.enter_action.setObjectName("userEnterAction")
        self.enter_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.enter_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.enter_action.triggered.connect(self.edit_user)
        self.resend_action = QAction(self)
        self.resend_action.triggered.connect(self.resend_activation)
        self.deactivate_action = QAction(self)
        self.deactivate_action.setShortcut(QKeySequence.StandardKey.Delete)
        # On the table only: Del in the search field deletes a character, not users.
        self.deactivate_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.deactivate_action.triggered.connect(self.deactivate)
        # Del where every selected user is deactivated already: the action above is off, so Del
        # would do nothing at all; this one (enabled exactly then) says why instead (E2).
        self.deactivated_note_action = QAction(self)
        self.deactivated_note_action.setObjectName("userDeactivatedNoteAction")
        self.deactivated_note_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.deactivated_note_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.deactivated_note_action.triggered.connect(self.explain_deactivated)
        self.reactivate_action = QAction(self)
        self.reactivate_action.triggered.connect(self.reactivate)
        # Why does this user have (or lack) a right? The org units page's explain dialog (A10, R3).
        self.explain_action = QAction(self)
        self.explain_action.setObjectName("userExplainAction")
        self.explain_action.triggered.connect(self.explain_permissions)
        self.addAction(self.add_action)
        # On the list only: F2 on the rights groups tab is not about the list's selection.
        self.list_panel.addAction(self.edit_action)
        self.table.addAction(self.deactivate_action)
        self.table.addAction(self.deactivated_note_action)
        self.table.addAction(self.enter_action)
        self.add_button.clicked.connect(self.add_action.trigger)
        self.edit_button.clicked.connect(self.edit_action.trigger)
        self.resend_button.clicked.connect(self.resend_action.trigger)
        self.deactivate_button.clicked.connect(self.deactivate_action.trigger)
        self.reactivate_button.clicked.connect(self.reactivate_action.trigger)

        bar = QHBoxLayout()
        self.search.setMinimumWidth(text_width(self.search, 46.6))
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filter_combo)
        # On a narrow window (1,024 px, E5) in German the buttons wrap onto a second line instead
        # of widening the window.
        buttons = FlowLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.resend_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(import_button(self, ImportKind.USERS))  # S8 (issue 7)
        panel = QVBoxLayout(self.list_panel)
        panel.addLayout(bar)
        panel.addLayout(buttons)
        panel.addWidget(self.table, 1)
        panel.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_search)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        # The rights groups of the customer portal belong to user administration (SPEC C4, C5).
        self.rights_groups = RightsGroupsPanel(context, load_when_shown=True)
        self._rights_groups_tab = self.add_tab(self.rights_groups, "")
        #: a refresh came while the rights groups tab showed: the list reads its users when shown
        self._list_stale = False
        # E4: the tab shown last comes back before the first load, which then reads only that tab.
        remember_tab(context.settings, self.page_id, self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.retranslateUi()
        self.refresh()

    # ------------------------------------------------------------------ the page contract

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another panel of the users area as a tab (e.g. rights groups); returns its index."""
        return self.tabs.addTab(widget, title)

    def search_field(self) -> QLineEdit:
        if self.tabs.currentWidget() is self.rights_groups:
            return self.rights_groups.search
        return self.search

    def tenant_filter_changed(self) -> None:
        # Customer groups follow the tenant filter too, whichever tab is showing.
        self.rights_groups.refresh()
        self.refresh()

    def refresh(self) -> bool:
        if self.tabs.currentWidget() is self.rights_groups:
            self._list_stale = True
            return self.rights_groups.refresh()
        self._list_stale = False
        selected = {row.id for row in self.selected_rows()}
        result = run_action(self, self._reload)
        if result is None:
            return False
        self._select_ids(selected)
        return True

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.list_panel and self._list_stale:
            self.refresh()

    def _reload(self) -> bool:
        self.model.reload()
        total = self._services.users.count(self.operator(), self.model.search, self.model.filter)
        self.count_label.setText(self.tr("%Ln user(s)", None, total))
        return True

    def _fetch(
        self, search: str, kind: UserFilter, sort: UserSort, descending: bool, offset: int, limit: int
    ) -> list[UserRow]:
        return self._services.users.page(
            self.operator(), search=search, kind=kind, sort=sort, descending=descending, offset=offset, limit=limit
        )

    # ------------------------------------------------------------------ selection

    def selected_rows(self) -> list[UserRow]:
        rows = []
        for index in self.table.selectionModel().selectedRows():
            row = index.data(ROW_ROLE)
            if isinstance(row, UserRow):
                rows.append(row)
        return rows

    def _select_ids(self, ids: set[int]) -> None:
        for user_id in ids:
            row = self.model.row_of(user_id)
            if row >= 0:
                self.table.selectRow(row)

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.table.clearSelection()
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self) -> None:
        operator = self.context.operator
        rows = self.selected_rows()
        self.add_action.setEnabled(operator.can("users.edit"))
        self.edit_action.setEnabled(len(rows) == 1 and operator.can(_EDIT_RIGHT[rows[0].kind]))
        self.enter_action.setEnabled(self.edit_action.isEnabled())
        self.resend_action.setEnabled(
            operator.can("users.send_activation")
            and bool(rows)
            and all(r.status in (DisplayStatus.PENDING, DisplayStatus.EXPIRED) for r in rows)
        )
        self.deactivate_action.setEnabled(
            operator.can("users.deactivate") and any(r.status != DisplayStatus.DEACTIVATED for r in rows)
        )
        self.reactivate_action.setEnabled(
            operator.can("users.deactivate") and any(r.status == DisplayStatus.DEACTIVATED for r in rows)
        )
        self.deactivated_note_action.setEnabled(
            operator.can("users.deactivate") and bool(rows) and not self.deactivate_action.isEnabled()
        )
        self.explain_action.setEnabled(
            operator.can("assignments.view") and operator.can("org_units.view") and len(rows) == 1
        )
        for button, action in (
            (self.add_button, self.add_action),
            (self.edit_button, self.edit_action),
            (self.resend_button, self.resend_action),
            (self.deactivate_button, self.deactivate_action),
            (self.reactivate_button, self.reactivate_action),
        ):
            button.setEnabled(action.isEnabled())
            button.setVisible(any(operator.can(right) for right in _PERMISSION_OF[button.objectName()]))

    # ------------------------------------------------------------------ search and filter

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.model.search != self.search.text():
            self.model.search = self.search.text()
            self.refresh()

    def _show_search(self, text: str) -> None:
        """All users whose name, user name or e-mail contains ``text``, loaded at once."""
        self._search_timer.stop()
        for widget in (self.search, self.filter_combo):
            widget.blockSignals(True)
        self.search.setText(text)
        self.filter_combo.setCurrentIndex(0)
        for widget in (self.search, self.filter_combo):
            widget.blockSignals(False)
        self.model.search = text
        self.model.filter = UserFilter.ALL
        self.refresh()

    def _filter_changed(self, index: int) -> None:
        self.model.filter = UserFilter(str(self.filter_combo.itemData(index)))
        self.refresh()

    # ------------------------------------------------------------------ actions

    def add_user(self) -> None:
        if not self.add_action.isEnabled():
            return
        dialog = AddUserDialog(self._create, self)
        try:
            if dialog.exec() and isinstance(dialog.result_value, IssuedLink):
                self._after_create(dialog.result_value, dialog.data().username.strip())
        finally:
            dialog.deleteLater()

    def _create(self, data: NewUser) -> IssuedLink:
        return self._services.users.create(self.operator(), data, translate=translate_mail)

    def _after_create(self, link: IssuedLink, username: str) -> None:
        self.refresh()
        if not self.select_user(link.user_id):
            # Not among the rows fetched for the current sort, filter and search (a long list holds
            # thousands): the list shows it by its user name, as one finds a user, so that the new
            # user is listed and selected at once (U2).
            self._show_search(username)
            self.select_user(link.user_id)
        # The mail goes out on a worker: an SMTP server may take its time (S5).
        tasks.run(
            self,
            self._services.mail.deliver_queued,
            on_done=lambda sent: self.context.shell.show_status(self._mail_outcome(sent)),
            writes=True,
        )

    def _mail_outcome(self, sent: int) -> str:
        if sent:
            return self.tr("The activation e-mail has been sent.")
        return self.tr(
            "The activation e-mail is in the outbox: no e-mail server is set up, or it could not be reached."
        )

    def edit_user(self) -> None:
        """Correct the selected user's names and e-mail address (U2, U3); an external user's are
        their contact's too (C10)."""
        rows = self.selected_rows()
        if len(rows) != 1 or not self.edit_action.isEnabled():
            return
        details = run_action(self, self._services.users.for_edit, self.operator(), rows[0].id)
        if details is None:
            self.refresh()  # gone meanwhile, or out of reach: the list says so
            return
        dialog = EditUserDialog(details, self._update, self)
        try:
            if dialog.exec() and isinstance(dialog.result_value, UserUpdate):
                self._after_update(details, dialog.result_value)
        finally:
            dialog.deleteLater()

    def _update(self, user: UserDetails, change: UserChange) -> UserUpdate:
        return self._services.users.update(
            self.operator(), user.id, change, expected_version=user.version, translate=translate_mail
        )

    def _after_update(self, user: UserDetails, outcome: UserUpdate) -> None:
        self.refresh()
        self.select_user(user.id)
        if outcome.link is None:
            self.context.shell.show_status(
                self.tr("User %1 saved.").replace("%1", user.username)
                if outcome.changed
                else self.tr("Nothing changed.")
            )
            return
        saved = self.tr("User %1 saved; the link sent to the old address no longer works.").replace("%1", user.username)
        tasks.run(
            self,
            self._services.mail.deliver_queued,
            on_done=lambda sent: self.context.shell.show_status(saved + " " + self._mail_outcome(sent)),
            writes=True,
        )

    def resend_activation(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.resend_action.isEnabled():
            return
        if len(rows) > 1 and not interaction.get().confirm(
            self,
            self.tr("Resend activation link"),
            self.tr("Send a new activation link to %Ln user(s)? Their previous links stop working.", None, len(rows)),
            ok_text=self.tr("Send"),
        ):
            return
        # New links for many users and their mails (an SMTP server may be slow) on a worker (E3, S5).
        resend, deliver = self._services.activation.resend, self._services.mail.deliver_queued
        operator, ids = self.operator(), [r.id for r in rows]

        def send() -> tuple[int, int]:
            links = resend(operator, ids, translate=translate_mail)  # translate is thread-safe
            return len(links), deliver()

        def done(outcome: tuple[int, int]) -> None:
            count, sent = outcome
            self.refresh()
            self.context.shell.show_status(
                self.tr("New activation link(s) for %Ln user(s).", None, count) + " " + self._mail_outcome(sent)
            )

        tasks.run_with_progress(
            self, self.tr("Resend activation link"), self.tr("Sending…"), send, on_done=done, writes=True, reports=False
        )

    def deactivate(self) -> None:
        """Deactivate the selection after a question. The operator's own account is never among
        them (the service refuses it: they would lock themselves out); the page says so instead of
        asking about it."""
        rows = [r for r in self.selected_rows() if r.status != DisplayStatus.DEACTIVATED]
        if not rows or not self.deactivate_action.isEnabled():
            return
        own_id = self.context.operator.id
        own = [r for r in rows if r.id == own_id]
        rows = [r for r in rows if r.id != own_id]
        if not rows:
            interaction.get().information(
                self,
                self.tr("Deactivate users"),
                self.tr(
                    "You cannot deactivate your own account: you would lock yourself out. "
                    "Another administrator can deactivate it."
                ),
            )
            return
        names = ", ".join(r.display_name for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        question = self.tr("Deactivate %Ln user(s)? They can no longer log in: %1", None, len(rows))
        question = question.replace("%1", names)
        if own:
            note = self.tr("Your own account (%1) stays active: you cannot deactivate yourself.")
            question += "\n\n" + note.replace("%1", own[0].display_name)
        if not interaction.get().confirm(
            self,
            self.tr("Deactivate users"),
            question,
            ok_text=self.tr("Deactivate"),
            destructive=True,
        ):
            return
        self._set_active(rows, False)

    def explain_deactivated(self) -> None:
        """Del on users who are all deactivated already: there is nothing to deactivate; say so,
        and how they log in again, instead of doing nothing without a word."""
        rows = self.selected_rows()
        if not rows or any(r.status != DisplayStatus.DEACTIVATED for r in rows):
            return
        names = ", ".join(r.display_name for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        interaction.get().information(
            self,
            self.tr("Deactivate users"),
            self.tr(
                "%Ln selected user(s) already deactivated: %1. Reactivate them to let them log in again.",
                None,
                len(rows),
            ).replace("%1", names),
        )

    def reactivate(self) -> None:
        rows = [r for r in self.selected_rows() if r.status == DisplayStatus.DEACTIVATED]
        if rows and self.reactivate_action.isEnabled():
            self._set_active(rows, True)

    def _set_active(self, rows: list[UserRow], active: bool) -> tasks.Task[int]:
        """A bulk edit: on a worker (S5, E3), all or nothing in one transaction, so the progress
        dialog (after a moment) has no Cancel; refusals and conflicts are shown as before."""

        def done(changed: int) -> None:
            self.refresh()
            self.context.shell.show_status(
                self.tr("%Ln user(s) reactivated.", None, changed)
                if active
                else self.tr("%Ln user(s) deactivated.", None, changed)
            )

        return tasks.run_with_progress(
            self,
            self.tr("Reactivate users") if active else self.tr("Deactivate users"),
            self.tr("Saving…"),
            self._services.users.set_active,
            self.operator(),
            [r.id for r in rows],
            active,
            expected_versions={r.id: r.version for r in rows},
            on_done=done,
            writes=True,
            reports=False,
        )

    def explain_permissions(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            # Imported when first asked for, not with the page (issue 8): it brings the org units'
            # tree model, finder and service along.
            from mandant_desktop.ui.org_units.explain import open_explain

            open_explain(self, self.context, rows[0].id, rows[0].display_name)

    def _context_menu(self, pos: QPoint) -> None:
        actions = (
            self.add_action,
            self.edit_action,
            self.resend_action,
            self.deactivate_action,
            self.reactivate_action,
            self.explain_action,
        )
        popup_actions(self, self.table, pos, actions)

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.tabs.setTabText(0, self.tr("Users"))
        self.tabs.setTabText(self._rights_groups_tab, self.tr("Rights groups"))
        self.search.setPlaceholderText(self.tr("Search users (name, user name, e-mail)…"))
        self.search.setAccessibleName(self.tr("Search users"))
        for row, (_value, text) in enumerate(FILTERS):
            self.filter_combo.setItemText(row, self.tr(text))
        self.filter_combo.setAccessibleName(self.tr("Show"))
        self.add_action.setText(self.tr("&Add user…"))
        self.edit_action.setText(self.tr("Edit &user…"))
        self.resend_action.setText(self.tr("&Resend activation link"))
        self.deactivate_action.setText(self.tr("&Deactivate"))
        self.reactivate_action.setText(self.tr("Reac&tivate"))
        self.explain_action.setText(self.tr("E&xplain permissions…"))
        self.add_button.setText(self.tr("&Add user…"))
        self.add_button.setToolTip(self.tr("Add a user; they receive an activation e-mail (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit &user…"))
        self.edit_button.setToolTip(self.tr("Correct the name and e-mail address of the selected user (F2, Enter)"))
        self.resend_button.setText(self.tr("&Resend activation link"))
        self.deactivate_button.setText(self.tr("&Deactivate"))
        self.deactivate_button.setToolTip(self.tr("Deactivate the selected users (Del)"))
        self.reactivate_button.setText(self.tr("Reac&tivate"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_actions()


#: the right that edits a user of each kind (the service checks it, and for an external user also
#: full access to their customer's tenant)
_EDIT_RIGHT = {UserKind.INTERNAL: "users.edit", UserKind.EXTERNAL: "customers.manage_external_users"}

#: a button shows for an operator with one of these rights
_PERMISSION_OF = {
    "userAddButton": ("users.edit",),
    "userEditButton": tuple(_EDIT_RIGHT.values()),
    "userResendButton": ("users.send_activation",),
    "userDeactivateButton": ("users.deactivate",),
    "userReactivateButton": ("users.deactivate",),
}
