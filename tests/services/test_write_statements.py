"""Issue 8: the write paths that change many rows take as many statements for many rows as for a
few, counted as the server runs them (``bench.harness.counting(as_the_server_runs=True)``: on
PostgreSQL every row of an executemany is a statement of its own and fires the statement-level
triggers of revisions 0009, 0011 and 0012 once; on MariaDB so is every row of an executemany that
is not an INSERT). A bulk edit of the assignment grid and its undo
and redo, a save of the access matrix (new, changed and removed cells), and ticking and unticking
inheritance."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dbhelpers import MigratedDatabase
from sqlalchemy import insert, select
from tenanthelpers import add_tenants, add_users, operator

from bench.harness import counting
from mandant_desktop.db.models import OrgUnit, Role
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import HIDDEN, Access
from mandant_desktop.services.access import AccessService
from mandant_desktop.services.assignments import AssignmentsService, BulkEdit
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService

SYSTEM = system_operator("test")


def _units(db: MigratedDatabase, prefix: str, count: int) -> tuple[int, list[int]]:
    """A top unit with ``count`` children."""
    with db.session_factory.begin() as session:
        top = OrgUnit(name=prefix)
        session.add(top)
        session.flush()
        rows = [{"name": f"{prefix}{i}", "parent_id": top.id, "depth": 1} for i in range(count)]
        return top.id, list(session.scalars(insert(OrgUnit).returning(OrgUnit.id, sort_by_parameter_order=True), rows))


def _counted(db: MigratedDatabase, steps: list[tuple[str, Callable[[], Any]]]) -> dict[str, int]:
    counts = {}
    for name, step in steps:
        with counting(db.engine, as_the_server_runs=True) as statements:
            step()
        counts[name] = len(statements)
    return counts


def _grid_counts(db: MigratedDatabase, users: int, units: int) -> dict[str, int]:
    service = AssignmentsService(db.session_factory)
    user_ids = add_users(db.session_factory, f"g{users}x", users)
    _, unit_ids = _units(db, f"G{users}", units)
    with db.session_factory() as session:
        reader = session.scalar(select(Role.id).where(Role.predefined_key == "reader"))
    assert reader is not None
    add = BulkEdit(False, (reader,), tuple(user_ids), tuple(unit_ids))
    remove = BulkEdit(True, (reader,), tuple(user_ids), tuple(unit_ids))
    done: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("bulk add", lambda: done.update(add=service.apply(SYSTEM, add))),
        ("undo the add", lambda: done.update(undo=service.revert(SYSTEM, done["add"]))),
        ("redo the add", lambda: service.revert(SYSTEM, done["undo"])),
        ("bulk remove", lambda: done.update(remove=service.apply(SYSTEM, remove))),
        ("undo the remove", lambda: service.revert(SYSTEM, done["remove"])),
    ]
    counts = _counted(db, steps)
    assert len(done["add"].added) == len(done["remove"].removed) == users * units
    return counts


def test_a_bulk_edit_and_its_undo_take_as_many_statements_for_1000_rows_as_for_6(
    migrated_db: MigratedDatabase,
) -> None:
    """A2, E7, issue 8: one INSERT and one DELETE however many cells (one per 10,000 rows)."""
    assert _grid_counts(migrated_db, 2, 3) == _grid_counts(migrated_db, 20, 50)


def _matrix_counts(db: MigratedDatabase, users: int) -> dict[str, int]:
    service = AccessService(db.session_factory)
    (tenant,) = add_tenants(db.session_factory, f"Mandant {users}")
    user_ids = add_users(db.session_factory, f"m{users}x", users)
    read, full = Access(Level.READ_ONLY), Access(Level.FULL, True)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("grant", lambda: service.save(SYSTEM, {(tenant, u): (HIDDEN, read) for u in user_ids})),
        ("change", lambda: service.save(SYSTEM, {(tenant, u): (read, full) for u in user_ids})),
        ("mixed", lambda: service.save(SYSTEM, _mixed(tenant, user_ids, full))),
    ]
    return _counted(db, steps)


def _mixed(tenant: int, users: list[int], full: Access) -> dict[tuple[int, int], tuple[Access, Access]]:
    """A third of the cells hidden again, a third read-only, a third unchanged in level but private off."""
    targets = (HIDDEN, Access(Level.READ_ONLY), Access(Level.FULL))
    return {(tenant, u): (full, targets[i % 3]) for i, u in enumerate(users)}


def test_saving_the_access_matrix_takes_as_many_statements_for_300_cells_as_for_3(
    migrated_db: MigratedDatabase,
) -> None:
    """T2, issue 8: new, changed and removed cells each in one statement (on PostgreSQL the
    statement-level check of revision 0012 runs once per statement)."""
    assert _matrix_counts(migrated_db, 3) == _matrix_counts(migrated_db, 300)


def _inherit_counts(db: MigratedDatabase, units: int, *, delegated: bool = False) -> dict[str, int]:
    """``delegated``: ticked by an operator who holds the administrator role at the top and, through
    inheritance, in every unit below (the delegation check of S1 runs), not by the system."""
    service = OrgUnitsService(db.session_factory)
    user, boss = add_users(db.session_factory, f"i{units}{'d' if delegated else ''}x", 2)
    top, _ = _units(db, f"I{units}{'d' if delegated else ''}", units)
    with db.session_factory() as session:
        roles = {key: session.scalar(select(Role.id).where(Role.predefined_key == key)) for key in ("reader", "editor")}
        admin = session.scalar(select(Role.id).where(Role.predefined_key == "administrator"))
    assert roles["reader"] is not None and roles["editor"] is not None and admin is not None
    op = SYSTEM
    if delegated:
        service.add_roles(SYSTEM, boss, top, [admin])
        service.set_inherit(SYSTEM, boss, top, "keep")
        op = operator(boss, "boss")
    service.add_roles(op, user, top, [roles["reader"], roles["editor"]])
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("tick", lambda: service.set_inherit(op, user, top, "keep")),
        ("untick", lambda: service.clear_inherit(op, user, top)),
    ]
    return _counted(db, steps)


def test_ticking_inheritance_takes_as_many_statements_for_500_units_as_for_5(migrated_db: MigratedDatabase) -> None:
    """A5, issue 8: counted as the server runs them (tests/services/test_org_units_scale.py counts
    the application's calls)."""
    assert _inherit_counts(migrated_db, 5) == _inherit_counts(migrated_db, 500)


def test_ticking_inheritance_as_a_delegate_takes_as_many_statements_for_500_units_as_for_5(
    migrated_db: MigratedDatabase,
) -> None:
    """A5, S1, issue 8: the same with the delegation check, as the bench's inherit_toggle ticks
    (the logged-in administrator, whose roles in every unit of the subtree are read at once)."""
    assert _inherit_counts(migrated_db, 5, delegated=True) == _inherit_counts(migrated_db, 500, delegated=True)


def test_ticking_inheritance_takes_as_many_statements_whichever_way_the_users_rows_are_read(
    migrated_db: MigratedDatabase, monkeypatch: Any
) -> None:
    """Issue 8: below 1,000 units the user's rows are read against the subtree's walk, from there
    on by user (services.org_units._READ_BY_USER_FROM, lowered here to 100): as many statements."""
    from mandant_desktop.services import org_units

    small = _inherit_counts(migrated_db, 5, delegated=True)
    monkeypatch.setattr(org_units, "_READ_BY_USER_FROM", 100)
    assert _inherit_counts(migrated_db, 500, delegated=True) == small
