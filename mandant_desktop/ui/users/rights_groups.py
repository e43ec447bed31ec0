"""The "Rights groups" panel of user administration (SPEC C4, C5, C8).

Left the groups (system groups, custom groups, then customer groups; fetched lazily, searchable),
right the selected group's members and portal permissions. A user holds the union of the
permissions of all their groups (C5), so a custom group with extra rights serves the external
users who need more than their customer's group grants.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DatabaseUnavailableError, DomainError
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.rights_groups import GroupDetails, GroupRow, MemberRow, RightsGroupService
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.customers.access_rights_dialog import PermissionChecklist
from mandant_desktop.ui.errors import report_error, run_action
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import MessageLabel, open_at_least
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.page import PageContext

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1


#: what the right-hand side shows of a group: its details and its members
GroupContent = tuple[GroupDetails, list[MemberRow]]


def _groups(service: RightsGroupService, operator: Operator, search: str, offset: int) -> list[GroupRow]:
    """On a worker: a page of groups and one more, which says whether another page follows."""
    return service.groups(operator, search, offset=offset, limit=PAGE + 1)


class GroupListModel(QAbstractListModel):
    """Rights groups, fetched a page at a time as the view scrolls (canFetchMore/fetchMore).

    Every page is read on a worker (S5): among the 100,000 customers' groups of the large demo the
    first page took 0.1 s and counting them 0.05 s (issue 8). The list shows its rows until the
    new search's first page arrives; it counts nothing, a page of one row more says whether another
    follows. :attr:`loaded` is emitted when a search's first page is shown.
    """

    loaded = Signal()

    def __init__(self, context: PageContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[GroupRow] = []
        self._search = ""
        self._more = False
        #: raised by every search: a page read for the search before is dropped
        self._generation = 0
        self._fetching = False
        self._first: tasks.Latest[list[GroupRow]] = tasks.Latest(self)
        self._next: tasks.Latest[list[GroupRow]] = tasks.Latest(self)

    @property
    def busy(self) -> bool:
        """True while a page is on its way."""
        return self._first.busy or self._next.busy

    def set_search(self, text: str) -> None:
        """Show the first page of the groups ``text`` finds, once a worker has read it."""
        self._search = text
        self._generation += 1
        self._fetching = False
        self._next.cancel()
        generation = self._generation
        self._first.run(
            _groups,
            self._context.app.services.rights_groups,
            self._context.current_operator(),
            text,
            0,
            on_done=lambda rows: self._show_first(generation, rows),
        )

    def _show_first(self, generation: int, rows: list[GroupRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = rows[:PAGE]
        self._more = len(rows) > PAGE
        self.endResetModel()
        self.loaded.emit()

    def row_at(self, row: int) -> GroupRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or not self._more or self._fetching or self._first.busy:
            return
        self._fetching = True
        generation = self._generation
        task = self._next.run(
            _groups,
            self._context.app.services.rights_groups,
            self._context.current_operator(),
            self._search,
            len(self._rows),
            on_done=lambda rows: self._append(generation, rows),
        )
        task.finished.connect(lambda: self._fetch_ended(generation))  # after on_done, also on a failure

    def _fetch_ended(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching = False

    def _append(self, generation: int, rows: list[GroupRow]) -> None:
        if generation != self._generation:
            return
        self._more = len(rows) > PAGE
        rows = rows[:PAGE]
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("%1 · members: %2").replace("%1", row.name).replace("%2", number_text(row.members))
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.is_system:
                kind = self.tr("System group")
            elif row.is_customer_group:
                kind = self.tr("Rights group of customer %1").replace("%1", row.customer_number or "")
            else:
                kind = self.tr("Additional rights group")
            return "\n".join(filter(None, (kind, row.description)))
        if role == Qt.ItemDataRole.FontRole and row.is_system:
            font = QFont()
            font.setBold(True)
            return font
        return None


class MemberListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr("external") if row.external else self.tr("internal")
            state = "" if row.active else self.tr(", deactivated")
            return f"{row.display_name} ({row.username}, {kind}{state})"
        if role == ID_ROLE:
            return row.user_id
        if role == Qt.ItemDataRole.ToolTipRole and row.fixed:
            return self.tr("External user of this customer: always a member of its rights group.")
        return None


class AddMembersDialog(QDialog):
    """Find users by name or user name and pick the ones to add."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addMembersDialog")
        self._context = context
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.model = MemberListModel(self)
        self.view = QListView()
        self.view.setObjectName("memberCandidates")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Add members"))
        self.search.setPlaceholderText(self.tr("Search users by name or user name"))
        open_at_least(self, 77, 30)
        self.load()

    def load(self) -> None:
        self._timer.stop()
        service = self._context.app.services.rights_groups
        rows = run_action(self, service.user_candidates, self._context.current_operator(), self.search.text())
        self.model.set_rows(rows or [])

    def selected_ids(self) -> list[int]:
        return [int(i.data(ID_ROLE)) for i in self.view.selectionModel().selectedRows()]


