"""One user's effective permissions in every unit, inheritance included, from one query (R3, A5;
issue 8): the index agrees with explain() unit by unit, and reading it takes as many statements for
60 units as for 3."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, select

from mandant_desktop.db.models import OrgUnit, Role, User, UserKind, UserStatus
from mandant_desktop.services.effective_permissions import EffectivePermissionsService
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService

SYSTEM = system_operator("test")


def _tree(db: Any, children: int) -> tuple[int, list[int], int, dict[str, int]]:
    """A root with ``children`` units below it, a grandchild under the first, and a user."""
    with db.session_factory.begin() as session:
        root = OrgUnit(name="Wurzel", depth=0)
        session.add(root)
        session.flush()
        rows = [{"name": f"Kind {n}", "parent_id": root.id, "depth": 1} for n in range(children)]
        kids = list(session.scalars(insert(OrgUnit).returning(OrgUnit.id), rows))
        grandchild = OrgUnit(name="Enkel", parent_id=kids[0], depth=2)
        session.add(grandchild)
        user = User(
            username=f"eff{children}", username_key=f"eff{children}", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE
        )
        session.add(user)
        session.flush()
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role)) if r.predefined_key}
        return root.id, [*kids, grandchild.id], user.id, roles


def test_the_index_agrees_with_explain_in_every_unit(migrated_db: Any) -> None:
    """R3, A5, A7: roles ticked to inherit at the root count in every unit below it; a role added
    after Edit roles in a child counts there only; a unit without roles allows nothing."""
    root, below, user, roles = _tree(migrated_db, 4)
    org = OrgUnitsService(migrated_db.session_factory)
    org.add_roles(SYSTEM, user, root, [roles["reader"]])
    org.set_inherit(SYSTEM, user, root, "keep")
    org.break_inheritance(SYSTEM, user, below[1])  # A7: the reader role becomes direct there
    org.add_roles(SYSTEM, user, below[1], [roles["editor"]])
    index = EffectivePermissionsService(migrated_db.session_factory).of_user(SYSTEM, user)
    for unit in [root, *below]:
        explained = {reason.permission for reason in org.explain(SYSTEM, user, unit).reasons if reason.granted}
        assert index.in_unit(unit) == explained, unit
        for permission in explained:
            assert index.allows(unit, permission)
    assert index.in_unit(below[1]) > index.in_unit(below[2])
    assert not index.allows(-1, "assignments.view")


def test_one_statement_for_any_number_of_units(migrated_db: Any) -> None:
    """Section 8: the read does not grow with the units the user holds roles in."""
    service = EffectivePermissionsService(migrated_db.session_factory)
    org = OrgUnitsService(migrated_db.session_factory)
    counts = []
    for size in (3, 60):
        root, _below, user, roles = _tree(migrated_db, size)
        org.add_roles(SYSTEM, user, root, [roles["editor"]])
        org.set_inherit(SYSTEM, user, root, "keep")
        statements: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any, seen: list[str] = statements) -> None:
            seen.append(statement)

        event.listen(migrated_db.engine, "before_cursor_execute", count)
        try:
            index = service.of_user(SYSTEM, user)
        finally:
            event.remove(migrated_db.engine, "before_cursor_execute", count)
        assert len(index.by_unit) == size + 2
        counts.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
    # the pairs and the roles' permissions; PostgreSQL's unit of work reads its session settings first
    assert counts[0] == counts[1] <= 3
