"""The audit log service: filters, keyset paging, tenant scope and export (SPEC S3, T8, T9, S7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from dbhelpers import MigratedDatabase
from sqlalchemy import event, func, insert, select

from mandant_desktop.db.models import AccessLevel, AuditEntry, Tenant, TenantAccess, User, UserKind, UserStatus
from mandant_desktop.domain.errors import PermissionDeniedError
from mandant_desktop.services.assignments import AssignmentsService
from mandant_desktop.services.audit import AuditQuery, AuditRow, AuditService, AuditSort, Cursor, FieldChange
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.exports import AUDIT_HEADERS, export_audit
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.org_units import OrgUnitsService
from mandant_desktop.services.roles import RolesService
from mandant_desktop.services.unit_of_work import UnitOfWork

SYSTEM = system_operator("test")
FIRST_ADMIN = FirstAdmin(
    username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="chef@example.de"
)
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


@dataclass
class Log:
    db: MigratedDatabase
    service: AuditService
    auditor: Operator
    visible: int
    hidden: int


def _fill(db: MigratedDatabase) -> Log:
    with UnitOfWork(db.session_factory, SYSTEM) as uow:
        visible = Tenant(name="Redaktion Nord", name_key="redaktion nord")
        hidden = Tenant(name="Geheim GmbH", name_key="geheim gmbh")
        anna = User(
            username="anna", username_key="anna", first_name="Anna", last_name="Auditorin", status=UserStatus.ACTIVE
        )
        uow.session.add_all([visible, hidden, anna])
        uow.session.flush()
        uow.session.add(TenantAccess(tenant_id=visible.id, user_id=anna.id, level=AccessLevel.READ_ONLY))
        uow.commit()
        ids = (visible.id, hidden.id, anna.id)
    visible_id, hidden_id, anna_id = ids
    rows = []
    for i in range(250):
        rows.append(
            {
                "at": T0 + dt.timedelta(minutes=i // 2),  # pairs share a time: the id breaks the tie
                "operator_id": None,
                "operator_name": "lena" if i % 3 else "Max",
                "workstation": f"PC-{i % 4}",
                "tenant_id": visible_id if i % 5 == 0 else hidden_id if i % 5 == 1 else None,
                "object_type": "Customer" if i % 2 else "User",
                "object_id": str(i),
                "action": "update",
                "summary": "",
                "changes": {"name": [f"Alt {i}", f"Neu {i}"], "quota_mb": [i, i + 1]},
            }
        )
    with db.session_factory.begin() as session:
        session.execute(insert(AuditEntry), rows)
    auditor = Operator(id=anna_id, username="anna", permissions=frozenset({"audit.view", "audit.export"}))
    return Log(db, AuditService(db.session_factory), auditor, visible_id, hidden_id)


@pytest.fixture
def log(migrated_db: MigratedDatabase) -> Log:
    return _fill(migrated_db)


@pytest.fixture
def sqlite_log(migrated_sqlite: MigratedDatabase) -> Log:
    return _fill(migrated_sqlite)


def _all_pages(log: Log, query: AuditQuery, size: int) -> list[int]:
    ids: list[int] = []
    cursor: Cursor | None = None
    while True:
        rows = log.service.page(log.auditor, query, cursor, size)
        if not rows:
            return ids
        ids.extend(row.id for row in rows)
        last = rows[-1]
        cursor = Cursor(last.sort_value(query.sort), last.id)


def test_keyset_pages_cover_every_visible_entry_once(log: Log) -> None:
    """S3, T8: paging by cursor returns each entry exactly once, in order; hidden tenants never."""
    with log.db.session_factory() as session:
        expected = list(
            session.scalars(
                select(AuditEntry.id)
                .where((AuditEntry.tenant_id.is_(None)) | (AuditEntry.tenant_id == log.visible))
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            )
        )
        hidden_entries = session.scalar(select(func.count()).where(AuditEntry.tenant_id == log.hidden))
    assert hidden_entries == 51  # 50 entries and the creation of the tenant
    query = AuditQuery()
    assert log.service.count(log.auditor, query) == len(expected)
    assert _all_pages(log, query, 37) == expected
    ascending = AuditQuery(sort=AuditSort.OPERATOR, descending=False)
    names = [row.operator_name for row in log.service.page(log.auditor, ascending, None, 1000)]
    assert names in (sorted(names), sorted(names, key=str.casefold))  # the collation decides case
    assert len(_all_pages(log, ascending, 23)) == len(expected)


def test_filters(log: Log) -> None:
    """S3: time range, operator (any case), object type, tenant and free text narrow the list in SQL."""
    service, auditor = log.service, log.auditor
    since, until = T0 + dt.timedelta(minutes=10), T0 + dt.timedelta(minutes=20)
    rows = service.page(auditor, AuditQuery(since=since, until=until), None, 1000)
    assert rows and all(since <= row.at < until for row in rows)
    rows = service.page(auditor, AuditQuery(operator_name="max"), None, 1000)
    assert rows and {row.operator_name for row in rows} == {"Max"}
    rows = service.page(auditor, AuditQuery(object_type="Customer"), None, 1000)
    assert rows and {row.object_type for row in rows} == {"Customer"}
    rows = service.page(auditor, AuditQuery(tenant_id=log.visible), None, 1000)
    assert len(rows) == 52 and {row.tenant for row in rows} == {"Redaktion Nord"}
    assert service.count(auditor, AuditQuery(tenant_id=log.hidden)) == 0
    rows = service.page(auditor, AuditQuery(text="neu 245"), None, 1000)
    assert [row.object_id for row in rows] == ["245"]
    assert rows[0].object_label == "Neu 245"
    assert [(c.field, c.before, c.after) for c in rows[0].changes] == [
        ("name", "Alt 245", "Neu 245"),
        ("quota_mb", 245, 246),
    ]
    # like-wildcards are taken literally
    assert service.count(auditor, AuditQuery(text="%")) == 0


def test_toolbar_tenant_filter_shows_only_that_tenant(sqlite_log: Log) -> None:
    """T9: with the toolbar filter on, only that tenant's entries are listed."""
    filtered = replace(sqlite_log.auditor, tenant_filter=frozenset({sqlite_log.visible}))
    rows = sqlite_log.service.page(filtered, AuditQuery(), None, 1000)
    assert len(rows) == 52 and {row.tenant_id for row in rows} == {sqlite_log.visible}


