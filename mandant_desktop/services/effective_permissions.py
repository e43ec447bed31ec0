"""What a user may do in every org unit, inheritance included (SPEC R3, A5; issue 8's
``permission_check`` and ``effective_permissions``).

Inherited roles are stored rows (``role_assignment.inherited_from_id``, kept by the org-units
service), so the effective permissions of one user need no walk up the tree at read time. One
statement grouped by role reads, for each role the user holds, the units they hold it in and the
codes it grants, each list as one aggregated value (``db.aggregates``): a user holding one role in
5,000 units is one row, not 5,000 (the rows' conversion in the driver was most of the time).
:class:`PermissionIndex` answers from those sets, for repeated checks (a screenful of units, a bulk
edit) without another query.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.aggregates import read_list, value_list
from mandant_desktop.db.models import RoleAssignment, RolePermission
from mandant_desktop.domain.effective_permissions import PermissionIndex
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork

__all__ = ["EffectivePermissionsService", "PermissionIndex"]

_OF_ROLE = RolePermission.role_id == RoleAssignment.role_id
#: per role the user holds: the number of units, the units, the number of codes, the codes
_BY_ROLE = (
    select(
        RoleAssignment.role_id,
        func.count(),
        value_list(RoleAssignment.org_unit_id),
        select(func.count()).where(_OF_ROLE).scalar_subquery(),
        select(value_list(RolePermission.permission_code)).where(_OF_ROLE).scalar_subquery(),
    )
    .where(RoleAssignment.user_id == bindparam("user_id"))
    .group_by(RoleAssignment.role_id)
)


class EffectivePermissionsService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def of_user(self, operator: Operator, user_id: int) -> PermissionIndex:
        """Every permission ``user_id`` holds, unit by unit, direct or inherited: one statement."""
        operator.require("assignments.view")
        # a Core unit of work: no session to set up for one statement (issue 8)
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            connection = uow.connection
            dialect = connection.dialect.name
            units_of_role: dict[int, frozenset[int]] = {}
            codes_of_role: dict[int, frozenset[str]] = {}
            cut: list[int] = []
            for role, unit_count, units, code_count, codes in connection.execute(_BY_ROLE, {"user_id": user_id}).all():
                unit_list = read_list(units, unit_count, dialect, int)
                code_list = read_list(codes, code_count, dialect)
                if unit_list is None or code_list is None:
                    cut.append(role)
                    continue
                units_of_role[role] = frozenset(unit_list)
                codes_of_role[role] = frozenset(code_list)
            if cut:
                _read_in_rows(connection, user_id, cut, units_of_role, codes_of_role)
        return PermissionIndex(user_id, units_of_role, codes_of_role)


def _read_in_rows(
    connection: Connection,
    user_id: int,
    roles: list[int],
    units_of_role: dict[int, frozenset[int]],
    codes_of_role: dict[int, frozenset[str]],
) -> None:
    """The roles whose aggregated lists the server cut short (MariaDB's ``group_concat_max_len``),
    read row by row."""
    units: dict[int, set[int]] = {role: set() for role in roles}
    codes: dict[int, set[str]] = {role: set() for role in roles}
    rows: Any = connection.execute(
        select(RoleAssignment.role_id, RoleAssignment.org_unit_id).where(
            RoleAssignment.user_id == user_id, RoleAssignment.role_id.in_(roles)
        )
    )
    for role, unit in rows:
        units[role].add(unit)
    for role, code in connection.execute(
        select(RolePermission.role_id, RolePermission.permission_code).where(RolePermission.role_id.in_(roles))
    ):
        codes[role].add(code)
    for role in roles:
        units_of_role[role] = frozenset(units[role])
        codes_of_role[role] = frozenset(codes[role])
