"""Issue 8: the generic undo (:class:`UndoService`) takes as many statements for 3,000 rows as for 3,
counted as the server runs them (``bench.harness.counting(as_the_server_runs=True)``: on PostgreSQL
every row of an executemany is a statement, on MariaDB every row of an executemany that is not an
INSERT). Rows brought back (INSERT), rows taken away (DELETE) and rows put back (UPDATE), each undone
and redone; and the undo writes what the change's own audit entries say, the other way round."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from dbhelpers import MigratedDatabase
from sqlalchemy import func, insert, select
from tenanthelpers import add_tenants, add_users

from bench.harness import counting
from mandant_desktop.bootstrap import Services
from mandant_desktop.db.models import AuditEntry, OrgUnit, Role, RoleAssignment, Tenant
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import HIDDEN, Access
from mandant_desktop.services.access import AccessService
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.change_record import ChangeRecord
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.recording import recorded
from mandant_desktop.services.roles import RolesService
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.tenants import TenantInput
from mandant_desktop.services.undo import UndoService

SYSTEM = system_operator("test")


def _role_with_assignments(db: MigratedDatabase, name: str, users: list[int]) -> tuple[int, int]:
    """A role that ``users`` hold in one unit; (its id, its version)."""
    with db.session_factory.begin() as session:
        unit = OrgUnit(name=f"Einheit {name}")
        role = Role(name=name, name_key=name.casefold())
        session.add_all([unit, role])
        session.flush()
        session.execute(
            insert(RoleAssignment), [{"user_id": u, "org_unit_id": unit.id, "role_id": role.id} for u in users]
        )
        return role.id, role.version


def _counts(db: MigratedDatabase, rows: int) -> dict[str, int]:
    undo = UndoService(db.session_factory)
    users = add_users(db.session_factory, f"s{rows}x", rows)
    (tenant,) = add_tenants(db.session_factory, f"Mandant {rows}")
    role, version = _role_with_assignments(db, f"Rolle {rows}", users)
    read, full = Access(Level.READ_ONLY), Access(Level.FULL, True)
    records: dict[str, ChangeRecord] = {}

    def change(name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        _, records[name] = recorded(fn, *args, **kwargs)
        assert records[name].undoable, records[name].blocked
        assert len(records[name]) >= rows

    counts: dict[str, int] = {}

    def counted(name: str, record: str, then: str) -> None:
        with counting(db.engine, as_the_server_runs=True) as statements:
            records[then] = undo.revert(SYSTEM, records[record])
        counts[name] = len(statements)

    # the role and its assignments come back (INSERT) and go again (DELETE)
    change("role deleted", RolesService(db.session_factory).delete, SYSTEM, role, expected_version=version)
    counted("undo a delete", "role deleted", "restored")
    counted("redo a delete", "restored", "deleted again")
    # access granted: undone (DELETE), redone (INSERT)
    access = AccessService(db.session_factory)
    change("granted", access.save, SYSTEM, {(tenant, u): (HIDDEN, read) for u in users})
    counted("undo an insert", "granted", "ungranted")
    counted("redo an insert", "ungranted", "granted again")
    # access changed: undone and redone (UPDATE)
    change("changed", access.save, SYSTEM, {(tenant, u): (read, full) for u in users})
    counted("undo an update", "changed", "changed back")
    counted("redo an update", "changed back", "changed again")
    return counts


def test_undo_and_redo_take_as_many_statements_for_3000_rows_as_for_3(migrated_db: MigratedDatabase) -> None:
    """E7, issue 8: per table one read and one write, whatever the number of rows."""
    assert _counts(migrated_db, 3) == _counts(migrated_db, 3000)


def test_the_undo_audits_each_row_as_the_change_did_the_other_way_round(migrated_db: MigratedDatabase) -> None:
    """E7, S3: one entry per row the undo writes, with summary "undo", as the ORM audits a row: a
    row the change created is deleted with its values, a deleted row comes back with its values
    (NULLs left out), a changed row's columns go from the change's new value back to its old one.
    Checked against changes that the ORM audited (a tenant created, renamed, deleted)."""
    db = migrated_db
    services = Services(db.session_factory, secrets=MemorySecretStore())
    admin = AuthService(db.session_factory).create_first_admin(
        FirstAdmin(username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="c@x.de")
    )
    tenants, undo = services.tenants, UndoService(db.session_factory)

    def version(tenant: int) -> int:
        with db.session_factory() as session:
            found = session.get(Tenant, tenant)
            assert found is not None
            return found.version

    def undone(fn: Callable[..., Any], *args: Any, cascaded: frozenset[tuple[str, str, str]] = frozenset()) -> Any:
        mark = _last_entry(db)
        result, record = recorded(fn, *args)
        changed = _entries(db, mark)
        mark = _last_entry(db)
        undo.revert(admin, record)
        back = _entries(db, mark)
        assert {summary for *_, summary in back} == {"undo"}
        expected = [(kind, key, _INVERSE[action], _swapped(changes)) for kind, key, action, changes, _ in changed]
        audited = {(kind, key) for kind, key, *_ in changed}
        got = [(kind, key, action, _frozen(changes)) for kind, key, action, changes, _ in back]
        assert sorted(expected) == sorted(entry for entry in got if entry[:2] in audited)
        # rows the database deleted with the tenant (not audited by the change) come back audited
        assert {entry[:3] for entry in got if entry[:2] not in audited} == cascaded
        return result

    sued = tenants.create_tenant(admin, TenantInput(name="Süd", newsroom_name="S"))
    undone(tenants.create_tenant, admin, TenantInput(name="Ost", newsroom_name="O", active=False))
    undone(tenants.update_tenant, admin, sued, version(sued), TenantInput(name="Süden", newsroom_name=""))
    undone(
        tenants.delete_tenant, admin, sued, version(sued), cascaded={("TenantAccess", f"{sued}:{admin.id}", "create")}
    )


def _entries(db: MigratedDatabase, after: int) -> list[tuple[str, str, str, dict[str, Any] | None, str]]:
    entry = AuditEntry
    stmt = select(entry.object_type, entry.object_id, entry.action, entry.changes, entry.summary)
    with db.session_factory() as session:
        rows = session.execute(stmt.where(entry.id > after).order_by(entry.id)).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _last_entry(db: MigratedDatabase) -> int:
    with db.session_factory() as session:
        return session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0


_INVERSE = {"create": "delete", "delete": "create", "update": "update"}


def _swapped(changes: dict[str, Any] | None) -> Any:
    return _frozen({key: [new, old] for key, (old, new) in (changes or {}).items()})


def _frozen(changes: dict[str, Any] | None) -> Any:
    """Comparable changes; timestamps to the second (MariaDB's DATETIME keeps no fraction: the
    change audits the value it wrote, the undo the value it read)."""
    return tuple(sorted((key, tuple(map(_to_second, value))) for key, value in (changes or {}).items()))


def _to_second(value: Any) -> Any:
    return re.sub(r"\.\d+(?=\+00:00$)", "", value) if isinstance(value, str) else value


def test_a_conflict_in_a_later_table_leaves_the_earlier_ones_unwritten(migrated_db: MigratedDatabase) -> None:
    """E7, S4: the undo of a deleted role brings back the role first, then its assignments; when
    one assignment's key is taken again meanwhile, the undo is refused and the role, written by
    then, is not there either: one unit of work."""
    from mandant_desktop.services.undo import UndoConflictError

    db = migrated_db
    users = add_users(db.session_factory, "k", 3)
    role, version = _role_with_assignments(db, "Rolle K", users)
    with db.session_factory() as session:
        taken, unit = session.execute(
            select(RoleAssignment.id, RoleAssignment.org_unit_id).where(RoleAssignment.role_id == role).limit(1)
        ).one()
        other = session.scalar(select(Role.id).where(Role.id != role).limit(1))
    _, record = recorded(RolesService(db.session_factory).delete, SYSTEM, role, expected_version=version)
    with db.session_factory.begin() as session:
        session.execute(insert(RoleAssignment).values(id=taken, user_id=users[0], role_id=other, org_unit_id=unit))
    before = _last_entry(db)
    with pytest.raises(UndoConflictError, match="exists again"):
        UndoService(db.session_factory).revert(SYSTEM, record)
    with db.session_factory() as session:
        assert session.get(Role, role) is None
        assert session.scalar(select(func.count()).where(RoleAssignment.role_id == role)) == 0
    assert _last_entry(db) == before