def test_hidden_entry_is_not_found(sqlite_log: Log) -> None:
    """T8: an entry of a hidden tenant cannot be fetched by id either."""
    with sqlite_log.db.session_factory() as session:
        hidden_id = session.scalar(select(AuditEntry.id).where(AuditEntry.tenant_id == sqlite_log.hidden).limit(1))
    assert hidden_id is not None
    assert sqlite_log.service.entry(sqlite_log.auditor, hidden_id) is None
    assert sqlite_log.service.entry(SYSTEM, hidden_id) is not None


def test_read_only_and_rights(sqlite_log: Log, tmp_path: Path) -> None:
    """S1, S3: reading needs audit.view, exporting audit.export; the service cannot change entries."""
    nobody = Operator(id=None, username="x", permissions=frozenset({"users.view"}))
    with pytest.raises(PermissionDeniedError):
        sqlite_log.service.page(nobody, AuditQuery())
    with pytest.raises(PermissionDeniedError):
        sqlite_log.service.count(nobody, AuditQuery())
    viewer = replace(sqlite_log.auditor, permissions=frozenset({"audit.view"}))
    with pytest.raises(PermissionDeniedError):
        export_audit(sqlite_log.db.session_factory, viewer, tmp_path / "a.xlsx", AuditQuery())
    assert not (tmp_path / "a.xlsx").exists()
    public = {name for name in dir(AuditService) if not name.startswith("_")}
    assert public == {"count", "page", "entry", "operator_names", "tenants", "export"}


def test_export_of_filtered_rows(log: Log, tmp_path: Path) -> None:
    """S3, S7: the export holds the filtered, visible entries with their field changes."""
    path = tmp_path / "audit.xlsx"
    seen: list[tuple[int, int]] = []
    written = export_audit(
        log.db.session_factory,
        log.auditor,
        path,
        AuditQuery(object_type="Customer", text="Neu 24"),
        progress=lambda done, total: seen.append((done, total)),
        translate=lambda text: text.upper(),
    )
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.values)
    assert rows[0] == tuple(h.upper() for h in AUDIT_HEADERS)
    objects = sorted(str(row[5]) for row in rows[1:])
    # Customer entries are the odd ones; 241 belongs to the hidden tenant
    assert objects == ["Neu 243", "Neu 245", "Neu 247", "Neu 249"]
    assert written == 4 and seen[-1] == (4, 4)
    assert "quota_mb: 245 → 246" in next(str(row[7]) for row in rows[1:] if row[5] == "Neu 245")
    assert isinstance(rows[1][0], dt.datetime)


