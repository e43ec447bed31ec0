"""Sorted lists read from indexes, not from a sort of all rows (SPEC section 8; issue 8), on all
three backends: the users list (revision 0015, SPEC U1), the outbox (revision 0017, U4) and the
contacts list's index (revision 0025; its plans: tests/services/test_contacts.py)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from alembic import command
from alembic.script import ScriptDirectory
from dbhelpers import MigratedDatabase
from sqlalchemy import Connection, Engine, event, insert, text
from tenanthelpers import CHEF

from mandant_desktop.db import contact_order, migrate, tables, user_order
from mandant_desktop.db.models import MailStatus, OutboxMail, User, UserKind, UserStatus
from mandant_desktop.services.auth import AuthService
from mandant_desktop.services.mail import MailService
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.users import UserSort, UsersService

OUTBOX_INDEX = "ix_outbox_mail_created_at"
ADMIN = CHEF
#: (user name, first name, last name, kind): case and equal last names on purpose
PEOPLE = [
    ("abraun", "anna", "braun", UserKind.INTERNAL),
    ("bbraun", "Bert", "Braun", UserKind.EXTERNAL),
    ("cbraun", "Carl", "BRAUN", UserKind.INTERNAL),
    ("dacker", "Dora", "acker", UserKind.EXTERNAL),
    ("eacker", "dora", "Acker", UserKind.INTERNAL),
    ("fzorn", "Finn", "Zorn", UserKind.INTERNAL),
]


def _users(db: MigratedDatabase) -> tuple[UsersService, Operator]:
    admin = AuthService(db.session_factory).create_first_admin(ADMIN)
    with db.engine.begin() as conn:
        conn.execute(
            insert(User.__table__),
            [
                {
                    "username": name,
                    "username_key": name,
                    "first_name": first,
                    "last_name": last,
                    "kind": kind,
                    "status": UserStatus.ACTIVE,
                }
                for name, first, last, kind in PEOPLE
            ],
        )
    return UsersService(db.session_factory), admin


@contextmanager
def _statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", grab)


def _revision_before() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    before = script.get_revision(user_order.REVISION).down_revision
    assert isinstance(before, str)
    return before


def _index_names(conn: Connection, table: str = "app_user") -> set[str]:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        query = f"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}'"
    elif dialect == "postgresql":
        query = f"SELECT indexname FROM pg_indexes WHERE tablename = '{table}'"
    else:
        query = (
            "SELECT DISTINCT index_name FROM information_schema.statistics"
            f" WHERE table_schema = DATABASE() AND table_name = '{table}'"
        )
    return {str(name) for name in conn.exec_driver_sql(query).scalars()}


def _plan(conn: Connection, statement: str, parameters: Any, index: str) -> str:
    """The plan of a list's statement, with the backend's sort made as dear as possible: a plan
    that still sorts has no index that gives the order (on MariaDB: ``index``, see below)."""
    dialect = conn.dialect.name
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    if dialect == "sqlite":
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(str(row[3]) for row in cursor.fetchall())
    if dialect == "postgresql":
        cursor.execute("SET enable_sort = off")
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        return "\n".join(str(row[0]) for row in cursor.fetchall())
    # MariaDB chooses a filesort for a handful of rows whatever the indexes: forced to the
    # index, it needs none exactly when the index holds the ORDER BY.
    table = "outbox_mail" if index == OUTBOX_INDEX else "app_user"
    forced = re.sub(rf"\bFROM\s+{table}\b", f"FROM {table} FORCE INDEX ({index})", statement, count=1)
    cursor.execute("EXPLAIN " + forced, parameters)
    return "\n".join(" ".join(str(v) for v in row) for row in cursor.fetchall())


def test_the_name_and_kind_orders_are_read_from_an_index(migrated_db: MigratedDatabase) -> None:
    """U1, section 8: by name (case ignored, then first name, then user name) and by kind then name,
    both ways, in the order of an index and without a sort of all users."""
    users, admin = _users(migrated_db)
    ascending = ["dacker", "eacker", "abraun", "bbraun", "cbraun", "chef", "fzorn"]
    by_kind = ["dacker", "bbraun", "eacker", "abraun", "cbraun", "chef", "fzorn"]  # "external" < "internal"
    expected = {UserSort.NAME: ascending, UserSort.KIND: by_kind}
    for sort, order in expected.items():
        for descending in (False, True):
            with _statements(migrated_db.engine) as seen:
                rows = users.page(admin, sort=sort, descending=descending)
            assert [r.username for r in rows] == (order[::-1] if descending else order), (sort, descending)
            window = users.page(admin, sort=sort, descending=descending, offset=2, limit=3)
            assert [r.username for r in window] == (order[::-1] if descending else order)[2:5]
            statement, parameters = next((s, p) for s, p in seen if "ORDER BY" in s and "FROM app_user" in s)
            index = user_order.KIND_INDEX if sort is UserSort.KIND else user_order.NAME_INDEX
            with migrated_db.engine.connect() as conn:
                plan = _plan(conn, statement, parameters, index)
            assert "TEMP B-TREE" not in plan and "Sort" not in plan and "filesort" not in plan, plan
            assert index in plan, plan


def test_the_e_mail_order_reads_its_unique_index_both_ways(migrated_db: MigratedDatabase) -> None:
    """U1: e-mail addresses are unique but may be missing; descending, the tie-breaking id goes
    down too, so that the unique index serves both ways (SQLite used to sort for the id)."""
    users, admin = _users(migrated_db)
    for descending in (False, True):
        with _statements(migrated_db.engine) as seen:
            users.page(admin, sort=UserSort.EMAIL, descending=descending)
        if migrated_db.engine.dialect.name == "sqlite":
            statement, parameters = next((s, p) for s, p in seen if "ORDER BY" in s and "FROM app_user" in s)
            with migrated_db.engine.connect() as conn:
                assert "TEMP B-TREE" not in _plan(conn, statement, parameters, "")


def test_the_order_indexes_come_and_go_with_their_revision(migrated_db: MigratedDatabase) -> None:
    """S9: revision 0015 adds the indexes (on MariaDB with their virtual columns) and its downgrade
    removes them; the users are untouched either way."""
    engine = migrated_db.engine
    users, admin = _users(migrated_db)
    before = [r.username for r in users.page(admin)]
    ours = {user_order.NAME_INDEX, user_order.KIND_INDEX}
    with engine.connect() as conn:
        assert ours <= _index_names(conn)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), _revision_before())
    with engine.connect() as conn:
        assert not ours & _index_names(conn)
        columns = set(map(str, conn.execute(text("SELECT * FROM app_user WHERE 1 = 0")).keys()))
        assert not set(user_order.MARIADB_COLUMNS) & columns
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    with engine.connect() as conn:
        assert ours <= _index_names(conn)
        # Invisible on MariaDB: SELECT * and the models never see them.
        columns = set(map(str, conn.execute(text("SELECT * FROM app_user WHERE 1 = 0")).keys()))
        assert not set(user_order.MARIADB_COLUMNS) & columns
    assert [r.username for r in users.page(admin)] == before


def test_the_outbox_is_read_newest_first_from_its_index(migrated_db: MigratedDatabase) -> None:
    """U4, section 8: the outbox's windows, newest first, come from the index of revision 0017."""
    _users_service, admin = _users(migrated_db)
    moments = ["2026-11-20 08:00:00", "2026-11-22 09:30:00", "2026-11-21 12:00:00", "2026-11-22 09:30:00"]
    with migrated_db.engine.begin() as conn:
        conn.execute(
            insert(OutboxMail.__table__),
            [
                {
                    "created_at": dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC),
                    "recipient": f"m{n}@example.de",
                    "subject": "Test",
                    "body": "",
                    "status": MailStatus.OUTBOX,
                }
                for n, at in enumerate(moments)
            ],
        )
    mail = MailService(migrated_db.session_factory, MemorySecretStore)
    with _statements(migrated_db.engine) as seen:
        rows = mail.outbox_page(admin, 0, 3)
    assert [r.recipient for r in rows] == ["m3@example.de", "m1@example.de", "m2@example.de"]
    statement, parameters = next((s, p) for s, p in seen if "FROM outbox_mail" in s)
    with migrated_db.engine.connect() as conn:
        plan = _plan(conn, statement, parameters, OUTBOX_INDEX)
    assert "TEMP B-TREE" not in plan and "Sort" not in plan and "filesort" not in plan, plan
    assert OUTBOX_INDEX in plan, plan


