"""The statement checks of revisions 0009 and 0012 are planned for each statement (revision 0014,
issue 8, S1): on one connection that first writes 2 rows and then many, the check of the big
statement is planned for its real size, not with a plan kept from the small one (which once cost
5.8 s inside one INSERT of 10,000 assignments on the large demo). The rules stay the same.

The plans are read with PostgreSQL's auto_explain (the test connects as the owner, a superuser,
loads it, and acts as a non-owner login with SET ROLE, as a workstation would connect)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from dbhelpers import auto_explained, migrated_database
from sqlalchemy import Connection, Engine, insert, text
from sqlalchemy.exc import ProgrammingError
from tenanthelpers import add_tenants, add_user

from mandant_desktop.db import migrate
from mandant_desktop.db.models import AccessLevel, OrgUnit, Role, RoleAssignment, RolePermission, TenantAccess

#: the estimated and the actual rows of a scan of the statement's new rows, in an auto_explain plan
TUPLESTORE = re.compile(r"Named Tuplestore Scan[^\n(]*\(cost=\S+ rows=(\d+) [^)]*\) \(actual \S+ rows=(\d+)")
#: how the plans of the two checks begin (auto_explain quotes the query first)
CHECKS = ("WITH held AS", "WITH editable AS")
SMALL, LARGE = 2, 120


@dataclass(frozen=True)
class World:
    engine: Engine
    login: str
    operator: int
    units: list[int]
    outside: int
    role: int
    users: list[int]
    tenant: int


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """An operator who may assign roles in 40 units (not in one more) and manage tenant access."""
    with migrated_database("postgresql", tmp_path) as db:
        factory = db.session_factory
        operator = add_user(factory, "chefin")
        users = [add_user(factory, f"nutzer{i}") for i in range(LARGE // 40 + 1)]
        (tenant,) = add_tenants(factory, "A")
        with factory.begin() as session:
            units = [OrgUnit(name=f"Einheit {i}") for i in range(41)]
            role = Role(name="Verwalter", name_key="verwalter")
            session.add_all([*units, role])
            session.flush()
            for code in ("assignments.assign", "tenants.manage_access"):
                session.add(RolePermission(role_id=role.id, permission_code=code))
            session.add_all(RoleAssignment(user_id=operator, role_id=role.id, org_unit_id=u.id) for u in units[:40])
            session.add(TenantAccess(tenant_id=tenant, user_id=operator, level=AccessLevel.FULL, private_data=False))
            unit_ids, outside, role_id = [u.id for u in units[:40]], units[40].id, role.id
        login = f"mandant_plans_{uuid.uuid4().hex[:10]}"
        with db.engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {login} NOLOGIN"))
            conn.execute(text(f"GRANT mandant_app TO {login}"))
            conn.commit()
        try:
            yield World(db.engine, login, operator, unit_ids, outside, role_id, users, tenant)
        finally:
            with db.engine.connect() as conn:
                conn.execute(text(f"DROP ROLE {login}"))
                conn.commit()


def _explained(world: World) -> AbstractContextManager[tuple[Connection, list[str]]]:
    """A connection on which auto_explain reports every plan, acting as the non-owner login."""
    return auto_explained(world.engine, world.login)


def _as_operator(conn: Connection, world: World) -> None:
    conn.execute(text("SELECT set_config('app.operator_id', :id, true)"), {"id": str(world.operator)})


def _assignments(world: World, count: int, unit: int | None = None) -> list[dict[str, object]]:
    cells = [(user, u) for user in world.users for u in world.units][:count]
    return [
        {"user_id": user, "org_unit_id": unit if unit is not None else u, "role_id": world.role} for user, u in cells
    ]


def _estimates(plans: list[str]) -> list[tuple[int, int]]:
    """(estimated, actual) rows of every scan of a transition table in the checks' plans."""
    checks = [plan for plan in plans if any(check in plan for check in CHECKS)]
    return [(int(est), int(actual)) for plan in checks for est, actual in TUPLESTORE.findall(plan)]


def _planned_for(count: int, seen: list[tuple[int, int]]) -> bool:
    """The plans were made for ``count`` new rows: a scan of all of them is estimated at exactly that
    (a scan with a condition may be estimated lower, never higher)."""
    return any(est == count for est, _actual in seen) and all(est <= count for est, _actual in seen)


def test_the_assignment_check_is_planned_for_each_statements_size(world: World) -> None:
    """2 rows, then 120, six times over on one connection (beyond the five custom plans after which
    PostgreSQL may keep a generic one): every scan of the new rows is estimated at the statement's size."""
    with _explained(world) as (conn, plans):
        for _ in range(6):
            for count in (SMALL, LARGE):
                plans.clear()
                _as_operator(conn, world)
                conn.execute(insert(RoleAssignment).values(_assignments(world, count)))
                conn.rollback()
                seen = _estimates(plans)
                assert seen, "no plan of the check was reported"
                assert _planned_for(count, seen), (count, seen)
        # the rule itself: one row outside the operator's units spoils the statement
        _as_operator(conn, world)
        with pytest.raises(ProgrammingError, match=rf"outside the operator's org units \(unit {world.outside}\)"):
            conn.execute(
                insert(RoleAssignment).values(_assignments(world, LARGE) + _assignments(world, 1, world.outside))
            )
        conn.rollback()


def test_the_tenant_access_check_is_planned_for_each_statements_size(world: World) -> None:
    with _explained(world) as (conn, plans):
        extra = list(world.users)
        for _ in range(6):
            for count in (1, len(extra)):
                plans.clear()
                _as_operator(conn, world)
                rows = [
                    {"tenant_id": world.tenant, "user_id": user, "level": "read_only", "private_data": False}
                    for user in extra[:count]
                ]
                conn.execute(insert(TenantAccess).values(rows))
                conn.rollback()
                seen = _estimates(plans)
                assert _planned_for(count, seen), (count, seen)


def test_the_downgrade_restores_the_functions_of_0009_and_0012(world: World) -> None:
    definition = text("SELECT pg_get_functiondef(CAST(:name AS regproc))")
    names = ("mandant_check_assignments", "mandant_check_tenant_accesses")
    with world.engine.begin() as conn:
        assert all("EXECUTE $q$" in conn.scalar(definition, {"name": name}) for name in names)
        command.downgrade(migrate.alembic_config(conn), "0013_pg_customer_search_once")
        assert not any("EXECUTE $q$" in conn.scalar(definition, {"name": name}) for name in names)
    with _explained(world) as (conn, _plans):
        _as_operator(conn, world)
        with pytest.raises(ProgrammingError, match="outside the operator's org units"):
            conn.execute(insert(RoleAssignment).values(_assignments(world, 1, world.outside)))
        conn.rollback()
    with world.engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
        assert all("EXECUTE $q$" in conn.scalar(definition, {"name": name}) for name in names)