def test_private_fields_of_contacts_are_masked(sqlite_log: Log) -> None:
    """T8, S3: without *private data* for a tenant, its contacts' personal fields read ••• in the
    log, and searching for their values finds nothing (the changes of such entries are not searched)."""
    from mandant_desktop.domain.tenant_access import MASK

    with sqlite_log.db.session_factory.begin() as session:
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": T0,
                    "operator_id": None,
                    "operator_name": "lena",
                    "workstation": "PC-1",
                    "tenant_id": sqlite_log.visible,
                    "object_type": "Contact",
                    "object_id": "77",
                    "action": "update",
                    "summary": "",
                    "changes": {"last_name": ["Alt", "Neu"], "phone": ["040 111", "040 999 42"]},
                }
            ],
        )
    service, auditor = sqlite_log.service, sqlite_log.auditor
    rows = service.page(auditor, AuditQuery(object_type="Contact"), None, 10)
    assert [(c.field, c.before, c.after) for c in rows[0].changes] == [
        ("last_name", "Alt", "Neu"),
        ("phone", MASK, MASK),
    ]
    assert service.count(auditor, AuditQuery(text="999 42")) == 0
    # the changed values of such entries are not searched at all; the other columns are
    assert service.count(auditor, AuditQuery(text="Neu", object_type="Contact")) == 0
    assert service.count(auditor, AuditQuery(text="77", object_type="Contact")) == 1
    unmasked = service.page(SYSTEM, AuditQuery(object_type="Contact"), None, 10)
    assert unmasked[0].changes[1].after == "040 999 42"
    assert service.count(SYSTEM, AuditQuery(text="999 42")) == 1


def test_an_operator_who_sees_every_tenant_reads_without_an_id_list(log: Log) -> None:
    """T8, T9 (issue 8): given every tenant there is, the log is read without the list of their ids
    (SQLite walked the tenant index for it, 4-5 times slower than a scan at 300,000 entries), and the
    entries are the same: those of no tenant too, but not with a tenant filter that names them all."""
    with UnitOfWork(log.db.session_factory, SYSTEM) as uow:
        uow.session.add(TenantAccess(tenant_id=log.hidden, user_id=log.auditor.id, level=AccessLevel.READ_ONLY))
        uow.commit()
    statements: list[str] = []
    engine = log.db.engine

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        rows = log.service.page(log.auditor, AuditQuery(sort=AuditSort.OPERATOR), None, 1000)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    everything = log.service.page(SYSTEM, AuditQuery(sort=AuditSort.OPERATOR), None, 1000)
    assert [row.id for row in rows] == [row.id for row in everything]
    assert log.service.count(log.auditor, AuditQuery()) == len(everything) >= 250
    listing = next(s for s in statements if "audit_log" in s and "ORDER BY" in s)
    assert " IN (" not in listing.upper().replace("\n", " ")
    every = replace(log.auditor, tenant_filter=frozenset({log.visible, log.hidden}))
    filtered = log.service.page(every, AuditQuery(sort=AuditSort.OPERATOR), None, 1000)
    assert [row.id for row in filtered] == [row.id for row in everything if row.tenant_id is not None]
    assert log.service.count(every, AuditQuery()) == len(filtered) >= 100


