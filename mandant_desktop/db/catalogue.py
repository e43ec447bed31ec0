"""Keeps the permission catalogue, the predefined roles and the system rights groups in the database.

The catalogue is code (:mod:`mandant_desktop.domain.permissions`); the database holds a copy so that
foreign keys protect role and rights-group permissions. :func:`sync_catalogue` runs after every
schema upgrade and at every start, so it first reads and only writes what differs.

Predefined roles are created once and then belong to the users (SPEC R2): a later sync never renames
them or changes their permissions; "restore defaults" does that on request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, delete, insert, select, update

from mandant_desktop.db import tables
from mandant_desktop.db.tables import PermissionScope, RightsGroupKind, utcnow
from mandant_desktop.domain.errors import NotFoundError
from mandant_desktop.domain.permissions import (
    ALL_PERMISSIONS,
    PREDEFINED_BY_KEY,
    PREDEFINED_ROLES,
    SYSTEM_RIGHTS_GROUPS,
    PredefinedRole,
)
from mandant_desktop.domain.validation import name_key

log = logging.getLogger(__name__)

_SYSTEM = "system"


_permission = tables.permission
_role = tables.role
_role_permission = tables.role_permission
_group = tables.rights_group
# tables.rights_group_permission is looked up where used: a start that syncs nothing never defines it


@dataclass
class CatalogueChanges:
    """What a sync did; empty lists mean the database already matched the code."""

    permissions_added: list[str] = field(default_factory=list)
    permissions_removed: list[str] = field(default_factory=list)
    permissions_updated: list[str] = field(default_factory=list)
    roles_created: list[str] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.permissions_added,
                self.permissions_removed,
                self.permissions_updated,
                self.roles_created,
                self.groups_created,
            )
        )


class RestoredRole(NamedTuple):
    """Result of :func:`restore_predefined_role_permissions`, for the caller's audit entry (a named
    tuple: a frozen dataclass's generated methods would be compiled on every start, issue 8)."""

    role_id: int
    before: frozenset[str]
    after: frozenset[str]


def _wanted_permissions() -> dict[str, dict[str, object]]:
    return {
        p.code: {
            "code": p.code,
            "scope": PermissionScope.PORTAL if p.portal else PermissionScope.ADMIN,
            "area": p.area.value,
            "sort_order": index,
        }
        for index, p in enumerate(ALL_PERMISSIONS)
    }


def plan_catalogue(connection: Connection) -> CatalogueChanges:
    """What :func:`sync_catalogue` would change, without writing anything."""
    wanted = _wanted_permissions()
    existing = {
        row.code: row
        for row in connection.execute(
            select(_permission.c.code, _permission.c.scope, _permission.c.area, _permission.c.sort_order)
        )
    }
    plan = CatalogueChanges()
    plan.permissions_added = [code for code in wanted if code not in existing]
    plan.permissions_removed = sorted(code for code in existing if code not in wanted)
    for code, row in existing.items():
        spec = wanted.get(code)
        if spec is not None and (row.scope, row.area, row.sort_order) != (
            spec["scope"],
            spec["area"],
            spec["sort_order"],
        ):
            plan.permissions_updated.append(code)
    present_roles = set(
        connection.execute(select(_role.c.predefined_key).where(_role.c.predefined_key.is_not(None))).scalars()
    )
    plan.roles_created = [r.key for r in PREDEFINED_ROLES if r.key not in present_roles]
    # Only the system groups' keys (unique index): a large database holds a group per customer, and
    # reading them all made every start pay for the number of customers.
    system_keys = [name_key(name) for name, _ in SYSTEM_RIGHTS_GROUPS]
    present_groups = set(
        connection.execute(select(_group.c.name_key).where(_group.c.name_key.in_(system_keys))).scalars()
    )
    plan.groups_created = [name for name, _ in SYSTEM_RIGHTS_GROUPS if name_key(name) not in present_groups]
    return plan


