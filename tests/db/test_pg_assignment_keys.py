"""The foreign keys of ``role_assignment`` on PostgreSQL, kept per statement by revision 0011 (issue 8):
as strict as PostgreSQL's own constraints were — a missing user, role or unit is refused with
SQLSTATE 23503 and the constraint's name, deleting a user, role or unit deletes their assignments,
an id still referenced cannot change, a referenced table cannot be truncated, and a concurrent
delete of a referenced row waits for the inserting transaction (or makes it fail). Revision 0020
reads the statement's new rows once (and each referenced table once); the rules stay those of 0011."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from dbhelpers import MigratedDatabase, app_login, auto_explained, migrated_database
from psycopg import errors
from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from tenanthelpers import add_user

from mandant_desktop.db import migrate
from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, User

#: the rows locked by each LockRows node of an auto_explain plan
LOCKED = re.compile(r"LockRows  \(cost=[^)]*\) \(actual time=\S+ rows=(\d+) ")
KEYS = {
    "user_id": "fk_role_assignment_user_id_app_user",
    "role_id": "fk_role_assignment_role_id_role",
    "org_unit_id": "fk_role_assignment_org_unit_id_org_unit",
    "inherited_from_id": "fk_role_assignment_inherited_from_id_org_unit",
}


@dataclass
class World:
    db: MigratedDatabase
    user: int
    role: int
    top: int
    child: int


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with migrated_database("postgresql", tmp_path) as db:
        user = add_user(db.session_factory, "kim")
        with db.session_factory.begin() as session:
            top = OrgUnit(name="Zentrale")
            role = Role(name="Prüfrolle", name_key="prüfrolle")
            session.add_all([top, role])
            session.flush()
            child = OrgUnit(name="Filiale", parent_id=top.id, depth=1)
            session.add(child)
            session.flush()
            ids = (role.id, top.id, child.id)
        yield World(db, user, *ids)


def _row(w: World, **values: int | None) -> dict[str, int | None]:
    return {"user_id": w.user, "role_id": w.role, "org_unit_id": w.child, "inherited_from_id": w.top, **values}


def _count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(RoleAssignment)) or 0


def _constraint(exc: pytest.ExceptionInfo[DBAPIError]) -> str | None:
    diag = getattr(exc.value.orig, "diag", None)
    return getattr(diag, "constraint_name", None)


def test_the_constraints_are_replaced_by_statement_triggers(world: World) -> None:
    with world.db.engine.connect() as conn:
        constraints = set(
            conn.scalars(
                text("SELECT conname FROM pg_constraint WHERE conrelid = 'role_assignment'::regclass AND contype = 'f'")
            )
        )
        triggers = set(
            conn.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'mandant_%keys%'"))
        )
    assert constraints == set()
    assert {"mandant_assignment_keys_insert", "mandant_assignment_keys_update"} <= triggers


@pytest.mark.parametrize("column", sorted(KEYS))
def test_a_missing_key_is_refused_with_the_constraints_name(world: World, column: str) -> None:
    """One bad row among good ones: the whole statement fails as PostgreSQL's own check failed it."""
    good = [_row(world), _row(world, org_unit_id=world.top, inherited_from_id=None)]
    with world.db.engine.connect() as conn:
        # an executemany: one statement per row, the second fails
        with pytest.raises(IntegrityError) as exc:
            conn.execute(insert(RoleAssignment), [good[0], {**good[1], column: 999_999}])
        assert isinstance(exc.value.orig, errors.ForeignKeyViolation)
        assert _constraint(exc) == KEYS[column]
        assert f"Key ({column})=(999999) is not present" in str(exc.value)
        conn.rollback()
        # one statement of many rows (as the services' unnest INSERT)
        with pytest.raises(IntegrityError) as exc:
            conn.execute(insert(RoleAssignment).values([good[0], {**good[1], column: 999_999}]))
        assert _constraint(exc) == KEYS[column]
        conn.rollback()
        conn.execute(insert(RoleAssignment), good)
        assert _count(conn) == 2
        # an update that points a row at a missing key is refused too
        with pytest.raises(IntegrityError) as exc:
            conn.execute(
                text(f"UPDATE role_assignment SET {column} = 999999 WHERE org_unit_id = :child"), {"child": world.child}
            )
        assert _constraint(exc) == KEYS[column]
        conn.rollback()


def test_the_application_role_gets_the_same_refusal(world: World) -> None:
    """The check runs as the owner (as PostgreSQL's did): the non-owner login of revision 0005 sees
    the key error, not a missing right."""
    with app_login(world.db, "mandant_keys") as app, app.connect() as conn:
        with pytest.raises(IntegrityError) as exc:
            conn.execute(insert(RoleAssignment), [_row(world, user_id=999_999)])
        assert _constraint(exc) == KEYS["user_id"]