def test_a_role_assignment_names_its_user_role_and_unit_also_once_they_are_deleted(
    migrated_db: MigratedDatabase,
) -> None:
    """S3: the entry of a role assignment names the user, the role and the org unit beside their
    ids, as they are called now, and a role, unit or user deleted since by the name its delete
    entry kept; the page's window and a single entry alike."""
    admin = AuthService(migrated_db.session_factory).create_first_admin(FIRST_ADMIN)
    org = OrgUnitsService(migrated_db.session_factory)
    root = org.roots(admin)[0].id
    unit = org.add(admin, root, "Vertrieb Nord").node
    assert unit is not None
    role_id = RolesService(migrated_db.session_factory).create(
        admin, "Prüfer Nord", permissions=frozenset({"audit.view"})
    )
    with UnitOfWork(migrated_db.session_factory, admin) as uow:
        mia = User(username="mia", username_key="mia", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        uow.session.add(mia)
        uow.commit()
        mia_id = mia.id
    AssignmentsService(migrated_db.session_factory).add(admin, mia_id, unit.id, role_id)
    service = AuditService(migrated_db.session_factory)

    def assignment_entry() -> AuditRow:
        rows = service.page(admin, AuditQuery(object_type="RoleAssignment"), None, 200)
        created = [row for row in rows if row.action == "create" and row.object_id == f"{mia_id}:{unit.id}:{role_id}"]
        assert len(created) == 1
        entry = service.entry(admin, created[0].id)
        assert entry is not None and entry.changes == created[0].changes
        return entry

    def names(entry: AuditRow) -> dict[str, tuple[Any, str | None]]:
        return {change.field: (change.after, change.after_name) for change in entry.changes}

    assert names(assignment_entry()) == {
        "user_id": (mia_id, "mia"),
        "org_unit_id": (unit.id, "Vertrieb Nord"),
        "role_id": (role_id, "Prüfer Nord"),
    }
    # renamed: the name it has now
    org.rename(admin, unit.id, "Vertrieb Nordost")
    assert names(assignment_entry())["org_unit_id"] == (unit.id, "Vertrieb Nordost")
    # deleted: the name its delete entry kept
    RolesService(migrated_db.session_factory).delete(admin, role_id)
    org.delete(admin, unit.id, children="delete")
    with UnitOfWork(migrated_db.session_factory, admin) as uow:
        uow.session.delete(uow.session.get(User, mia_id))
        uow.commit()
    assert names(assignment_entry()) == {
        "user_id": (mia_id, "mia"),
        "org_unit_id": (unit.id, "Vertrieb Nordost"),
        "role_id": (role_id, "Prüfer Nord"),
    }


def test_an_inherited_role_names_every_unit_it_reached_also_once_moved_or_deleted(
    migrated_db: MigratedDatabase,
) -> None:
    """S3, A5: ticking inheritance writes one entry per user, role and source unit that lists the
    units the role reached; they were shown as bare ids. Each is named as the other entries name
    units: as called now (also after a move), and once deleted by its delete entry; the page's
    window and a single entry alike."""
    admin = AuthService(migrated_db.session_factory).create_first_admin(FIRST_ADMIN)
    org = OrgUnitsService(migrated_db.session_factory)
    root = org.roots(admin)[0].id
    sales = org.add(admin, root, "Vertrieb").node
    assert sales is not None
    north = org.add(admin, sales.id, "Nord").node
    south = org.add(admin, sales.id, "Süd").node
    assert north is not None and south is not None
    hamburg = org.add(admin, north.id, "Hamburg").node
    assert hamburg is not None
    with UnitOfWork(migrated_db.session_factory, admin) as uow:
        mia = User(username="mia", username_key="mia", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        uow.session.add(mia)
        uow.commit()
        mia_id = mia.id
    role = next(r for r in RolesService(migrated_db.session_factory).list_roles(admin) if r.predefined_key == "reader")
    org.add_roles(admin, mia_id, sales.id, [role.id])
    org.set_inherit(admin, mia_id, sales.id, "keep")
    service = AuditService(migrated_db.session_factory)

    def reached() -> list[tuple[int, str | None]]:
        rows = service.page(admin, AuditQuery(object_type="RoleAssignment"), None, 200)
        (created,) = [row for row in rows if row.action == "create" and row.object_id == f"{mia_id}:*:{role.id}"]
        entry = service.entry(admin, created.id)
        assert entry is not None and entry.changes == created.changes
        (units,) = [change for change in entry.changes if change.field == "org_unit_ids"]
        assert units.before_names is None and units.after_names is not None
        return list(zip(units.after, units.after_names, strict=True))

    assert sorted(reached()) == sorted([(north.id, "Nord"), (south.id, "Süd"), (hamburg.id, "Hamburg")])
    org.move(admin, hamburg.id, root)
    org.rename(admin, hamburg.id, "Hamburg-Altona")
    org.delete(admin, south.id, children="delete")
    assert sorted(reached()) == sorted([(north.id, "Nord"), (south.id, "Süd"), (hamburg.id, "Hamburg-Altona")])


def _user_and_tenant(db: MigratedDatabase, admin: Operator, username: str, tenant: str) -> tuple[int, int]:
    """A new internal user and a new tenant the administrator has full access to; their ids."""
    with UnitOfWork(db.session_factory, admin) as uow:
        user = User(username=username, username_key=username, kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        made = Tenant(name=tenant, name_key=tenant.casefold())
        uow.session.add_all([user, made])
        uow.session.flush()
        uow.session.add(TenantAccess(tenant_id=made.id, user_id=admin.id, level=AccessLevel.FULL))
        uow.commit()
        return user.id, made.id


def test_an_entry_about_a_deleted_last_row_never_names_the_row_made_after_it(
    migrated_db: MigratedDatabase,
) -> None:
    """S3, T8: SQLite handed the id of a deleted last row to the next one (no AUTOINCREMENT), and the
    log then named the new user, unit or role for entries about the deleted one, and counted a
    deleted tenant's entries as the new tenant's. Since revision 0028 no backend hands an id out
    twice: the entries keep naming what they were about."""
    admin = AuthService(migrated_db.session_factory).create_first_admin(FIRST_ADMIN)
    org = OrgUnitsService(migrated_db.session_factory)
    roles = RolesService(migrated_db.session_factory)
    root = org.roots(admin)[0].id
    unit = org.add(admin, root, "Weg").node
    assert unit is not None
    role_id = roles.create(admin, "Prüfer Weg", permissions=frozenset({"audit.view"}))
    mia_id, gone_tenant = _user_and_tenant(migrated_db, admin, "mia", "Alt GmbH")
    AssignmentsService(migrated_db.session_factory).add(admin, mia_id, unit.id, role_id)
    roles.delete(admin, role_id)
    org.delete(admin, unit.id, children="delete")
    with UnitOfWork(migrated_db.session_factory, admin) as uow:
        uow.session.delete(uow.session.get(User, mia_id))
        uow.session.delete(uow.session.get(Tenant, gone_tenant))
        uow.commit()
    # the next of each kind, made after the delete of the last one
    new_unit = org.add(admin, root, "Neu").node
    assert new_unit is not None
    new_role = roles.create(admin, "Neue Rolle", permissions=frozenset({"audit.view"}))
    tom_id, new_tenant = _user_and_tenant(migrated_db, admin, "tom", "Neu GmbH")
    made = (tom_id, new_unit.id, new_role, new_tenant)
    assert made[0] != mia_id and made[1] != unit.id and made[2] != role_id and made[3] != gone_tenant
    service = AuditService(migrated_db.session_factory)
    rows = service.page(admin, AuditQuery(object_type="RoleAssignment"), None, 200)
    (created,) = [row for row in rows if row.action == "create" and row.object_id == f"{mia_id}:{unit.id}:{role_id}"]
    assert {change.field: change.after_name for change in created.changes} == {
        "user_id": "mia",
        "org_unit_id": "Weg",
        "role_id": "Prüfer Weg",
    }
    # the deleted tenant's own entries are not listed as the new tenant's
    of_new_tenant = service.page(admin, AuditQuery(tenant_id=made[3]), None, 200)
    labels = {row.object_label for row in of_new_tenant if row.object_type == "Tenant"}
    assert labels == {"Neu GmbH"}


def test_an_id_nothing_names_stays_an_id(migrated_db: MigratedDatabase) -> None:
    """S3: an id of an object the database and the log know nothing of (the demo's history, a
    log older than the object's delete entry) keeps no name; a bool or text is never taken for an id."""
    with migrated_db.session_factory.begin() as session:
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": T0,
                    "operator_name": "lena",
                    "workstation": "PC-1",
                    "object_type": "RoleAssignment",
                    "object_id": "90001:90002:90003",
                    "action": "delete",
                    "summary": "role removed",
                    "changes": {"user_id": [90001, None], "org_unit_id": [True, None], "role_id": ["x", None]},
                }
            ],
        )
    viewer = Operator(id=None, username="lena", permissions=frozenset({"audit.view"}))
    (row,) = AuditService(migrated_db.session_factory).page(viewer, AuditQuery(), None, 10)
    assert [(c.field, c.before, c.before_name, c.after_name) for c in row.changes] == [
        ("user_id", 90001, None, None),
        ("org_unit_id", True, None, None),
        ("role_id", "x", None, None),
    ]


