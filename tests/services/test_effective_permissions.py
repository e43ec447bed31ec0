"""One user's effective permissions in every unit, inheritance included, from one query (R3, A5;
issue 8): the index agrees with explain() unit by unit, reading it takes as many statements for
60 units as for 3, and lists the server cut short are read again row by row."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, insert, select

from mandant_desktop.db.models import OrgUnit, Role, User, UserKind, UserStatus
from mandant_desktop.services import effective_permissions as effective
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


def _two_roles_below(db: Any, children: int) -> tuple[EffectivePermissionsService, int, list[int]]:
    """A user with the reader role inherited from the root, and in two children (inheritance
    broken there, A7) the editor role besides."""
    root, below, user, roles = _tree(db, children)
    org = OrgUnitsService(db.session_factory)
    org.add_roles(SYSTEM, user, root, [roles["reader"]])
    org.set_inherit(SYSTEM, user, root, "keep")
    for unit in below[1:3]:  # not the first child: the grandchild stays below the inheritance
        org.break_inheritance(SYSTEM, user, unit)
        org.add_roles(SYSTEM, user, unit, [roles["editor"]])
    return EffectivePermissionsService(db.session_factory), user, [root, *below]


def test_lists_cut_short_are_read_row_by_row(migrated_db: Any, monkeypatch: Any) -> None:
    """Issue 8: a role whose aggregated units or codes did not come back whole (MariaDB's
    group_concat_max_len) is read row by row, and the index is the same."""
    service, user, units = _two_roles_below(migrated_db, 30)
    whole = service.of_user(SYSTEM, user)
    calls: list[int] = []

    def cut_every_second(value: object, count: int, dialect: str, convert: Any = str) -> list[Any] | None:
        calls.append(count)
        return None if len(calls) % 2 else effective.read_list(value, count, dialect, convert)

    monkeypatch.setattr(effective, "read_list", cut_every_second)
    assert dict(service.of_user(SYSTEM, user).by_unit) == dict(whole.by_unit)
    assert len(whole.by_unit) == len(units) and calls


def test_mariadb_group_concat_limit(migrated_db: Any) -> None:
    """Issue 8 on MariaDB: with group_concat_max_len at its minimum every list is cut by the server;
    the index still holds every unit."""
    if migrated_db.engine.dialect.name != "mysql":
        pytest.skip("group_concat_max_len is MariaDB's and MySQL's")
    service, user, units = _two_roles_below(migrated_db, 30)
    whole = dict(service.of_user(SYSTEM, user).by_unit)

    def shorten(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET SESSION group_concat_max_len = 4")

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(migrated_db.engine, "checkout", shorten)
    event.listen(migrated_db.engine, "before_cursor_execute", count)
    try:
        cut = service.of_user(SYSTEM, user)
    finally:
        event.remove(migrated_db.engine, "before_cursor_execute", count)
        event.remove(migrated_db.engine, "checkout", shorten)
        migrated_db.engine.dispose()  # no connection keeps the short limit
    assert dict(cut.by_unit) == whole
    assert len(whole) == len(units)
    assert any("group_concat" not in s and "role_assignment" in s for s in statements)  # read again