def test_deleting_a_user_role_or_unit_deletes_their_assignments(world: World) -> None:
    """ON DELETE CASCADE, for every key: a unit takes the rows in it and the rows inherited from it."""
    engine = world.db.engine
    with engine.begin() as conn:
        other = conn.scalar(insert(User).values(username="ole", username_key="ole").returning(User.id))
        third = conn.scalar(insert(OrgUnit).values(name="Lager").returning(OrgUnit.id))
        conn.execute(
            insert(RoleAssignment),
            [
                _row(world),  # in child, inherited from top
                _row(world, org_unit_id=third, inherited_from_id=None),
                _row(world, user_id=other, org_unit_id=third, inherited_from_id=None),
            ],
        )
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM org_unit WHERE id = :id"), {"id": world.child})
        assert _count(conn) == 2
        conn.execute(text("DELETE FROM app_user WHERE id = :id"), {"id": other})
        assert _count(conn) == 1
        conn.execute(text("DELETE FROM role WHERE id = :id"), {"id": world.role})
        assert _count(conn) == 0
    with engine.begin() as conn:
        conn.execute(insert(RoleAssignment), [_row(world, org_unit_id=third, role_id=_any_role(conn))])
        # inherited_from_id alone: the row in another unit goes with its source
        conn.execute(text("UPDATE role_assignment SET inherited_from_id = :top"), {"top": world.top})
        conn.execute(text("DELETE FROM org_unit WHERE id = :id"), {"id": world.top})
        assert _count(conn) == 0


def _any_role(conn: Connection) -> int:
    return conn.scalar(select(Role.id).order_by(Role.id).limit(1)) or 0


def test_a_referenced_id_cannot_change_and_a_referenced_table_cannot_be_truncated(world: World) -> None:
    with world.db.engine.begin() as conn:
        conn.execute(insert(RoleAssignment), [_row(world)])
        conn.execute(text("UPDATE app_user SET username = 'kim2'"))  # other columns: no check
    for table, row_id in (("app_user", world.user), ("org_unit", world.top), ("org_unit", world.child)):
        with world.db.engine.connect() as conn:
            with pytest.raises(IntegrityError) as exc:
                conn.execute(text(f"UPDATE {table} SET id = 999999 WHERE id = :id"), {"id": row_id})
            assert "still referenced" in str(exc.value)
    with world.db.engine.connect() as conn:
        conn.execute(text("DELETE FROM role_permission WHERE role_id = :r"), {"r": world.role})
        with pytest.raises(IntegrityError):
            conn.execute(text("UPDATE role SET id = 999999 WHERE id = :id"), {"id": world.role})
        conn.rollback()
        with pytest.raises(DBAPIError) as truncated:
            conn.execute(text("TRUNCATE org_unit CASCADE"))
        assert isinstance(truncated.value.orig, errors.FeatureNotSupported)
        conn.rollback()
        conn.execute(text("DELETE FROM role_assignment"))
        conn.execute(text("UPDATE org_unit SET id = 999999 WHERE id = :id"), {"id": world.child})  # no longer named
        conn.rollback()


def _lock_timeout(conn: Connection) -> None:
    conn.execute(text("SET LOCAL lock_timeout = '300ms'"))


def test_a_unit_being_used_cannot_be_deleted_until_the_user_of_it_ends(world: World) -> None:
    """The inserting transaction holds the units it names (FOR KEY SHARE): a concurrent delete waits;
    once the insert is committed, the delete takes the new rows with it."""
    engine = world.db.engine
    with engine.connect() as inserting, engine.connect() as deleting:
        inserting.execute(insert(RoleAssignment), [_row(world)])
        _lock_timeout(deleting)
        with pytest.raises(DBAPIError) as waited:
            deleting.execute(text("DELETE FROM org_unit WHERE id = :id"), {"id": world.child})
        assert isinstance(waited.value.orig, errors.LockNotAvailable)
        deleting.rollback()
        inserting.commit()
        deleting.execute(text("DELETE FROM org_unit WHERE id = :id"), {"id": world.child})
        deleting.commit()
        assert _count(deleting) == 0


def test_an_insert_naming_a_unit_deleted_meanwhile_fails(world: World) -> None:
    """The other way round: the insert waits for the deleting transaction and then finds the unit gone."""
    engine = world.db.engine
    with engine.connect() as deleting, engine.connect() as inserting:
        deleting.execute(text("DELETE FROM org_unit WHERE id = :id"), {"id": world.child})
        _lock_timeout(inserting)
        with pytest.raises(DBAPIError) as waited:
            inserting.execute(insert(RoleAssignment), [_row(world)])
        assert isinstance(waited.value.orig, errors.LockNotAvailable)
        inserting.rollback()
        deleting.commit()
        with pytest.raises(IntegrityError) as exc:
            inserting.execute(insert(RoleAssignment), [_row(world)])
        assert _constraint(exc) == KEYS["org_unit_id"]