def test_the_export_names_moved_units_and_assignments_in_a_fixed_number_of_statements(
    migrated_db: MigratedDatabase, tmp_path: Path
) -> None:
    """S3, issue 8: the export names a moved org unit and a role assignment's user, role and unit as
    the page does (a unit deleted since by its delete entry), the units an inherited role reached
    too (they were listed as bare ids), and its statements do not grow with the rows: the same
    ones for 10 and for 10,000 entries, streamed."""
    admin = AuthService(migrated_db.session_factory).create_first_admin(FIRST_ADMIN)
    org = OrgUnitsService(migrated_db.session_factory)
    root = org.roots(admin)[0].id
    west, gone = (org.add(admin, root, name).node for name in ("West", "Weg"))
    assert west is not None and gone is not None
    org.move(admin, gone.id, west.id)
    org.delete(admin, gone.id, children="delete")
    role = next(r for r in RolesService(migrated_db.session_factory).list_roles(admin) if r.predefined_key == "reader")

    def entry(i: int) -> dict[str, Any]:
        if i % 2:
            changes: dict[str, Any] = {"parent_id": [root, gone.id]}
            return _entry(i, "OrgUnit", str(west.id), "update", "", changes)
        if i % 4 == 2:  # a role inherited into two units, one deleted since (audited as one entry)
            changes = {
                "user_id": [None, admin.id],
                "role_id": [None, role.id],
                "inherited_from_id": [None, root],
                "org_unit_ids": [None, [west.id, gone.id]],
            }
            return _entry(i, "RoleAssignment", f"{admin.id}:*:{role.id}", "create", "bulk edit", changes)
        changes = {"user_id": [None, admin.id], "org_unit_id": [None, west.id], "role_id": [None, role.id]}
        return _entry(i, "RoleAssignment", f"{admin.id}:{west.id}:{role.id}", "create", "role assigned", changes)

    query = AuditQuery(since=T0 - dt.timedelta(seconds=1), until=T0 + dt.timedelta(days=1))
    counted: list[list[str]] = []
    done = 0
    for size in (10, 10_000):
        with migrated_db.session_factory.begin() as session:
            session.execute(insert(AuditEntry), [entry(i) for i in range(done, size)])
        done = size
        statements: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any, seen: list[str] = statements) -> None:
            seen.append(statement)

        path = tmp_path / f"audit-{size}.xlsx"
        event.listen(migrated_db.engine, "before_cursor_execute", count)
        try:
            written = export_audit(migrated_db.session_factory, admin, path, query, change_text=_named_line)
        finally:
            event.remove(migrated_db.engine, "before_cursor_execute", count)
        assert written == size
        rows = list(openpyxl.load_workbook(path, read_only=True).worksheets[0].values)[1:]
        units = [row for row in rows if row[4] == "OrgUnit"]
        assignments = [row for row in rows if row[4] == "RoleAssignment"]
        assert len(units) == len(assignments) == size // 2
        assert {row[5] for row in units} == {"West"}
        assert {row[7] for row in units} == {f"parent_id: Organisation #{root} → Weg #{gone.id}"}
        assert {row[7] for row in assignments} == {
            f"user_id: — → chef #{admin.id}\norg_unit_id: — → West #{west.id}\nrole_id: — → {role.name} #{role.id}",
            f"user_id: — → chef #{admin.id}\nrole_id: — → {role.name} #{role.id}\n"
            f"inherited_from_id: — → Organisation #{root}\norg_unit_ids: — → West #{west.id}, Weg #{gone.id}",
        }
        counted.append(statements)
    small, large = counted
    print(f"export statements, {migrated_db.engine.dialect.name}: 10 rows {len(small)}, 10,000 rows {len(large)}")
    assert large == small


def _entry(
    i: int, object_type: str, object_id: str, action: str, summary: str, changes: dict[str, Any]
) -> dict[str, Any]:
    return {
        "at": T0 + dt.timedelta(seconds=i),
        "operator_name": "lena",
        "workstation": "PC-1",
        "object_type": object_type,
        "object_id": object_id,
        "action": action,
        "summary": summary,
        "changes": changes,
    }


def _named_line(change: FieldChange) -> str:
    def shown(value: Any, name: str | None, names: tuple[str | None, ...] | None) -> str:
        if names is not None:
            return ", ".join(f"{part_name} #{part}" for part, part_name in zip(value, names, strict=True))
        return "—" if value is None else f"{name} #{value}" if name else f"#{value}"

    before = shown(change.before, change.before_name, change.before_names)
    return f"{change.field}: {before} → {shown(change.after, change.after_name, change.after_names)}"