def test_the_contact_order_index_comes_and_goes_with_its_revision(migrated_db: MigratedDatabase) -> None:
    """S9, section 8: revision 0025 adds the contacts list's order index (on MariaDB with its
    invisible virtual columns) and its downgrade removes them."""
    engine = migrated_db.engine
    ours = {tables.CONTACT_ORDER_INDEX, contact_order.MARIADB_INDEX}

    def state() -> tuple[set[str], set[str]]:
        with engine.connect() as conn:
            names = _index_names(conn, "contact")
            columns = set(map(str, conn.execute(text("SELECT * FROM contact WHERE 1 = 0")).keys()))
            if conn.dialect.name in ("mysql", "mariadb"):
                columns |= set(
                    conn.exec_driver_sql(
                        "SELECT column_name FROM information_schema.columns"
                        " WHERE table_schema = DATABASE() AND table_name = 'contact'"
                    ).scalars()
                )
        return names & ours, columns & set(contact_order.MARIADB_COLUMNS)

    mariadb = engine.dialect.name in ("mysql", "mariadb")
    expected = (
        ({contact_order.MARIADB_INDEX}, set(contact_order.MARIADB_COLUMNS))
        if mariadb
        else ({tables.CONTACT_ORDER_INDEX}, set())
    )
    assert state() == expected
    script = ScriptDirectory.from_config(migrate.alembic_config())
    before = script.get_revision(contact_order.REVISION).down_revision
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), str(before))
    assert state() == (set(), set())
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    assert state() == expected
    with engine.connect() as conn:  # invisible: SELECT * does not see them
        assert not set(contact_order.MARIADB_COLUMNS) & set(conn.execute(text("SELECT * FROM contact")).keys())