def test_downgrade_puts_the_constraints_back_and_upgrade_replaces_them_again(world: World) -> None:
    engine: Engine = world.db.engine
    with engine.begin() as conn:
        conn.execute(insert(RoleAssignment), [_row(world)])
        command.downgrade(migrate.alembic_config(conn), "0010_pg_customer_search_rls")
    with engine.connect() as conn:
        found = set(
            conn.scalars(
                text("SELECT conname FROM pg_constraint WHERE conrelid = 'role_assignment'::regclass AND contype = 'f'")
            )
        )
        assert found == set(KEYS.values())
        with pytest.raises(IntegrityError):
            conn.execute(insert(RoleAssignment), [_row(world, role_id=999_999)])
        conn.rollback()
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    test_the_constraints_are_replaced_by_statement_triggers(world)
    with engine.connect() as conn:
        assert _count(conn) == 1
        with pytest.raises(IntegrityError):
            conn.execute(insert(RoleAssignment), [_row(world, role_id=999_999)])


def _units(w: World, count: int) -> list[int]:
    """``count`` more org units under the top unit."""
    with w.db.engine.begin() as conn:
        return list(
            conn.scalars(
                insert(OrgUnit).returning(OrgUnit.id),
                [{"name": f"Einheit {i}", "parent_id": w.top, "depth": 1} for i in range(count)],
            )
        )


def test_a_statement_of_many_rows_names_the_first_broken_key_and_its_lowest_value(world: World) -> None:
    """I1/R2, issue 8 (revision 0020): in one statement of 300 rows, several missing values in
    several keys: the error names the first key in the constraints' order (user, role, unit, unit
    inherited from) and that key's lowest missing value, as revision 0011 did; the same values
    among good ones, repeated, or a source that is also a unit of the statement, pass."""
    units, second = _units(world, 150), _role(world)
    good = [_row(world, org_unit_id=u) for u in units] + [_row(world, org_unit_id=u, role_id=second) for u in units]
    bad = {
        "user_id": [999_997, 999_996],
        "role_id": [999_995, 999_998],
        "org_unit_id": [999_993, 999_994],
        "inherited_from_id": [999_992, 999_999],
    }
    with world.db.engine.connect() as conn:
        for first, column in enumerate(KEYS):
            broken = list(KEYS)[first:]
            rows = [dict(r) for r in good]
            for position, name in enumerate(broken):
                for offset, value in enumerate(bad[name]):
                    rows[40 * position + 7 * offset][name] = value
            with pytest.raises(IntegrityError) as exc:
                conn.execute(insert(RoleAssignment).values(rows))
            assert _constraint(exc) == KEYS[column]
            assert f"Key ({column})=({min(bad[column])}) is not present" in str(exc.value)
            conn.rollback()
        # a source that is also a unit of the statement, rows without a source, repeated values
        rows = [*good, _row(world, org_unit_id=world.top, inherited_from_id=None)]
        rows += [_row(world, org_unit_id=world.child, inherited_from_id=units[0])]
        conn.execute(insert(RoleAssignment).values(rows))
        assert _count(conn) == len(rows)
        conn.rollback()


def _role(w: World) -> int:
    with w.db.engine.begin() as conn:
        return conn.scalar(insert(Role).values(name="Zweitrolle", name_key="zweitrolle").returning(Role.id)) or 0


def test_the_check_reads_the_new_rows_once(world: World) -> None:
    """Issue 8 (revision 0020): the key check scans the statement's transition table once, however
    many keys and rows it checks (0011 scanned it eight times), and its locking query is planned for
    the statement's real values (``EXECUTE``), small statements first or large ones; auto_explain
    shows it."""
    units = _units(world, 120)
    with auto_explained(world.db.engine) as (conn, plans):
        for _ in range(6):
            for count in (1, len(units)):
                plans.clear()
                conn.execute(insert(RoleAssignment).values([_row(world, org_unit_id=u) for u in units[:count]]))
                conn.rollback()
                checks = [p for p in plans if "new_rows" in p and "role_assignment ra" not in p]
                scans = sum(p.count("Named Tuplestore Scan") for p in checks)
                assert scans == 1, (count, checks)
                # one scan per referenced table, for the statement's own values: its user, its
                # role, its units and the unit they inherit from
                (lock,) = [p for p in plans if "FOR KEY SHARE" in p]
                assert LOCKED.findall(lock) == ["1", "1", str(count + 1)], lock
                assert "= ANY ('{" in lock


def test_the_downgrade_to_0019_restores_the_check_of_0011(world: World) -> None:
    definition = text("SELECT pg_get_functiondef('mandant_assignment_keys'::regproc)")
    with world.db.engine.begin() as conn:
        assert "array_agg(DISTINCT" in conn.scalar(definition)
        command.downgrade(migrate.alembic_config(conn), "0019_customer_search_short")
        old = conn.scalar(definition)
        assert "array_agg" not in old and "count(DISTINCT k.id)" in old and "SECURITY DEFINER" in old
    with world.db.engine.connect() as conn:
        with pytest.raises(IntegrityError) as exc:
            conn.execute(insert(RoleAssignment), [_row(world, inherited_from_id=999_999)])
        assert _constraint(exc) == KEYS["inherited_from_id"]
        conn.rollback()
    with world.db.engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
        assert "array_agg(DISTINCT" in conn.scalar(definition)
