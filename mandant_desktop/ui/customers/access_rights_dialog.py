"""The dialog "Access rights": the portal permissions of a customer's rights group (SPEC C8)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mandant_desktop.services.rights_groups import GroupDetails
from mandant_desktop.ui.customers.common import Actor, CustomerDialog
from mandant_desktop.ui.forms import open_at_least
from mandant_desktop.ui.permission_names import (
    PORTAL_PERMISSION_TEXTS,
    portal_permission_description,
    portal_permission_name,
)

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class PermissionChecklist(QListWidget):
    """The portal permission catalogue as a list of check boxes (items, not widgets)."""

    def __init__(self, codes: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalPermissionList")
        # In the order of the work on a job (view, create, upload, …), not the catalogue's order of addition.
        order = {code: index for index, code in enumerate(PORTAL_PERMISSION_TEXTS)}
        for code in sorted(codes, key=lambda c: order.get(c, len(order))):
            item = QListWidgetItem()
            item.setData(CODE_ROLE, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            code = str(item.data(CODE_ROLE))
            item.setText(portal_permission_name(code))
            item.setToolTip(portal_permission_description(code))

    def set_checked(self, codes: frozenset[str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            state = Qt.CheckState.Checked if item.data(CODE_ROLE) in codes else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def checked(self) -> frozenset[str]:
        return frozenset(
            str(self.item(row).data(CODE_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def item_for(self, code: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(CODE_ROLE) == code:
                return self.item(row)
        return None

    def set_editable(self, editable: bool) -> None:
        for row in range(self.count()):
            item = self.item(row)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if editable else flags)


class AccessRightsDialog(CustomerDialog):
    def __init__(self, actor: Actor, group: GroupDetails, customer_label: str, parent: QWidget | None = None) -> None:
        super().__init__(actor, "accessRightsDialog", parent)
        self.group = group
        self._customer_label = customer_label
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("accessRightsNote")
        self.note.setWordWrap(True)
        self.permissions = PermissionChecklist(actor.services.rights_groups.catalogue())
        self.permissions.set_checked(group.permissions)
        self.permissions.set_editable(group.editable)
        self.ok_button.setEnabled(group.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.permissions, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        open_at_least(self, 80, 31)

    def save(self) -> None:
        ok, _ = self.attempt(
            self.actor.services.rights_groups.set_permissions,
            self.actor.operator,
            self.group.id,
            self.permissions.checked(),
            expected_version=self.group.version,
        )
        if ok:
            self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Access rights"))
        self.heading.setText(
            self.tr("Portal permissions of the rights group %1 (customer %2):")
            .replace("%1", self.group.name)
            .replace("%2", self._customer_label)
        )
        self.note.setText(
            self.tr(
                "Every external user of the customer is a member of this rights group and so receives these "
                "permissions. To give only some users more rights, put them into an additional rights group."
            )
        )
        self.permissions.retranslateUi()
