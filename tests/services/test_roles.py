"""Roles and their permissions (SPEC R1, R2, S4), on all three backends."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select

from mandant_desktop.db.models import (
    AuditEntry,
    OrgUnit,
    Role,
    RoleAssignment,
    RolePermission,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.permissions import PREDEFINED_BY_KEY, PREDEFINED_ROLES
from mandant_desktop.services.audit import AuditQuery, AuditService
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.roles import RolesService

ADMIN = FirstAdmin(
    username="chef",
    password="Sehr-geheim1",
    password_repeat="Sehr-geheim1",
    email="chef@example.de",
)


@pytest.fixture
def admin(migrated_db: Any) -> Operator:
    return AuthService(migrated_db.session_factory).create_first_admin(ADMIN)


def test_six_predefined_roles_and_a_new_one_on_top(migrated_db: Any, admin: Operator) -> None:
    """R1, R2: six predefined roles ship; a new role is at the top of the list."""
    roles = RolesService(migrated_db.session_factory)
    listed = roles.list_roles(admin)
    assert {r.predefined_key for r in listed} == {r.key for r in PREDEFINED_ROLES}
    new_id = roles.create(admin, "Redaktion Nord")
    first = roles.list_roles(admin)[0]
    assert (first.id, first.name, first.permission_count) == (new_id, "Redaktion Nord", 0)
    with pytest.raises(ValidationError, match="exists already"):
        roles.create(admin, "  redaktion   NORD ")
    with pytest.raises(ValidationError):
        roles.create(admin, "")


def test_ticking_saves_at_once_and_raises_the_version(migrated_db: Any, admin: Operator) -> None:
    """R1, S4: ticking a permission is saved immediately and audited; a stale version is a conflict."""
    roles = RolesService(migrated_db.session_factory)
    role_id = roles.create(admin, "Prüfer")
    version = roles.list_roles(admin)[0].version
    version = roles.set_permission(admin, role_id, "audit.view", True, expected_version=version)
    version = roles.set_permission(admin, role_id, "audit.export", True, expected_version=version)
    assert roles.permissions(admin, role_id) == {"audit.view", "audit.export"}
    roles.set_permission(admin, role_id, "audit.view", False, expected_version=version)
    assert roles.permissions(admin, role_id) == {"audit.export"}
    with pytest.raises(ConflictError):
        roles.set_permission(admin, role_id, "audit.view", True, expected_version=version)
    with pytest.raises(ValidationError):
        roles.set_permission(admin, role_id, "portal.view_jobs", True)
    with migrated_db.session_factory() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.object_type == "RolePermission").order_by(AuditEntry.id)
        ).all()
        assert actions == ["create", "create", "delete"]


def test_rename_duplicate_delete_and_impact(migrated_db: Any, admin: Operator) -> None:
    """R1, S3: rename; delete lists what loses the role, and its log entries name each assignment's user,
    unit and role; duplicate copies the permissions."""
    roles = RolesService(migrated_db.session_factory)
    role_id = roles.create(admin, "Leser Nord", permissions=frozenset({"contacts.view", "customers.view"}))
    with migrated_db.session_factory.begin() as session:
        unit = session.scalars(select(OrgUnit.id)).first()
        user = User(username="mia", username_key="mia", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(user)
        session.flush()
        session.add(RoleAssignment(user_id=user.id, role_id=role_id, org_unit_id=unit))
    assert roles.impact(admin, role_id).users_left_without_role == ()
    impact = roles.impact(admin, role_id, name_users_left_without_role=True)
    assert (impact.users, impact.units, impact.assignments) == (1, 1, 1)
    assert impact.users_left_without_role == ("mia",)
    assert impact.sample == (("mia", "Organisation"),)
    roles.rename(admin, role_id, "Leser Süd")
    copy_id = roles.duplicate(admin, role_id, "Leser Süd (Kopie)")
    assert roles.permissions(admin, copy_id) == roles.permissions(admin, role_id)
    assert roles.delete(admin, role_id) == 1
    with migrated_db.session_factory() as session:
        assert session.get(Role, role_id) is None
        assert session.scalars(select(RoleAssignment).where(RoleAssignment.user_id == user.id)).all() == []
        deleted = session.scalars(
            select(AuditEntry.object_id).where(
                AuditEntry.object_type == "RoleAssignment", AuditEntry.action == "delete"
            )
        ).all()
        assert deleted == [f"{user.id}:{unit}:{role_id}"]
    # S3: the entry names the assignment's user, unit and role, the role by what its delete kept
    entry = next(
        row
        for row in AuditService(migrated_db.session_factory).page(admin, AuditQuery(object_type="RoleAssignment"))
        if row.action == "delete"
    )
    assert [(c.field, c.before, c.before_name) for c in entry.changes] == [
        ("user_id", user.id, "mia"),
        ("org_unit_id", unit, "Organisation"),
        ("role_id", role_id, "Leser Süd"),
    ]


def test_the_delete_question_names_the_holders_left_without_a_role_by_an_anti_join(
    migrated_db: Any, admin: Operator
) -> None:
    """R1, R3, section 8 (issue 8): deleting a role names its holders who would have no role left;
    on PostgreSQL the query is an anti-join. Its NOT IN form read the other roles' assignments
    again for every holder once they outgrew work_mem: 92 s on the large demo."""
    roles = RolesService(migrated_db.session_factory)
    role_id = roles.create(admin, "Nur hier")
    other_id = roles.create(admin, "Auch woanders")
    with migrated_db.session_factory.begin() as session:
        unit = session.scalars(select(OrgUnit.id)).first()
        alone, both = (
            User(username=n, username_key=n, kind=UserKind.INTERNAL, status=UserStatus.ACTIVE, last_name=n.title())
            for n in ("ana", "bo")
        )
        session.add_all([alone, both])
        session.flush()
        session.add_all(
            [
                RoleAssignment(user_id=alone.id, role_id=role_id, org_unit_id=unit),
                RoleAssignment(user_id=both.id, role_id=role_id, org_unit_id=unit),
                RoleAssignment(user_id=both.id, role_id=other_id, org_unit_id=unit),
            ]
        )
    statements: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    engine = migrated_db.engine
    event.listen(engine, "before_cursor_execute", grab)
    try:
        impact = roles.impact(admin, role_id, name_users_left_without_role=True)
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    assert impact.users_left_without_role == ("Ana",)
    if engine.dialect.name != "postgresql":
        return
    # The first statement with a LIMIT finds them (the second reads a sample of the holders).
    statement, parameters = next((s, p) for s, p in statements if "LIMIT" in s)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        cursor.execute("SET work_mem = '64kB'")
        cursor.execute("EXPLAIN " + statement, parameters)
        plan = "\n".join(str(row[0]) for row in cursor.fetchall())
    assert "Anti Join" in plan, plan


def test_restore_defaults_of_a_predefined_role(migrated_db: Any, admin: Operator) -> None:
    """R2: a changed predefined role gets its shipped permissions back; others have no defaults."""
    roles = RolesService(migrated_db.session_factory)
    reader = next(r for r in roles.list_roles(admin) if r.predefined_key == "reader")
    roles.set_permissions(admin, reader.id, {"contacts.view": False, "audit.view": True})
    roles.rename(admin, reader.id, "Lesende")
    roles.restore_defaults(admin, reader.id)
    assert roles.permissions(admin, reader.id) == PREDEFINED_BY_KEY["reader"].permissions
    assert next(r for r in roles.list_roles(admin) if r.id == reader.id).name == "Lesende"
    own = roles.create(admin, "Eigene")
    with pytest.raises(ValidationError):
        roles.restore_defaults(admin, own)


def test_roles_refused_without_permission(migrated_db: Any, admin: Operator) -> None:
    """S2: the service refuses what the page would not offer."""
    roles = RolesService(migrated_db.session_factory)
    viewer = Operator(id=admin.id, username="v", permissions=frozenset({"roles.view"}))
    role_id = roles.list_roles(viewer)[0].id
    for call in (
        lambda: roles.create(viewer, "X"),
        lambda: roles.set_permission(viewer, role_id, "audit.view", True),
        lambda: roles.rename(viewer, role_id, "Y"),
        lambda: roles.delete(viewer, role_id),
        lambda: roles.restore_defaults(viewer, role_id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_every_roles_permission_codes_in_one_query(migrated_db: Any, admin: Operator) -> None:
    """R1, E2 (the roles page searches by permission): each role's codes as permissions() gives
    them one by one, read with one statement however many roles there are; a role without
    permissions is absent; refused without roles.view (S2)."""
    roles = RolesService(migrated_db.session_factory)
    empty = roles.create(admin, "Leer")
    engine = migrated_db.engine
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        codes = roles.permission_codes(admin)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    listed = roles.list_roles(admin)
    assert empty not in codes
    assert {r.id: roles.permissions(admin, r.id) for r in listed if r.permission_count} == codes
    with pytest.raises(PermissionDeniedError):
        roles.permission_codes(Operator(id=admin.id, username="x", permissions=frozenset()))


def test_unknown_permission_codes_are_refused_and_nothing_is_written(migrated_db: Any, admin: Operator) -> None:
    """R1, S2: a new role, a changed role and a copy with a code that is no role permission (a typo,
    a portal permission) are refused naming the codes; nothing is written, no audit entry."""
    roles = RolesService(migrated_db.session_factory)
    role_id = roles.create(admin, "Redaktion West", permissions=frozenset({"contacts.view"}))
    with migrated_db.session_factory() as session:
        before = (
            session.scalar(select(func.count(Role.id))),
            session.scalar(select(func.count(RolePermission.role_id))),
            session.scalar(select(func.count(AuditEntry.id))),
        )
    version = roles.list_roles(admin)[0].version
    refused = (
        lambda: roles.create(admin, "Redaktion Ost", permissions=frozenset({"contacts.view", "contacts.veiw"})),
        lambda: roles.create(admin, "Portal", permissions=["portal.view_jobs", "kunden.sehen", "portal.view_jobs"]),
        lambda: roles.set_permissions(
            admin, role_id, {"audit.view": True, "audit.veiw": True}, expected_version=version
        ),
        lambda: roles.set_permission(admin, role_id, "contacts.veiw", False, expected_version=version),
    )
    named = ("contacts.veiw", "kunden.sehen, portal.view_jobs", "audit.veiw", "contacts.veiw")
    for call, codes in zip(refused, named, strict=True):
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.template == "Unknown permission: {code}."
        assert caught.value.values["code"] == codes
    with migrated_db.session_factory() as session:
        after = (
            session.scalar(select(func.count(Role.id))),
            session.scalar(select(func.count(RolePermission.role_id))),
            session.scalar(select(func.count(AuditEntry.id))),
        )
    assert after == before
    assert roles.permissions(admin, role_id) == {"contacts.view"}
    assert roles.list_roles(admin)[0].version == version
