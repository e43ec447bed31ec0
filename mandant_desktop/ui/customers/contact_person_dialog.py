"""The dialog "Assign contact person" (SPEC C7).

Left the members of CustomerSalesRepresentatives, right the assigned ones. With several customers
selected, a contact person assigned to all of them is in normal font, one assigned to some in
italics with a tooltip naming which. Adding an italic one assigns them to all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.contact_persons import AssignmentState, Representative
from mandant_desktop.ui.customers.common import Actor, CustomerDialog
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import open_at_least

USER_ROLE = Qt.ItemDataRole.UserRole + 1


class AssignContactPersonDialog(CustomerDialog):
    def __init__(
        self, actor: Actor, customer_ids: list[int], state: AssignmentState, parent: QWidget | None = None
    ) -> None:
        super().__init__(actor, "assignContactPersonDialog", parent)
        self.customer_ids = customer_ids
        self.state = state
        #: user id → customer numbers, for the ones assigned to only some customers (italics)
        self._partial: dict[int, tuple[str, ...]] = {
            a.representative.user_id: a.customer_numbers for a in state.assigned if not a.to_all
        }
        self._initial_full = {a.representative.user_id for a in state.assigned if a.to_all}
        self._reps: dict[int, Representative] = {r.user_id: r for r in state.candidates}
        self._reps.update({a.representative.user_id: a.representative for a in state.assigned})
        self.candidates = QListWidget()
        self.candidates.setObjectName("contactPersonCandidates")
        self.assigned = QListWidget()
        self.assigned.setObjectName("contactPersonAssigned")
        for view in (self.candidates, self.assigned):
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton()
        self.add_button.setObjectName("contactPersonAddButton")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("contactPersonRemoveButton")
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.candidates.itemDoubleClicked.connect(lambda _item: self.add_selected())
        self.assigned.itemDoubleClicked.connect(lambda _item: self.remove_selected())
        self.left_label, self.right_label = QLabel(), QLabel()
        self.left_label.setBuddy(self.candidates)
        self.right_label.setBuddy(self.assigned)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.keep_note = QLabel()
        self.keep_note.setObjectName("contactPersonKeepNote")
        self.keep_note.setWordWrap(True)
        self.remove_memberships_check = QCheckBox()
        self.remove_memberships_check.setObjectName("removeMembershipsCheck")
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.left_label, 0, 0)
        grid.addWidget(self.right_label, 0, 2)
        grid.addWidget(self.candidates, 1, 0)
        grid.addLayout(buttons, 1, 1)
        grid.addWidget(self.assigned, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.keep_note)
        layout.addWidget(self.remove_memberships_check)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._assigned_ids: set[int] = set(self._initial_full) | set(self._partial)
        self._fill()
        self.retranslateUi()
        open_at_least(self, 107, 30)

    # ------------------------------------------------------------------ lists

    def _item(self, user_id: int) -> QListWidgetItem:
        rep = self._reps[user_id]
        item = QListWidgetItem(rep.display_name)
        item.setData(USER_ROLE, user_id)
        item.setToolTip(rep.username)
        return item

    def _fill(self) -> None:
        self.candidates.clear()
        self.assigned.clear()
        for rep in self.state.candidates:
            if rep.user_id not in self._assigned_ids or rep.user_id in self._partial:
                self.candidates.addItem(self._item(rep.user_id))
        for user_id in sorted(self._assigned_ids, key=lambda u: self._reps[u].display_name.casefold()):
            item = self._item(user_id)
            if user_id in self._partial:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(
                    self.tr("Contact person of only some of the selected customers: %1").replace(
                        "%1", ", ".join(self._partial[user_id])
                    )
                )
            self.assigned.addItem(item)
        self._update_keep_note()

    def add_selected(self) -> None:
        for item in self.candidates.selectedItems():
            user_id = int(item.data(USER_ROLE))
            self._assigned_ids.add(user_id)
            self._partial.pop(user_id, None)
        self._fill()

    def remove_selected(self) -> None:
        for item in self.assigned.selectedItems():
            user_id = int(item.data(USER_ROLE))
            self._assigned_ids.discard(user_id)
            self._partial.pop(user_id, None)
        self._fill()

    def is_italic(self, user_id: int) -> bool:
        return user_id in self._partial

    def changes(self) -> tuple[set[int], set[int]]:
        """(to assign to every selected customer, to unassign from every selected customer)."""
        before = self._initial_full | {a.representative.user_id for a in self.state.assigned}
        full_now = self._assigned_ids - set(self._partial)
        add = full_now - self._initial_full
        remove = before - self._assigned_ids
        return add, remove

    def _update_keep_note(self) -> None:
        removing = bool(self.changes()[1])
        self.keep_note.setVisible(removing)
        self.remove_memberships_check.setVisible(removing)

    def save(self) -> None:
        add, remove = self.changes()
        if not add and not remove:
            self.accept()
            return
        ok, _ = self.attempt(
            self.actor.services.contact_persons.apply,
            self.actor.operator,
            self.customer_ids,
            add=sorted(add),
            remove=sorted(remove),
            remove_memberships_too=self.remove_memberships_check.isChecked(),
        )
        if ok:
            self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Assign contact person"))
        self.left_label.setText(self.tr("&Members of CustomerSalesRepresentatives:"))
        self.right_label.setText(self.tr("A&ssigned contact persons:"))
        self.add_button.setText(self.tr("&Add →"))
        self.remove_button.setText(self.tr("← &Remove"))
        count = len(self.customer_ids)
        self.legend.setText(
            self.tr(
                "%1 customers selected. Normal font: contact person of all of them; italics: of only some."
            ).replace("%1", number_text(count))
            if count > 1
            else self.tr(
                "A contact person becomes a member of the customer's rights group, RemoteAdministrators and "
                "RemoteUsers."
            )
        )
        self.keep_note.setText(
            self.tr(
                "Removed contact persons stay members of the customer's rights group, RemoteAdministrators and "
                "RemoteUsers."
            )
        )
        self.remove_memberships_check.setText(self.tr("Remove these &memberships too"))
        self._fill()