def sync_catalogue(connection: Connection) -> CatalogueChanges:
    """Bring the catalogue in the database in line with the code. Idempotent.

    Runs inside the caller's transaction. Child rows of removed permissions are deleted explicitly
    rather than left to ``ON DELETE CASCADE``, because the SQLite upgrade runs with foreign keys off.
    """
    plan = plan_catalogue(connection)
    if not plan.changed:
        return plan
    wanted = _wanted_permissions()
    if plan.permissions_removed:
        gone = plan.permissions_removed
        connection.execute(delete(_role_permission).where(_role_permission.c.permission_code.in_(gone)))
        group_permission = tables.rights_group_permission
        connection.execute(delete(group_permission).where(group_permission.c.permission_code.in_(gone)))
        connection.execute(delete(_permission).where(_permission.c.code.in_(gone)))
    if plan.permissions_added:
        connection.execute(insert(_permission), [wanted[code] for code in plan.permissions_added])
    for code in plan.permissions_updated:
        spec = wanted[code]
        connection.execute(
            update(_permission)
            .where(_permission.c.code == code)
            .values(scope=spec["scope"], area=spec["area"], sort_order=spec["sort_order"])
        )
    for key in plan.roles_created:
        _create_predefined_role(connection, PREDEFINED_BY_KEY[key])
    if plan.groups_created:
        descriptions = dict(SYSTEM_RIGHTS_GROUPS)
        connection.execute(
            insert(_group),
            [
                {
                    "name": name,
                    "name_key": name_key(name),
                    "kind": RightsGroupKind.SYSTEM,
                    "description": descriptions[name],
                    "updated_by": _SYSTEM,
                }
                for name in plan.groups_created
            ],
        )
    log.info(
        "catalogue synced: +%d/-%d/~%d permissions, roles created %s, groups created %s",
        len(plan.permissions_added),
        len(plan.permissions_removed),
        len(plan.permissions_updated),
        plan.roles_created,
        plan.groups_created,
    )
    return plan


def _free_role_name(connection: Connection, name: str) -> str:
    """``name``, or ``name (2)`` … when a user's own role already has that name (names are unique)."""
    taken = set(connection.execute(select(_role.c.name_key)).scalars())
    candidate, number = name, 1
    while name_key(candidate) in taken:
        number += 1
        candidate = f"{name} ({number})"
    if candidate != name:
        log.warning("a role named %r exists already; the predefined role is created as %r", name, candidate)
    return candidate


def _create_predefined_role(connection: Connection, role: PredefinedRole) -> int:
    name = _free_role_name(connection, role.name)
    result = connection.execute(
        insert(_role).values(
            name=name,
            name_key=name_key(name),
            description=role.description,
            predefined_key=role.key,
            updated_by=_SYSTEM,
        )
    )
    key = result.inserted_primary_key
    assert key is not None  # a single-row INSERT always reports its key
    role_id = int(key[0])
    _insert_role_permissions(connection, role_id, role.permissions, _SYSTEM)
    return role_id


def _insert_role_permissions(connection: Connection, role_id: int, codes: frozenset[str], by: str) -> None:
    if codes:
        made = {"created_at": utcnow(), "created_by": by[:100]}
        connection.execute(
            insert(_role_permission), [{"role_id": role_id, "permission_code": c, **made} for c in sorted(codes)]
        )


def restore_predefined_role_permissions(
    connection: Connection, key: str, *, operator_name: str = _SYSTEM
) -> RestoredRole:
    """Give the predefined role ``key`` its shipped permissions again (SPEC R2, "restore defaults").

    The name is left as the users chose it. The version is raised so that another workstation
    editing the role at the same time meets a conflict instead of overwriting this (SPEC S4).
    """
    spec = PREDEFINED_BY_KEY.get(key)
    role_id = connection.execute(select(_role.c.id).where(_role.c.predefined_key == key)).scalar_one_or_none()
    if spec is None or role_id is None:
        raise NotFoundError("The predefined role {key} does not exist in this database.", key=key)
    before = frozenset(
        connection.execute(
            select(_role_permission.c.permission_code).where(_role_permission.c.role_id == role_id)
        ).scalars()
    )
    if before != spec.permissions:
        connection.execute(delete(_role_permission).where(_role_permission.c.role_id == role_id))
        _insert_role_permissions(connection, role_id, spec.permissions, operator_name)
        connection.execute(
            update(_role)
            .where(_role.c.id == role_id)
            .values(version=_role.c.version + 1, updated_at=utcnow(), updated_by=operator_name[:100])
        )
    return RestoredRole(role_id=role_id, before=before, after=spec.permissions)
