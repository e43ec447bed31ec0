"""Role assignment, standard view: grid, single changes, bulk edit, undo, export (SPEC A1-A3, S1, S3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import event, func, insert, select

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
from mandant_desktop.domain.errors import PermissionDeniedError, ValidationError
from mandant_desktop.domain.permissions import PREDEFINED_BY_KEY
from mandant_desktop.services.assignments import AssignmentRow, AssignmentsService, BulkEdit, new_assignment_rows
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.exports import ASSIGNMENT_HEADERS, export_assignments
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import OperationCancelledError

ADMIN = FirstAdmin(username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="chef@example.de")


@dataclass
class World:
    admin: Operator
    root: int
    units: list[int]
    users: list[int]
    roles: dict[str, int]


@pytest.fixture
def world(migrated_db: Any) -> World:
    """Five units under the root, ten users without roles, and the first admin (Administrator at
    the root, inherited below)."""
    with migrated_db.session_factory.begin() as session:
        top = OrgUnit(name="Organisation", depth=0)
        session.add(top)
        session.flush()
        root = top.id
        names = ["Nord", "Süd", "West", "Ost", "=Zentrale"]
        units = []
        for index, name in enumerate(names):
            unit = OrgUnit(name=name, parent_id=root, depth=1, sort_order=index)
            session.add(unit)
            session.flush()
            units.append(unit.id)
        users = []
        for index in range(10):
            user = User(
                username=f"user{index}",
                username_key=f"user{index}",
                first_name="Nutzer",
                last_name=f"{index:02d}",
                email=f"user{index}@example.de",
                kind=UserKind.INTERNAL,
                status=UserStatus.ACTIVE,
            )
            session.add(user)
            session.flush()
            users.append(user.id)
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role)) if r.predefined_key}
    # Made after the units, so that the Administrator role reaches them by inheritance.
    admin = AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    return World(admin, root, units, users, roles)


def test_the_manuals_example_three_roles_ten_users_five_units(migrated_db: Any, world: World) -> None:
    """A2: 3 roles × 10 users × 5 units in one step: the preview counts, one transaction, one
    audit entry per change, and undo as a whole restores the state before."""
    service = AssignmentsService(migrated_db.session_factory)
    three = (world.roles["editor"], world.roles["author"], world.roles["reader"])
    service.add(world.admin, world.users[0], world.units[0], world.roles["editor"])
    edit = BulkEdit(False, three, tuple(world.users), tuple(world.units))
    preview = service.preview(world.admin, edit)
    assert (preview.to_add, preview.already_present, preview.to_remove) == (149, 1, 0)
    with migrated_db.session_factory() as session:
        audit_before = session.scalar(select(func.count()).select_from(AuditEntry))
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(migrated_db.engine, "before_cursor_execute", listener)
    try:
        change = service.apply(world.admin, edit)
    finally:
        event.remove(migrated_db.engine, "before_cursor_execute", listener)
    assert len(change.added) == 149
    assert len(statements) < 30  # set-based: not one statement per row
    with migrated_db.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(world.users))) == 150
        audit_after = session.scalar(select(func.count()).select_from(AuditEntry))
        assert audit_after - audit_before == 149
    service.revert(world.admin, change)
    with migrated_db.session_factory() as session:
        held = session.execute(
            select(RoleAssignment.user_id, RoleAssignment.org_unit_id, RoleAssignment.role_id).where(
                RoleAssignment.user_id.in_(world.users)
            )
        ).all()
        assert held == [(world.users[0], world.units[0], world.roles["editor"])]


def test_bulk_remove_preview_names_users_left_without_role(migrated_db: Any, world: World) -> None:
    """A2, R3: removing counts present / not present and names who would have no role anywhere."""
    service = AssignmentsService(migrated_db.session_factory)
    reader = world.roles["reader"]
    service.apply(world.admin, BulkEdit(False, (reader,), tuple(world.users[:3]), (world.units[0],)))
    service.add(world.admin, world.users[0], world.units[1], reader)
    edit = BulkEdit(True, (reader,), tuple(world.users[:4]), (world.units[0],))
    preview = service.preview(world.admin, edit)
    assert (preview.to_remove, preview.not_present) == (3, 1)
    assert preview.users_left_without_role == ("Nutzer 01", "Nutzer 02")
    change = service.apply(world.admin, edit)
    assert len(change.removed) == 3
    redo = service.revert(world.admin, change)
    assert len(redo.added) == 3
    with migrated_db.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.org_unit_id == world.units[0])) >= 3


def test_inherited_roles_are_shown_and_not_edited_here(migrated_db: Any, world: World) -> None:
    """A1, A6, A7: the grid shows inherited chips with their source; a direct role cannot join
    inherited ones in a unit, and an inherited one is not removed here."""
    service = AssignmentsService(migrated_db.session_factory)
    admin_id = world.admin.id or 0
    cells = service.cells(world.admin, [world.root, *world.units], [admin_id])
    assert cells[(world.root, admin_id)][0].inherited_from is None
    assert all(cells[(unit, admin_id)][0].inherited_from == world.root for unit in world.units)
    with pytest.raises(ValidationError, match="inherited"):
        service.add(world.admin, admin_id, world.units[0], world.roles["reader"])
    preview = service.preview(
        world.admin, BulkEdit(True, (world.roles["administrator"],), (admin_id,), (world.units[0],))
    )
    assert (preview.to_remove, preview.inherited_skipped) == (0, 1)


READER_CODES = tuple(sorted(PREDEFINED_BY_KEY["reader"].permissions))


def test_delegated_administration(migrated_db: Any, world: World) -> None:
    """S1: an operator assigns only in the units where they hold assignments.assign, and grants only
    roles whose permissions they hold there themselves."""
    service = AssignmentsService(migrated_db.session_factory)
    with migrated_db.session_factory.begin() as session:
        manager = Role(name="Bereichsleitung", name_key="bereichsleitung")
        session.add(manager)
        session.flush()
        session.execute(
            insert(RoleAssignment),
            [{"user_id": world.users[9], "role_id": manager.id, "org_unit_id": world.units[0]}],
        )
        for code in ("assignments.view", "assignments.assign", "assignments.bulk_edit", *READER_CODES):
            session.add(RolePermission(role_id=manager.id, permission_code=code))
    delegate = Operator(
        id=world.users[9],
        username="user9",
        permissions=frozenset({"assignments.view", "assignments.assign", "assignments.bulk_edit"}),
    )
    assert service.assignable_units(delegate) == {world.units[0]}
    service.add(delegate, world.users[1], world.units[0], world.roles["reader"])
    with pytest.raises(PermissionDeniedError, match="Süd"):
        service.add(delegate, world.users[1], world.units[1], world.roles["reader"])
    # Author needs contacts.edit, which the delegate does not hold in Nord: not theirs to grant.
    with pytest.raises(PermissionDeniedError, match="Autor"):
        service.add(delegate, world.users[1], world.units[0], world.roles["author"])
    with pytest.raises(PermissionDeniedError, match="Autor"):
        service.apply(delegate, BulkEdit(False, (world.roles["author"],), (world.users[3],), (world.units[0],)))
    with pytest.raises(PermissionDeniedError):
        service.preview(delegate, BulkEdit(False, (world.roles["reader"],), (world.users[2],), tuple(world.units)))
    reader = Operator(id=world.users[9], username="user9", permissions=frozenset({"assignments.view"}))
    with pytest.raises(PermissionDeniedError):
        service.add(reader, world.users[1], world.units[0], world.roles["author"])


def test_cancel_leaves_nothing(migrated_db: Any, world: World) -> None:
    """E3, S4: a cancelled bulk edit changes nothing."""
    service = AssignmentsService(migrated_db.session_factory)
    edit = BulkEdit(False, (world.roles["reader"],), tuple(world.users), tuple(world.units))
    with pytest.raises(OperationCancelledError):
        service.apply(world.admin, edit, cancel=lambda: True)
    with migrated_db.session_factory() as session:
        assert session.scalar(select(func.count()).where(RoleAssignment.user_id.in_(world.users))) == 0


def test_export_all_selection_and_one_user_read_back(migrated_db: Any, world: World, tmp_path: Path) -> None:
    """A3, S7: one row per (user, unit, role) with path, inherited and source; the filter selection
    and one user; header frozen, auto filter, formula characters neutralised; German labels."""
    service = AssignmentsService(migrated_db.session_factory)
    service.apply(
        world.admin,
        BulkEdit(False, (world.roles["reader"],), tuple(world.users[:2]), (world.units[0], world.units[4])),
    )
    german = {"User": "Benutzer", "Inherited": "Vererbt", "yes": "ja", "no": "nein"}
    everything = tmp_path / "alle.xlsx"
    rows = export_assignments(
        migrated_db.session_factory, world.admin, everything, translate=lambda t: german.get(t, t)
    )
    assert rows == 4 + 6  # four new rows; the admin's root row and five inherited ones
    sheet = openpyxl.load_workbook(everything).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == [german.get(h, h) for h in ASSIGNMENT_HEADERS]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    admin_rows = [v for v in values if v[1] == "chef@example.de"]
    assert admin_rows[0][4] == "nein" and admin_rows[0][5] is None
    assert all(v[4] == "ja" and v[5] == "Organisation" for v in admin_rows[1:])
    user_rows = [v for v in values if v[1] == "user0@example.de"]
    assert [v[2] for v in user_rows] == ["Organisation / Nord", "Organisation / =Zentrale"]
    assert all(v[3] == "Leser" and v[4] == "nein" for v in user_rows)

    selection = tmp_path / "auswahl.xlsx"
    assert (
        export_assignments(
            migrated_db.session_factory,
            world.admin,
            selection,
            unit_ids=[world.units[4]],
            user_ids=[world.users[1]],
        )
        == 1
    )
    [[_, email, path, role, inherited, source]] = [
        [c.value for c in row] for row in openpyxl.load_workbook(selection).active.iter_rows(min_row=2)
    ]
    assert (email, path, role, inherited, source) == (
        "user1@example.de",
        "Organisation / =Zentrale",
        "Leser",
        "no",
        None,
    )
    one = tmp_path / "einer.xlsx"
    assert export_assignments(migrated_db.session_factory, world.admin, one, user_id=world.users[0]) == 2


def test_export_neutralises_a_unit_that_starts_with_a_formula(migrated_db: Any, world: World, tmp_path: Path) -> None:
    """S7: a unit named "=Zentrale" at the start of a cell is written as text, not as a formula."""
    with migrated_db.session_factory.begin() as session:
        session.get(OrgUnit, world.units[4]).parent_id = None  # type: ignore[union-attr]
    service = AssignmentsService(migrated_db.session_factory)
    service.add(world.admin, world.users[0], world.units[4], world.roles["reader"])
    path = tmp_path / "formel.xlsx"
    export_assignments(migrated_db.session_factory, world.admin, path, user_id=world.users[0])
    cell = openpyxl.load_workbook(path).active.cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value != "=Zentrale" and str(cell.value).endswith("=Zentrale")


def test_delegation_through_an_inherited_assignment(migrated_db: Any, world: World) -> None:
    """S1: a role that reaches the operator's unit by inheritance gives the right to assign there."""
    service = AssignmentsService(migrated_db.session_factory)
    with migrated_db.session_factory.begin() as session:
        manager = Role(name="Bereichsleitung", name_key="bereichsleitung")
        session.add(manager)
        session.flush()
        session.execute(
            insert(RoleAssignment),
            [
                {
                    "user_id": world.users[8],
                    "role_id": manager.id,
                    "org_unit_id": world.units[2],
                    "inherited_from_id": world.root,
                }
            ],
        )
        for code in ("assignments.view", "assignments.assign", *READER_CODES):
            session.add(RolePermission(role_id=manager.id, permission_code=code))
    delegate = Operator(
        id=world.users[8], username="user8", permissions=frozenset({"assignments.view", "assignments.assign"})
    )
    assert service.assignable_units(delegate) == {world.units[2]}
    assert service.add(delegate, world.users[1], world.units[2], world.roles["reader"]).added
    with pytest.raises(PermissionDeniedError):
        service.add(delegate, world.users[1], world.units[3], world.roles["reader"])


def test_new_assignment_rows_are_the_constructors_rows() -> None:
    """Issue 8: the rows made without the dataclass's __init__ equal, hash and replace as the
    constructor's, and stay frozen."""
    at = dt.datetime(2026, 12, 3, 19, 0, tzinfo=dt.UTC)
    given = [(1, 2, 3, None), (1, 4, 3, 2), (5, 6, 7, 6)]
    made = new_assignment_rows(given, at, "admin")
    expected = [AssignmentRow(*values, at, "admin") for values in given]
    assert made == expected
    assert [hash(row) for row in made] == [hash(row) for row in expected]
    assert [row.key for row in made] == [row.key for row in expected]
    assert replace(made[1], org_unit_id=9) == AssignmentRow(1, 9, 3, 2, at, "admin")
    with pytest.raises(AttributeError):
        made[0].role_id = 8  # type: ignore[misc]
    assert new_assignment_rows([], at, None) == []
