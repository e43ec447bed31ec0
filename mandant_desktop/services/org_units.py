"""The org-unit tree and one user's roles in it: inheritance, breaking the chain, explain (SPEC A4-A10, R3).

Representation (see :mod:`mandant_desktop.domain.inheritance` for the rules):

* ``role_assignment`` rows are materialised: a direct row has ``inherited_from_id`` NULL, an
  inherited row names the source unit it came from;
* ``inheritance_source`` (user, unit) is the ticked "Inherit roles to child units" box;
* ``inheritance_break`` (user, unit) is a unit where "Edit roles" broke the chain (A7): nothing
  from above reaches it or its subtree through it.

Every change edits sources, breaks or direct rows and then brings the materialised inherited rows
of the affected subtree in line with the rules. That takes a constant number of statements,
whatever the size of the subtree: the subtree and its ancestors are read with one recursive CTE
over ``org_unit.parent_id``, the user's rows there with one query, the rule is applied in memory
and the differences are written with one executemany DELETE and one executemany INSERT (plus the
audit entries, also one executemany).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import utcnow
from mandant_desktop.services.assignments import AssignmentRow, Chip, GridUser, Key, RoleChoice
from mandant_desktop.services.operator import Operator

InheritMode = Literal["replace", "keep"]
DeleteMode = Literal["delete", "lift"]


@dataclass(frozen=True, slots=True)
class UnitNode:
    id: int
    parent_id: int | None
    name: str
    depth: int
    #: direct children, for the lazy tree's hasChildren / rowCount
    child_count: int
    version: int = 1


@dataclass(frozen=True, slots=True)
class UnitRoles:
    """One user's roles in one unit (A4, A6: all inherited or all direct)."""

    unit_id: int
    roles: tuple[Chip, ...]
    #: the source unit when the roles are inherited, else None
    inherited_from: int | None
    inherited_from_name: str | None
    #: this unit is an inheritance source of the user (box ticked)
    inherit_ticked: bool
    #: inheritance from above is broken here (A7 "Edit roles")
    chain_broken: bool


@dataclass(frozen=True, slots=True)
class InheritImpact:
    """Preview for the dialogs; counts only, nothing changed."""

    units: int
    roles_added: int
    roles_removed: int


@dataclass(frozen=True, slots=True)
class DeleteImpact:
    children: int
    descendants: int
    assignments: int


@dataclass(frozen=True, slots=True)
class PermissionReason:
    """Why a user holds (or lacks) one permission in one unit (A10)."""

    permission: str
    granted: bool
    role_id: int | None = None
    role_name: str | None = None
    inherited_from: int | None = None
    inherited_from_name: str | None = None
    assigned_by: str | None = None
    assigned_at: dt.datetime | None = None
    #: for granted=False: English source text, already formatted with unit names
    why_not: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    user_id: int
    unit_id: int
    unit_path: str
    #: one per admin permission, granted ones first
    reasons: tuple[PermissionReason, ...]
    #: R3: holds a role in at least one unit
    can_log_in: bool


#: (user_id, org_unit_id) of an inheritance source or a chain break
Mark = tuple[int, int]


@dataclass(frozen=True, slots=True)
class MarkRow:
    """A source or break row as it was, so that it can be put back exactly."""

    user_id: int
    org_unit_id: int
    created_at: dt.datetime
    created_by: str | None

    @property
    def key(self) -> Mark:
        return (self.user_id, self.org_unit_id)


