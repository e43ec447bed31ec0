"""The tenant-access check of revision 0005 once per statement (revision 0012, issue 8): a save of
many cells is judged as a whole, by the rights held before it, with the same refusal as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from dbhelpers import app_login, migrated_database
from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import ProgrammingError
from tenanthelpers import add_tenants, add_user, grant

from mandant_desktop.db import migrate
from mandant_desktop.db.models import AccessLevel, OrgUnit, Role, RoleAssignment, RolePermission, TenantAccess


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Engine, Engine, int, list[int], list[int]]]:
    """(owner engine, application login, manager, [tenant A, B, C], [users]): the manager has
    tenants.manage_access and full access to A and B, read-only access to C."""
    with migrated_database("postgresql", tmp_path) as db:
        factory = db.session_factory
        tenants = add_tenants(factory, "A", "B", "C")
        manager = add_user(factory, "chefin")
        users = [add_user(factory, f"nutzer{i}") for i in range(30)]
        grant(
            factory,
            manager,
            {tenants[0]: AccessLevel.FULL, tenants[1]: AccessLevel.FULL, tenants[2]: AccessLevel.READ_ONLY},
        )
        with factory.begin() as session:
            unit, role = OrgUnit(name="Zentrale"), Role(name="Verwalter", name_key="verwalter")
            session.add_all([unit, role])
            session.flush()
            session.add(RolePermission(role_id=role.id, permission_code="tenants.manage_access"))
            session.add(RoleAssignment(user_id=manager, role_id=role.id, org_unit_id=unit.id))
        with app_login(db, "mandant_ta") as app:
            yield db.engine, app, manager, tenants, users


def _as(conn: Connection, user_id: int) -> None:
    conn.execute(text("SELECT set_config('app.operator_id', :id, true)"), {"id": str(user_id)})


def _rows(tenant: int, users: list[int], level: str = "read_only") -> list[dict[str, object]]:
    return [{"tenant_id": tenant, "user_id": u, "level": level, "private_data": False} for u in users]


def test_many_cells_in_one_statement_are_checked_as_a_whole(
    world: tuple[Engine, Engine, int, list[int], list[int]],
) -> None:
    _owner, app, manager, (a, b, c), users = world
    with app.connect() as conn:
        _as(conn, manager)
        conn.execute(insert(TenantAccess).values(_rows(a, users) + _rows(b, users)))
        conn.execute(
            text("UPDATE tenant_access SET level = 'full' WHERE tenant_id = :a AND user_id <> :m"),
            {"a": a, "m": manager},
        )
        conn.execute(text("DELETE FROM tenant_access WHERE tenant_id = :b AND user_id <> :m"), {"b": b, "m": manager})
        conn.commit()
        _as(conn, manager)
        # one cell of a tenant without full access spoils the whole statement
        with pytest.raises(ProgrammingError, match="tenant access changed without the right to manage it"):
            conn.execute(insert(TenantAccess).values(_rows(b, users[:10]) + _rows(c, users[10:11])))
        conn.rollback()
        _as(conn, manager)
        with pytest.raises(ProgrammingError, match="tenant access"):
            conn.execute(
                text("UPDATE tenant_access SET tenant_id = :c WHERE tenant_id = :a AND user_id <> :m"),
                {"a": a, "c": c, "m": manager},
            )
        conn.rollback()
        count = conn.scalar(select(text("count(*)")).select_from(TenantAccess).where(TenantAccess.tenant_id == a))
    assert count == len(users) + 1


def test_full_access_is_judged_as_it_stood_before_the_statement(
    world: tuple[Engine, Engine, int, list[int], list[int]],
) -> None:
    """The manager lowers their own access to A together with others' cells: they held full access
    to A when the statement began, so it passes (the per-row trigger's verdict depended on the order)."""
    _owner, app, manager, (a, _b, _c), users = world
    with app.connect() as conn:
        _as(conn, manager)
        conn.execute(insert(TenantAccess).values(_rows(a, users)))
        conn.execute(text("UPDATE tenant_access SET level = 'read_only' WHERE tenant_id = :a"), {"a": a})
        conn.commit()
        _as(conn, manager)
        with pytest.raises(ProgrammingError, match="tenant access"):
            conn.execute(
                text("DELETE FROM tenant_access WHERE tenant_id = :a AND user_id <> :m"), {"a": a, "m": manager}
            )


def test_a_statement_that_changes_no_access_row_asks_nothing(
    world: tuple[Engine, Engine, int, list[int], list[int]],
) -> None:
    """A user without any access row is deleted by an operator without tenants.manage_access: the
    cascade to tenant_access deletes nothing and is not refused (as the per-row trigger was not called)."""
    owner, app, _manager, _tenants, users = world
    with owner.begin() as conn:
        conn.execute(text("DELETE FROM role_permission WHERE permission_code = 'tenants.manage_access'"))
    with app.connect() as conn:
        _as(conn, users[0])
        conn.execute(text("DELETE FROM app_user WHERE id = :u"), {"u": users[1]})
        conn.execute(text("DELETE FROM tenant_access WHERE user_id = :u"), {"u": users[2]})
        conn.commit()


def test_the_downgrade_restores_the_per_row_check(world: tuple[Engine, Engine, int, list[int], list[int]]) -> None:
    owner, app, manager, (_a, _b, c), users = world
    triggers = text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'tenant_access'::regclass AND NOT tgisinternal")
    with owner.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0011_pg_assignment_keys")
        assert set(conn.scalars(triggers)) == {"mandant_check_tenant_access"}
    with app.connect() as conn:
        _as(conn, manager)
        with pytest.raises(ProgrammingError, match="tenant access"):
            conn.execute(insert(TenantAccess).values(_rows(c, users[:2])))
    with owner.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
        assert set(conn.scalars(triggers)) == {
            "mandant_check_tenant_accesses_insert",
            "mandant_check_tenant_accesses_update",
            "mandant_check_tenant_accesses_delete",
        }
