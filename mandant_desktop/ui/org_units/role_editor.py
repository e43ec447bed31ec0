"""Changing the chosen user's roles in the selected unit (SPEC A4-A8): "Add access…", "−",
"Inherit roles to child units" (replace / keep, and unticking), "Edit roles".

Each step asks first where something is taken away and shows the impact the service counts; the
counts and the change run on workers as the page's steps (S5), and the page puts the done change on
the undo stack (E7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mandant_desktop.services.assignments import Chip, GridUser
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.org_units import InheritImpact, UnitNode
from mandant_desktop.ui import interaction
from mandant_desktop.ui.assignments.page import ask_role_removal
from mandant_desktop.ui.org_units.dialogs import InheritDialog, RolePickerDialog, open_dialog

if TYPE_CHECKING:
    from mandant_desktop.ui.org_units.page import OrgUnitsPage


class RoleEditor(QObject):
    def __init__(self, page: OrgUnitsPage) -> None:
        super().__init__(page)
        self._page = page
        self._service = page.context.app.services.org_units
        self._assignments = page.context.app.services.assignments

    def add_access(self) -> None:
        chosen = self._page.chosen()
        if chosen is None:
            return
        user, unit = chosen
        roles = self._page.model.roles(unit.id)
        held = {chip.role_id for chip in roles.roles} if roles is not None else set()
        dialog = RolePickerDialog(
            self.tr("Add access for %1 in %2").replace("%1", user.display_name).replace("%2", unit.name),
            self._page.role_choices,
            held,
            self._page,
        )

        def add() -> None:
            role_ids = dialog.chosen()
            names = ", ".join(r.name for r in self._page.role_choices if r.id in role_ids)
            self._page.change(
                self._service.add_roles,
                user.id,
                unit.id,
                role_ids,
                text=self.tr("Add %1 for %2 in %3")
                .replace("%1", names)
                .replace("%2", user.display_name)
                .replace("%3", unit.name),
            )

        dialog.accepted.connect(add)
        open_dialog(dialog)

    def remove_role(self, chip: Chip) -> None:
        chosen = self._page.chosen()
        if chosen is None or chip.inherited:
            return
        user, unit = chosen

        def remove(last: bool) -> None:
            if ask_role_removal(self._page, user, unit.name, chip, last=last):
                self._page.change(
                    self._service.remove_role,
                    user.id,
                    unit.id,
                    chip.role_id,
                    text=self.tr("Remove %1 for %2 in %3")
                    .replace("%1", chip.role_name)
                    .replace("%2", user.display_name)
                    .replace("%3", unit.name),
                )

        self._page.ask(self._assignments.leaves_without_role, user.id, unit.id, chip.role_id, then=remove)

    def inherit_clicked(self, tick: bool) -> None:
        chosen = self._page.chosen()
        if chosen is None:
            return
        user, unit = chosen
        if not tick:
            self._page.ask(
                self._service.clear_inherit_impact,
                user.id,
                unit.id,
                then=lambda impact: self._clear_inherit(user, unit, impact),
            )
            return
        service = self._service

        def both(operator: Operator) -> tuple[InheritImpact, InheritImpact]:
            return (
                service.inherit_impact(operator, user.id, unit.id, "replace"),
                service.inherit_impact(operator, user.id, unit.id, "keep"),
            )

        self._page.ask(both, then=lambda impacts: self._ask_inherit(user, unit, *impacts))

    def _ask_inherit(self, user: GridUser, unit: UnitNode, replace: InheritImpact, keep: InheritImpact) -> None:
        roles = self._page.model.roles(unit.id)
        names = ", ".join(chip.role_name for chip in roles.roles) if roles is not None else ""
        dialog = InheritDialog(unit.name, names, replace, keep, self._page)
        dialog.accepted.connect(
            lambda: self._page.change(
                self._service.set_inherit,
                user.id,
                unit.id,
                dialog.mode(),
                text=self.tr("Inherit the roles of %1 from %2 (%3)")
                .replace("%1", user.display_name)
                .replace("%2", unit.name)
                .replace("%3", self.tr("replace") if dialog.mode() == "replace" else self.tr("keep")),
                long=True,
            )
        )
        open_dialog(dialog)

    def _clear_inherit(self, user: GridUser, unit: UnitNode, impact: InheritImpact) -> None:
        question = (
            self.tr(
                "Stop passing the roles of %1 in %2 to its child units? The inherited roles are removed from %3 "
                "(%Ln role assignment(s)); %2 keeps its own roles.",
                None,
                impact.roles_removed,
            )
            .replace("%1", user.display_name)
            .replace("%2", unit.name)
            .replace("%3", self.tr("%Ln unit(s)", None, impact.units))
        )
        if interaction.get().confirm(
            self._page,
            self.tr("Inherit roles to child units"),
            question,
            ok_text=self.tr("Stop inheriting"),
            destructive=True,
        ):
            self._page.change(
                self._service.clear_inherit,
                user.id,
                unit.id,
                text=self.tr("Stop inheriting from %1").replace("%1", unit.name),
                long=True,
            )

    def edit_roles(self) -> None:
        """A7: break the inheritance here, so that the roles become direct and may be changed."""
        chosen = self._page.chosen()
        if chosen is None:
            return
        user, unit = chosen
        self._page.ask(
            self._service.break_impact, user.id, unit.id, then=lambda impact: self._ask_break(user, unit, impact)
        )

    def _ask_break(self, user: GridUser, unit: UnitNode, impact: InheritImpact) -> None:
        roles = self._page.model.roles(unit.id)
        source = roles.inherited_from_name if roles is not None and roles.inherited_from_name else ""
        question = (
            self.tr(
                "Editing the roles breaks the inheritance from %1 here: %2 keeps its roles in %3, now as direct "
                "roles, and the units below %3 stop inheriting through it."
            )
            .replace("%1", source)
            .replace("%2", user.display_name)
            .replace("%3", unit.name)
            + "\n\n"
            + self.tr(
                "Affected: %1 below, which lose %Ln inherited role assignment(s).", None, impact.roles_removed
            ).replace("%1", self.tr("%Ln unit(s)", None, impact.units))
        )
        if interaction.get().confirm(self._page, self.tr("Edit roles"), question, ok_text=self.tr("Break inheritance")):
            self._page.change(
                self._service.break_inheritance,
                user.id,
                unit.id,
                text=self.tr("Break the inheritance in %1").replace("%1", unit.name),
                long=True,
            )