@dataclass(frozen=True, slots=True)
class OrgChange:
    """What one operation did; compatible with :class:`services.assignments.ChangeSet` (``added``,
    ``removed``, ``size``) and also covering inheritance sources and chain breaks, so that
    :meth:`OrgUnitsService.revert` undoes it exactly."""

    added: tuple[Key, ...] = ()
    removed: tuple[AssignmentRow, ...] = ()
    sources_added: tuple[Mark, ...] = ()
    sources_removed: tuple[MarkRow, ...] = ()
    breaks_added: tuple[Mark, ...] = ()
    breaks_removed: tuple[MarkRow, ...] = ()
    #: (unit, parent before, parent after) of a move
    moved: tuple[int, int | None, int | None] | None = None

    @property
    def size(self) -> int:
        return (
            len(self.added)
            + len(self.removed)
            + len(self.sources_added)
            + len(self.sources_removed)
            + len(self.breaks_added)
            + len(self.breaks_removed)
            + (1 if self.moved else 0)
        )


class OrgUnitsService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock

    # ------------------------------------------------------------------ the tree

    def roots(self, operator: Operator) -> list[UnitNode]:
        operator.require("org_units.view")
        raise NotImplementedError

    def children(self, operator: Operator, parent_id: int) -> list[UnitNode]:
        operator.require("org_units.view")
        raise NotImplementedError

    def search(self, operator: Operator, text: str, limit: int = 200) -> list[tuple[int, ...]]:
        operator.require("org_units.view")
        raise NotImplementedError

    def path(self, operator: Operator, unit_id: int) -> tuple[int, ...]:
        operator.require("org_units.view")
        raise NotImplementedError

    def get(self, operator: Operator, unit_id: int) -> UnitNode:
        operator.require("org_units.view")
        raise NotImplementedError

    def add(self, operator: Operator, parent_id: int | None, name: str) -> UnitNode:
        operator.require("org_units.edit")
        raise NotImplementedError

    def rename(self, operator: Operator, unit_id: int, name: str, *, version: int | None = None) -> UnitNode:
        operator.require("org_units.edit")
        raise NotImplementedError

    def move(self, operator: Operator, unit_id: int, new_parent_id: int | None) -> OrgChange:
        operator.require("org_units.edit")
        raise NotImplementedError

    def delete_impact(self, operator: Operator, unit_id: int) -> DeleteImpact:
        operator.require("org_units.delete")
        raise NotImplementedError

    def delete(self, operator: Operator, unit_id: int, *, children: DeleteMode) -> None:
        operator.require("org_units.delete")
        raise NotImplementedError

    # ------------------------------------------------------------------ a user's roles in the tree

    def users(self, operator: Operator, text: str, limit: int = 50) -> list[GridUser]:
        operator.require("assignments.view")
        raise NotImplementedError

    def roles_of(self, operator: Operator, user_id: int, unit_ids: Collection[int]) -> dict[int, UnitRoles]:
        operator.require("assignments.view")
        raise NotImplementedError

    def role_choices(self, operator: Operator) -> list[RoleChoice]:
        operator.require("assignments.view")
        raise NotImplementedError

    def add_roles(self, operator: Operator, user_id: int, unit_id: int, role_ids: Collection[int]) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError

    def remove_role(self, operator: Operator, user_id: int, unit_id: int, role_id: int) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError

    def inherit_impact(self, operator: Operator, user_id: int, unit_id: int, mode: InheritMode) -> InheritImpact:
        operator.require("assignments.assign")
        raise NotImplementedError

    def set_inherit(self, operator: Operator, user_id: int, unit_id: int, mode: InheritMode) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError

    def clear_inherit_impact(self, operator: Operator, user_id: int, unit_id: int) -> InheritImpact:
        operator.require("assignments.assign")
        raise NotImplementedError

    def clear_inherit(self, operator: Operator, user_id: int, unit_id: int) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError

    def break_impact(self, operator: Operator, user_id: int, unit_id: int) -> InheritImpact:
        operator.require("assignments.assign")
        raise NotImplementedError

    def break_inheritance(self, operator: Operator, user_id: int, unit_id: int) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError

    def explain(self, operator: Operator, user_id: int, unit_id: int) -> Explanation:
        operator.require("assignments.view")
        raise NotImplementedError

    def revert(self, operator: Operator, change: OrgChange) -> OrgChange:
        operator.require("assignments.assign")
        raise NotImplementedError