#: the panel is a tab of the users page, whose layout keys it shares (ui/settings.py)
USERS_PAGE_ID = "users"


class RightsGroupsPanel(QWidget):
    """``load_when_shown``: read the groups only once the panel shows, and a refresh while it is
    hidden waits for the next show. The users page opens on its list tab, and reading the first
    groups (about 150 ms among the 100,000 customers' groups of the large demo, SPEC section 8)
    for a tab nobody looked at held up every opening of the page (issue 8). The groups are read on
    a worker (:class:`GroupListModel`), so opening the tab shows it at once and the list follows."""

    def __init__(self, context: PageContext, parent: QWidget | None = None, *, load_when_shown: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("rightsGroupsPanel")
        self.context = context
        self.details: GroupDetails | None = None
        #: the group selected: shown, or being read
        self._group_id: int | None = None
        #: the selected group's details and members, read on a worker (S5)
        self.group_reader: tasks.Latest[GroupContent | None] = tasks.Latest(self)
        self._load_when_shown = load_when_shown
        #: a refresh came while the panel was hidden (or none has run yet)
        self._stale = True
        self.search = QLineEdit()
        self.search.setObjectName("rightsGroupSearch")
        self.search.setClearButtonEnabled(True)
        self.groups = GroupListModel(context, self)
        self.group_view = QListView()
        self.group_view.setObjectName("rightsGroupList")
        self.group_view.setModel(self.groups)
        self.group_view.setUniformItemSizes(True)
        self.new_group_button = QPushButton()
        self.new_group_button.setObjectName("newRightsGroupButton")
        self.new_group_button.clicked.connect(self.new_group)
        self.delete_group_button = QPushButton()
        self.delete_group_button.setObjectName("deleteRightsGroupButton")
        self.delete_group_button.clicked.connect(self.delete_group)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())

        self.heading = QLabel()
        self.heading.setObjectName("rightsGroupHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.members_label = QLabel()
        self.members = MemberListModel(self)
        self.member_view = QListView()
        self.member_view.setObjectName("rightsGroupMembers")
        self.member_view.setModel(self.members)
        self.member_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_label.setBuddy(self.member_view)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addGroupMembersButton")
        self.add_button.clicked.connect(self.add_members)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeGroupMembersButton")
        self.remove_button.clicked.connect(self.remove_members)
        self.permissions_label = QLabel()
        self.permissions = PermissionChecklist(context.app.services.rights_groups.catalogue())
        self.permissions_label.setBuddy(self.permissions)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveGroupPermissionsButton")
        self.save_button.clicked.connect(self.save_permissions)
        self.message = MessageLabel("rightsGroupMessage")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.group_view, 1)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.new_group_button)
        group_buttons.addWidget(self.delete_group_button)
        left_layout.addLayout(group_buttons)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.add_button)
        member_buttons.addWidget(self.remove_button)
        member_buttons.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.members_label)
        right_layout.addWidget(self.member_view, 1)
        right_layout.addLayout(member_buttons)
        right_layout.addWidget(self.permissions_label)
        right_layout.addWidget(self.permissions, 1)
        right_layout.addLayout(save_row)
        right_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.setObjectName("rightsGroupsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 560])
        remember(context.settings, USERS_PAGE_ID, splitter)  # E4
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.group_view.selectionModel().currentRowChanged.connect(lambda current, _prev: self.show_group(current))
        #: the group to select once the groups are read again (a new group, a changed one)
        self._select_after: int | None = None
        self.groups.loaded.connect(self._groups_loaded)
        self.retranslateUi()
        if not load_when_shown:
            self.refresh()

    def refresh(self, *, select: int | None = None) -> bool:
        """Read the groups again on a worker; then ``select`` (a group id), else the group shown,
        else the first one, is selected."""
        self._timer.stop()
        if select is not None:
            self._select_after = select
        if self._load_when_shown and not self.isVisible():
            self._stale = True
            return True
        self._stale = False
        self.groups.set_search(self.search.text())
        return True

    @property
    def busy(self) -> bool:
        """True while the groups, or the selected group's details and members, are being read on a
        worker (S5)."""
        return self.groups.busy or self.group_reader.busy

    def _groups_loaded(self) -> None:
        wanted = self._select_after if self._select_after is not None else self._group_id
        self._select_after = None
        if wanted is not None and self.select_group(wanted):
            return
        if self.groups.rowCount():
            self.group_view.setCurrentIndex(self.groups.index(0))
        else:
            self.show_group(QModelIndex())

    def select_group(self, group_id: int) -> bool:
        for row in range(self.groups.rowCount()):
            group = self.groups.row_at(row)
            if group is not None and group.id == group_id:
                self.group_view.setCurrentIndex(self.groups.index(row))
                return True
        return False

    def show_group(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Read the group's details and members on a worker (S5): 5-20 ms on SQLite and
        on PostgreSQL with the large demo (RemoteUsers has 1,150 members), which the GUI thread
        waited for at every selection. Until they arrive the group shown before stays, and nothing
        acts on it: its buttons and tick boxes are off."""
        self.message.clear_message()
        group = self.groups.row_at(index.row()) if index.isValid() else None
        self._group_id = group.id if group is not None else None
        self.details = None
        if group is None:
            self.group_reader.cancel()
            self._show_group(None, None, [])
            return
        self._set_editable(None, None)
        service = self.context.app.services.rights_groups
        operator = self.context.current_operator()
        started: list[tasks.Task[GroupContent | None]] = []

        def read() -> GroupContent | None:
            # Arrowing through the list: a group passed by before its worker started is not read.
            if started and started[0].cancelled():
                return None
            details = service.details(operator, group.id)
            if started and started[0].cancelled():
                return None
            return details, service.members(operator, group.id)

        started.append(
            self.group_reader.run(
                read,
                on_done=lambda content: self._group_read(group, content),
                on_error=lambda exc: self._group_failed(group, exc),
            )
        )

    def _group_read(self, group: GroupRow, content: GroupContent | None) -> None:
        if content is None or group.id != self._group_id:
            return  # another group was selected meanwhile
        details, members = content
        self.details = details
        self._show_group(group, details, members)

    def _group_failed(self, group: GroupRow, exc: DomainError) -> None:
        if group.id != self._group_id:
            return
        if not isinstance(exc, DatabaseUnavailableError):  # a lost connection has the banner
            report_error(self, exc)
        self._show_group(group, None, [])
        self.message.show_error(self.tr("The rights group could not be read. F5 tries again."))

    def _show_group(self, group: GroupRow | None, details: GroupDetails | None, members: list[MemberRow]) -> None:
        if group is None:
            self.heading.setText(self.tr("No rights group selected."))
        else:
            self.heading.setText(details.name if details is not None else group.name)
        self.members.set_rows(members)
        self.permissions.set_checked(details.permissions if details is not None else frozenset())
        self._set_editable(group, details)

    def _set_editable(self, group: GroupRow | None, details: GroupDetails | None) -> None:
        editable = details is not None and details.editable
        self.permissions.set_editable(editable)
        for button in (self.add_button, self.remove_button, self.save_button):
            button.setEnabled(editable)
        self.new_group_button.setEnabled(self.context.current_operator().can("customers.manage_rights"))
        # Only additional groups go by hand: system groups stay, customer groups go with remote access.
        self.delete_group_button.setEnabled(
            editable and group is not None and not group.is_system and not group.is_customer_group
        )

    def _reload_current(self) -> None:
        if self.details is not None:
            self.refresh(select=self.details.id)

    def save_permissions(self) -> None:
        if self.details is None:
            return
        service = self.context.app.services.rights_groups
        done = run_action(
            self,
            _call,
            service.set_permissions,
            self.context.current_operator(),
            self.details.id,
            self.permissions.checked(),
            expected_version=self.details.version,
        )
        if done:
            self._reload_current()
            self.message.show_info(self.tr("Permissions saved; every member has them now."))

    def add_members(self) -> None:
        if self.details is None:
            return
        dialog = AddMembersDialog(self.context, self)
        if not dialog_runner.run(dialog) or not dialog.selected_ids():
            return
        service = self.context.app.services.rights_groups
        if (
            run_action(
                self, service.add_members, self.context.current_operator(), self.details.id, dialog.selected_ids()
            )
            is not None
        ):
            self._reload_current()

    def remove_members(self) -> None:
        if self.details is None:
            return
        ids = [int(i.data(ID_ROLE)) for i in self.member_view.selectionModel().selectedRows()]
        if not ids:
            return
        if not interaction.get().confirm(
            self,
            self.tr("Remove members"),
            self.tr(
                "Remove the selected members (%1) from the rights group %2? They lose the group's portal permissions."
            )
            .replace("%1", number_text(len(ids)))
            .replace("%2", self.details.name),
            ok_text=self.tr("Remove"),
            destructive=True,
        ):
            return
        service = self.context.app.services.rights_groups
        if run_action(self, service.remove_members, self.context.current_operator(), self.details.id, ids) is not None:
            self._reload_current()

    def new_group(self) -> None:
        name = interaction.get().ask_text(
            self, self.tr("New rights group"), self.tr("Name of the additional rights group:")
        )
        if not name:
            return
        service = self.context.app.services.rights_groups
        group_id = run_action(self, service.create_group, self.context.current_operator(), name)
        if group_id is not None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh(select=group_id)

    def delete_group(self) -> None:
        if self.details is None:
            return
        if not interaction.get().confirm(
            self,
            self.tr("Delete rights group"),
            self.tr("Delete the rights group %1? Its members lose the permissions it gave them.").replace(
                "%1", self.details.name
            ),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return
        service = self.context.app.services.rights_groups
        if run_action(self, _call, service.delete_group, self.context.current_operator(), self.details.id):
            self.details = None
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._load_when_shown and self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.search.setPlaceholderText(self.tr("Search rights groups"))
        self.new_group_button.setText(self.tr("&New rights group…"))
        self.delete_group_button.setText(self.tr("&Delete group…"))
        self.members_label.setText(self.tr("&Members:"))
        self.add_button.setText(self.tr("&Add…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.permissions_label.setText(
            self.tr("&Portal permissions (a user has the permissions of all their groups together):")
        )
        self.save_button.setText(self.tr("&Save permissions"))
        self.permissions.retranslateUi()


def _call(fn: Any, *args: Any, **kwargs: Any) -> bool:
    fn(*args, **kwargs)
    return True
