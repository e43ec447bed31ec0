"""Org-unit changes are set-based: the number of SQL statements does not grow with the subtree
(issue 4, SPEC A5-A9, section 8); effective permissions agree with an independent RBAC engine (R3)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import casbin
from sqlalchemy import event, insert, select

from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, RolePermission, User, UserKind, UserStatus
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.effective_permissions import EffectivePermissionsService
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService

SYSTEM = system_operator("test")


def _build(db: Any, size: int) -> tuple[int, int, int, int, dict[str, int]]:
    """Two roots; under the first, unit X with ``size`` - 1 units below it, three levels deep;
    a user. Returns (other root, X, a child of X, user, roles by key)."""
    with db.session_factory.begin() as session:
        roots = []
        for name in ("Eins", "Zwei"):
            unit = OrgUnit(name=name, depth=0)
            session.add(unit)
            session.flush()
            roots.append(unit.id)
        top = OrgUnit(name="X", parent_id=roots[0], depth=1)
        session.add(top)
        session.flush()
        level, made, depth = [top.id], 1, 2
        while made < size:
            rows: list[dict[str, Any]] = []
            for parent in level:
                for _ in range(3):
                    if made + len(rows) < size:
                        rows.append({"name": f"U{made + len(rows)}", "parent_id": parent, "depth": depth})
            ids = list(session.scalars(insert(OrgUnit).returning(OrgUnit.id), rows))
            made += len(ids)
            level, depth = ids or level, depth + 1
        name = f"u{size}"
        user = User(username=name, username_key=name, kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(user)
        session.flush()
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role)) if r.predefined_key}
        child = session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id == top.id).order_by(OrgUnit.id).limit(1))
        return roots[1], top.id, child or top.id, user.id, roles


@contextmanager
def _counting(db: Any) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _statement_counts(db: Any, size: int) -> dict[str, int]:
    other, top, child, user, roles = _build(db, size)
    service = OrgUnitsService(db.session_factory)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("add roles", lambda: service.add_roles(SYSTEM, user, top, [roles["editor"]])),
        ("tick keep", lambda: service.set_inherit(SYSTEM, user, top, "keep")),
        ("add role at source", lambda: service.add_roles(SYSTEM, user, top, [roles["reader"]])),
        ("untick", lambda: service.clear_inherit(SYSTEM, user, top)),
        ("tick replace", lambda: service.set_inherit(SYSTEM, user, top, "replace")),
        ("break", lambda: service.break_inheritance(SYSTEM, user, child)),
        ("remove role", lambda: service.remove_role(SYSTEM, user, top, roles["reader"])),
        ("add unit", lambda: service.add(SYSTEM, child, "Neu")),
        ("move", lambda: service.move(SYSTEM, top, other)),
        ("impact", lambda: service.inherit_impact(SYSTEM, user, top, "replace")),
    ]
    counts: dict[str, int] = {}
    results: dict[str, Any] = {}

    def measure(name: str, step: Callable[[], Any]) -> Any:
        with _counting(db) as statements:
            result = step()
        counts[name] = len(statements)
        assert result is not None
        results[name] = result
        return result

    for name, step in steps:
        measure(name, step)
    # undo and redo of every kind of tree change (E7), each reverting the one before
    added = results["add unit"]
    measure("undo add unit", lambda: service.revert(SYSTEM, added))
    measure("redo add unit", lambda: service.revert(SYSTEM, results["undo add unit"]))
    measure("rename", lambda: service.rename(SYSTEM, top, "X neu"))
    measure("undo rename", lambda: service.revert(SYSTEM, results["rename"]))
    measure("revert move", lambda: service.revert(SYSTEM, results["move"]))
    measure("redo move", lambda: service.revert(SYSTEM, results["revert move"]))
    lifted = measure("delete, lifting the children", lambda: service.delete(SYSTEM, child, children="lift"))
    assert lifted.placements
    measure("undo delete, lifting", lambda: service.revert(SYSTEM, lifted))
    measure("redo delete, lifting", lambda: service.revert(SYSTEM, results["undo delete, lifting"]))
    gone = measure("delete subtree", lambda: service.delete(SYSTEM, top, children="delete"))
    measure("undo delete subtree", lambda: service.revert(SYSTEM, gone))
    measure("redo delete subtree", lambda: service.revert(SYSTEM, results["undo delete subtree"]))
    return counts


def test_statement_count_does_not_grow_with_the_subtree(migrated_db: Any) -> None:
    """Section 8, A5-A9, E7: every change on a 500-unit subtree takes exactly as many SQL statements
    as on a 10-unit subtree (recursive CTE reads, executemany writes); so do the undo and redo of
    adding, renaming, moving and deleting units (restoring a whole subtree, or its lifted children)."""
    small = _statement_counts(migrated_db, 10)
    large = _statement_counts(migrated_db, 500)
    assert small == large


# --------------------------------------------------------------------------- oracle

RBAC_WITH_DOMAINS = """
[request_definition]
r = sub, dom, obj

