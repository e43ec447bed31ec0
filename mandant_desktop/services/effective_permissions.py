"""What a user may do in every org unit, inheritance included (SPEC R3, A5; issue 8's
``permission_check`` and ``effective_permissions``).

Inherited roles are stored rows (``role_assignment.inherited_from_id``, kept by the org-units
service), so the effective permissions of one user are one join of their assignments with the
roles' permissions: no walk up the tree at read time. :class:`PermissionIndex` holds the answer
for repeated checks (a screenful of units, a bulk edit) without another query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import RoleAssignment, RolePermission
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PermissionIndex:
    """One user's permissions by org unit; a unit without any is absent."""

    user_id: int
    by_unit: Mapping[int, frozenset[str]] = field(default_factory=dict)

    def allows(self, unit_id: int, permission: str) -> bool:
        return permission in self.by_unit.get(unit_id, _NONE)

    def in_unit(self, unit_id: int) -> frozenset[str]:
        return self.by_unit.get(unit_id, _NONE)


class EffectivePermissionsService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def of_user(self, operator: Operator, user_id: int) -> PermissionIndex:
        """Every permission ``user_id`` holds, unit by unit, direct or inherited. Two queries: the
        user's (unit, role) pairs through the assignments' unique index, and the permissions of
        the few roles involved; units with the same roles share one set."""
        operator.require("assignments.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            # Core rows on the session's connection: the ORM's result handling would triple the time.
            connection = uow.session.connection()
            roles_by_unit: dict[int, set[int]] = {}
            for unit_id, role_id in connection.execute(
                select(RoleAssignment.org_unit_id, RoleAssignment.role_id).where(RoleAssignment.user_id == user_id)
            ):
                roles_by_unit.setdefault(unit_id, set()).add(role_id)
            held = set().union(*roles_by_unit.values()) if roles_by_unit else set()
            codes: dict[int, set[str]] = {}
            for role_id, code in connection.execute(
                select(RolePermission.role_id, RolePermission.permission_code).where(
                    RolePermission.role_id.in_(sorted(held))
                )
            ):
                codes.setdefault(role_id, set()).add(code)
        by_roles: dict[frozenset[int], frozenset[str]] = {}
        by_unit: dict[int, frozenset[str]] = {}
        for unit_id, roles in roles_by_unit.items():
            key = frozenset(roles)
            permissions = by_roles.get(key)
            if permissions is None:
                permissions = by_roles[key] = frozenset().union(*(codes.get(r, ()) for r in key))
            if permissions:
                by_unit[unit_id] = permissions
        return PermissionIndex(user_id, by_unit)
