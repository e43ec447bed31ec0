"""The last administrator keeps their rights; two workstations cannot break that together (SPEC S2, S4)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, RolePermission, User, UserKind, UserStatus
from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.admin_guard import administrator_ids
from mandant_desktop.services.assignments import AssignmentsService, BulkEdit
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.roles import RolesService
from mandant_desktop.services.users import UsersService

LAST_ADMIN = "no active administrator"


@dataclass
class Admins:
    unit: int
    admin_role: int
    reader_role: int
    ids: list[int]
    operators: list[Operator]


def make_admins(db: Any, count: int) -> Admins:
    """``count`` users holding the Administrator role directly in one unit, and nobody else; each
    also holds a role with assignments.assign there (``reader_role``)."""
    with db.session_factory.begin() as session:
        unit = OrgUnit(name="Zentrale", depth=0)
        session.add(unit)
        session.flush()
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role)) if r.predefined_key}
        # A second role that keeps the right to assign when the Administrator role goes.
        helper = Role(name="Rollenvergabe", name_key="rollenvergabe")
        session.add(helper)
        session.flush()
        session.add_all(
            RolePermission(role_id=helper.id, permission_code=code)
            for code in ("assignments.view", "assignments.assign")
        )
        roles["reader"] = helper.id
        ids = []
        for index in range(count):
            user = User(
                username=f"admin{index}",
                username_key=f"admin{index}",
                first_name="Ada",
                last_name=f"Admin {index}",
                kind=UserKind.INTERNAL,
                status=UserStatus.ACTIVE,
            )
            session.add(user)
            session.flush()
            ids.append(user.id)
        session.execute(
            insert(RoleAssignment),
            [{"user_id": u, "org_unit_id": unit.id, "role_id": roles["administrator"]} for u in ids],
        )
        session.execute(
            insert(RoleAssignment),
            [{"user_id": u, "org_unit_id": unit.id, "role_id": roles["reader"]} for u in ids],
        )
    operators = [Operator(id=u, username=f"admin{i}", permissions=ADMIN_CODES) for i, u in enumerate(ids)]
    return Admins(unit.id, roles["administrator"], roles["reader"], ids, operators)


def test_the_last_administrator_keeps_their_rights(migrated_db: Any) -> None:
    """S2: not by removing the role, unticking a permission, deleting the role or deactivating the user."""
    world = make_admins(migrated_db, 1)
    me = world.operators[0]
    factory = migrated_db.session_factory
    with pytest.raises(ValidationError, match=LAST_ADMIN):
        AssignmentsService(factory).remove(me, world.ids[0], world.unit, world.admin_role)
    with pytest.raises(ValidationError, match=LAST_ADMIN):
        AssignmentsService(factory).apply(me, BulkEdit(True, (world.admin_role,), (world.ids[0],), (world.unit,)))
    with pytest.raises(ValidationError, match=LAST_ADMIN):
        RolesService(factory).set_permission(me, world.admin_role, "audit.view", False)
    with pytest.raises(ValidationError, match=LAST_ADMIN):
        RolesService(factory).delete(me, world.admin_role)
    system = Operator(id=None, username="setup", is_system=True)
    with pytest.raises(ValidationError, match=LAST_ADMIN):
        UsersService(factory).set_active(system, world.ids, False, expected_versions=_versions(factory))
    # Nothing of it was written: the administrator is still one.
    with factory() as session:
        assert administrator_ids(session) == {world.ids[0]}
    # Other roles of the last administrator may still go.
    AssignmentsService(factory).remove(me, world.ids[0], world.unit, world.reader_role)


def test_one_of_two_administrators_may_go(migrated_db: Any) -> None:
    """S2: the guard-rail refuses only the last one."""
    world = make_admins(migrated_db, 2)
    factory = migrated_db.session_factory
    AssignmentsService(factory).remove(world.operators[0], world.ids[1], world.unit, world.admin_role)
    with factory() as session:
        assert administrator_ids(session) == {world.ids[0]}


def test_removing_the_last_role_is_announced(migrated_db: Any) -> None:
    """S2, R3: the service says when a removal leaves the user without any role (the page asks)."""
    world = make_admins(migrated_db, 2)
    service = AssignmentsService(migrated_db.session_factory)
    me, other = world.operators[0], world.ids[1]
    assert not service.leaves_without_role(me, other, world.unit, world.reader_role)
    service.remove(me, other, world.unit, world.reader_role)
    assert service.leaves_without_role(me, other, world.unit, world.admin_role)


def _race(actions: list[Callable[[], object]]) -> list[BaseException | None]:
    """Run the actions in threads at the same moment; each one's error or None."""
    barrier = threading.Barrier(len(actions))
    results: list[BaseException | None] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            actions[index]()
        except BaseException as exc:
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.parametrize("how", ["remove_role", "deactivate"])
def test_two_workstations_cannot_remove_the_last_two_administrators(migrated_db: Any, how: str) -> None:
    """S2, S4: two operators take each other's rights at the same moment; exactly one succeeds and
    the other is refused by the guard-rail (row lock on PostgreSQL/MariaDB, BEGIN IMMEDIATE on SQLite)."""
    world = make_admins(migrated_db, 2)
    factory = migrated_db.session_factory
    first, second = world.operators
    if how == "remove_role":
        service = AssignmentsService(factory)
        actions: list[Callable[[], object]] = [
            lambda: service.remove(first, world.ids[1], world.unit, world.admin_role),
            lambda: service.remove(second, world.ids[0], world.unit, world.admin_role),
        ]
    else:
        users = UsersService(factory)
        versions = _versions(factory)
        actions = [
            lambda: users.set_active(first, [world.ids[1]], False, expected_versions=versions),
            lambda: users.set_active(second, [world.ids[0]], False, expected_versions=versions),
        ]
    results = _race(actions)
    failures = [r for r in results if r is not None]
    assert len(failures) == 1, results
    assert isinstance(failures[0], ValidationError) and LAST_ADMIN in failures[0].message
    with factory() as session:
        assert len(administrator_ids(session)) == 1


def test_concurrent_identical_assignments_are_idempotent(migrated_db: Any) -> None:
    """S4: two workstations add the same role to the same user in the same unit at once: one row,
    no error for either."""
    world = make_admins(migrated_db, 1)
    factory = migrated_db.session_factory
    with factory.begin() as session:
        user = User(username="neu", username_key="neu", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(user)
        session.flush()
        target = user.id
    service = AssignmentsService(factory)
    me = world.operators[0]
    edit = BulkEdit(False, (world.reader_role,), (target,), (world.unit,))
    results = _race([lambda: service.apply(me, edit), lambda: service.add(me, target, world.unit, world.reader_role)])
    assert results == [None, None]
    with factory() as session:
        count = session.scalar(select(func.count()).select_from(RoleAssignment).where(RoleAssignment.user_id == target))
    assert count == 1


def _versions(factory: Any) -> dict[int, int]:
    """Every user's version as a page would have read it (S4)."""
    with factory() as session:
        return {row.id: row.version for row in session.execute(select(User.id, User.version))}