[policy_definition]
p = sub, obj

[role_definition]
g = _, _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub, r.dom) && r.obj == p.obj
"""


def test_effective_permissions_agree_with_casbin(migrated_db: Any, tmp_path: Any) -> None:
    """R3, A10, issue 8: for random inheritance on a random tree, explain() and the effective
    permissions index grant exactly what pycasbin's RBAC-with-domains enforcer grants when loaded
    with the same materialised assignments (g = user, role, unit; p = role, permission)."""
    rng = random.Random(4)
    other, _top, _child, user, roles = _build(migrated_db, 40)
    service = OrgUnitsService(migrated_db.session_factory)
    with migrated_db.session_factory() as session:
        units = list(session.scalars(select(OrgUnit.id).where(OrgUnit.id != other)))
    keys = sorted(roles)
    for _ in range(25):
        unit = rng.choice(units)
        action = rng.choice(["add", "add", "keep", "replace", "break", "clear", "remove"])
        try:
            if action == "add":
                service.add_roles(SYSTEM, user, unit, [roles[rng.choice(keys)]])
            elif action in ("keep", "replace"):
                service.set_inherit(SYSTEM, user, unit, "keep" if action == "keep" else "replace")
            elif action == "break":
                service.break_inheritance(SYSTEM, user, unit)
            elif action == "clear":
                service.clear_inherit(SYSTEM, user, unit)
            else:
                service.remove_role(SYSTEM, user, unit, roles[rng.choice(keys)])
        except Exception as exc:  # refusals of the rules (A6, A7) are part of a random walk
            assert type(exc).__name__ == "ValidationError", exc
    model = tmp_path / "rbac.conf"
    model.write_text(RBAC_WITH_DOMAINS)
    enforcer = casbin.Enforcer(str(model))
    with migrated_db.session_factory() as session:
        for role, code in session.execute(select(RolePermission.role_id, RolePermission.permission_code)):
            enforcer.add_policy(f"role:{role}", code)
        for holder, role, unit in session.execute(
            select(RoleAssignment.user_id, RoleAssignment.role_id, RoleAssignment.org_unit_id)
        ):
            enforcer.add_grouping_policy(f"user:{holder}", f"role:{role}", f"unit:{unit}")
    index = EffectivePermissionsService(migrated_db.session_factory).of_user(SYSTEM, user)
    granted_somewhere = 0
    for unit in units:
        explanation = service.explain(SYSTEM, user, unit)
        ours = {reason.permission for reason in explanation.reasons if reason.granted}
        theirs = {code for code in ADMIN_CODES if enforcer.enforce(f"user:{user}", f"unit:{unit}", code)}
        assert ours == theirs, unit
        assert index.in_unit(unit) == theirs, unit
        assert all(index.allows(unit, code) == (code in theirs) for code in ADMIN_CODES), unit
        granted_somewhere += bool(ours)
    assert granted_somewhere > 5


def test_one_users_rows_read_raw_equal_the_rows_read_through_their_types(migrated_db: Any) -> None:
    """Issue 8: ``_user_rows`` (the driver's tuples, the timestamp converted only for the rows kept)
    gives exactly what ``_rows`` gives through the columns' types, for the units kept."""
    from mandant_desktop.services.org_units import _rows, _user_rows

    _, top, child, user, roles = _build(migrated_db, 12)
    service = OrgUnitsService(migrated_db.session_factory)
    service.add_roles(SYSTEM, user, top, [roles["editor"], roles["reader"]])
    service.set_inherit(SYSTEM, user, top, "keep")
    with migrated_db.session_factory() as session:
        every = _rows(session, RoleAssignment.user_id == user)
        keep = {unit for _, unit, _ in every} - {child}
        assert len(every) == 24 and keep
        assert _user_rows(session, user, keep) == {key: row for key, row in every.items() if key[1] in keep}
        assert all(row.created_at.tzinfo is not None for row in _user_rows(session, user, keep).values())
