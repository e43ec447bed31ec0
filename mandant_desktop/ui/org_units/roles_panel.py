"""The chosen user's roles in the selected unit, beside the tree (SPEC A4-A8).

Direct roles are chips with "−"; inherited roles are chips without it, marked with their source,
and "Edit roles" breaks the inheritance (A7). "Add access…" and the "Inherit roles to child units"
box act on the unit. The panel only shows and signals; the page asks the service.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.assignments import Chip
from mandant_desktop.services.org_units import UnitRoles


class RoleChip(QFrame):
    """One role: its name, and "−" when it is a direct role that may be removed."""

    def __init__(self, chip: Chip, removable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chip = chip
        self.label = QLabel(chip.role_name)
        if chip.inherited:
            font = QFont(self.label.font())
            font.setItalic(True)
            self.label.setFont(font)
            self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("roleChipRemove")
        self.remove_button.setText(self.tr("−"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setVisible(removable)
        self.remove_button.setAccessibleName(self.tr("Remove %1").replace("%1", chip.role_name))
        self.remove_button.setToolTip(self.tr("Remove %1").replace("%1", chip.role_name))
        layout.addWidget(self.remove_button)


class UnitRolesPanel(QWidget):
    add_access_clicked = Signal()
    remove_clicked = Signal(object)  # the Chip
    #: the user clicked the box; True: they want to tick it (the page asks first)
    inherit_clicked = Signal(bool)
    edit_roles_clicked = Signal()
    explain_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitRolesPanel")
        self.title = QLabel()
        self.title.setObjectName("unitRolesTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.path = QLabel()
        self.path.setObjectName("unitRolesPath")
        self.path.setWordWrap(True)
        self.path.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note = QLabel()
        self.note.setObjectName("unitRolesNote")
        self.note.setWordWrap(True)
        self.chips_box = QWidget()
        self.chips_layout = QVBoxLayout(self.chips_box)
        self.chips_layout.setContentsMargins(0, 0, 0, 0)
        self.chips_layout.setSpacing(4)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAccessButton")
        self.add_button.clicked.connect(self.add_access_clicked)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRolesButton")
        self.edit_button.clicked.connect(self.edit_roles_clicked)
        self.inherit_box = QCheckBox()
        self.inherit_box.setObjectName("inheritCheckBox")
        self.inherit_box.clicked.connect(self._inherit_clicked)
        self.explain_button = QPushButton()
        self.explain_button.setObjectName("explainButton")
        self.explain_button.clicked.connect(self.explain_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addSpacing(6)
        layout.addWidget(self.note)
        layout.addWidget(self.chips_box)
        layout.addLayout(buttons)
        layout.addWidget(self.inherit_box)
        layout.addStretch(1)
        layout.addWidget(self.explain_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.chips: list[RoleChip] = []
        self._roles: UnitRoles | None = None
        self.retranslateUi()
        self.show_state(None, "", "", None, can_assign=False)

    def _inherit_clicked(self, checked: bool) -> None:
        # The box shows the stored state until the change is done (or refused, or cancelled).
        self.inherit_box.setChecked(not checked)
        self.inherit_clicked.emit(checked)

    def show_state(
        self, user_name: str | None, unit_name: str, unit_path: str, roles: UnitRoles | None, *, can_assign: bool
    ) -> None:
        """Show ``user_name``'s ``roles`` in the unit (None while loading or with no unit/user)."""
        self._roles = roles
        self.title.setText(unit_name or self.tr("No org unit selected"))
        self.path.setText(unit_path)
        for old in self.chips:
            old.deleteLater()
        self.chips = []
        has_unit = bool(unit_name)
        inherited = roles is not None and roles.inherited_from is not None
        direct = roles is not None and not inherited and bool(roles.roles)
        if user_name is None or not has_unit:
            self.note.setText(
                self.tr("Choose a user above to see and change their roles in the org units.")
                if has_unit
                else self.tr("Select an org unit in the tree.")
            )
        elif roles is None:
            self.note.setText(self.tr("Loading…"))
        elif not roles.roles:
            self.note.setText(self.tr("%1 has no role here, so no access to this unit.").replace("%1", user_name))
        elif inherited:
            self.note.setText(
                self.tr("Roles of %1 here, inherited from %2. To change them, break the inheritance with “Edit roles”.")
                .replace("%1", user_name)
                .replace("%2", roles.inherited_from_name or "")
            )
        else:
            self.note.setText(self.tr("Roles of %1 here, assigned directly:").replace("%1", user_name))
        if roles is not None and user_name is not None:
            for chip in roles.roles:
                widget = RoleChip(chip, removable=can_assign and not chip.inherited)
                widget.remove_button.clicked.connect(lambda _c=False, ch=chip: self.remove_clicked.emit(ch))
                self.chips_layout.addWidget(widget)
                self.chips.append(widget)
        ready = user_name is not None and roles is not None and has_unit
        self.add_button.setEnabled(ready and can_assign and not inherited)
        self.add_button.setToolTip(
            self.tr("The roles here are inherited; break the inheritance with “Edit roles” first.") if inherited else ""
        )
        self.edit_button.setVisible(inherited)
        self.edit_button.setEnabled(ready and can_assign and inherited)
        self.inherit_box.setChecked(roles is not None and roles.inherit_ticked)
        self.inherit_box.setEnabled(ready and can_assign and (direct or (roles is not None and roles.inherit_ticked)))
        self.inherit_box.setToolTip(
            ""
            if direct or not ready
            else self.tr("Only a unit where the user holds direct roles passes them on to its child units.")
        )
        self.explain_button.setEnabled(user_name is not None and has_unit)

    def retranslateUi(self) -> None:
        self.add_button.setText(self.tr("&Add access…"))
        self.add_button.setToolTip(self.tr("Assign one or more roles to the user in this unit"))
        self.edit_button.setText(self.tr("&Edit roles"))
        self.edit_button.setToolTip(self.tr("Break the inheritance here: the roles become direct roles of this unit"))
        self.inherit_box.setText(self.tr("&Inherit roles to child units"))
        self.explain_button.setText(self.tr("E&xplain permissions…"))
