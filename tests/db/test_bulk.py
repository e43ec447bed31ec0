"""Bulk writing (issue 8): ``COPY`` on PostgreSQL writes what the ``INSERT`` writes, falls back where
it would not, and keys checked at the end of a bulk load are checked as strictly as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from dbhelpers import MigratedDatabase, app_login
from sqlalchemy import Connection, Table, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError
from tenanthelpers import add_tenants, add_user, grant

from mandant_desktop.db import bulk
from mandant_desktop.db.models import AccessLevel, AuditEntry, Contact, Customer, OrgUnit, Role, RoleAssignment
from mandant_desktop.services.demo import generate_demo
from mandant_desktop.services.demo import generator as demo_generator

AT = dt.datetime(2026, 12, 3, 8, 15, 30, tzinfo=dt.UTC)


def _audit_rows() -> list[dict[str, Any]]:
    """Values that need the columns' bind processors: JSON, aware datetimes, None."""
    return [
        {
            "at": AT + dt.timedelta(seconds=i),
            "operator_name": "bulk",
            "workstation": "ws\t1",  # COPY's delimiter inside a value
            "object_type": "Test",
            "object_id": str(i),
            "action": "create",
            "summary": "Zeile\nmit Umbruch und \\ und Ä" if i % 2 else "",
            "changes": {"name": [None, f"Wert {i}"], "list": [1, 2.5, True]} if i % 3 else None,
        }
        for i in range(25)
    ]


def _read(conn: Connection, table: Table) -> list[tuple[Any, ...]]:
    columns = [c for c in table.columns if c.name != "id"]
    return [tuple(row) for row in conn.execute(select(*columns).order_by(table.c.id))]


def test_insert_rows_writes_what_an_insert_writes(migrated_db: MigratedDatabase) -> None:
    """Issue 8: the same rows through insert_rows (COPY on PostgreSQL) and through a Core INSERT
    read back equal on every backend, JSON, timestamps, tabs, newlines and backslashes included."""
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table))
        conn.execute(insert(table), _audit_rows())
        expected = _read(conn, table)
        conn.execute(delete(table))
        bulk.insert_rows(conn, table, _audit_rows())
        assert _read(conn, table) == expected
        bulk.insert_rows(conn, table, [])


def test_audit_rows_through_json_table_write_what_an_insert_writes(
    migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8 (bulk_assign on MariaDB), S3: audit entries with ``json_table`` (on MariaDB one
    ``INSERT … SELECT FROM JSON_TABLE``: text, timestamps and JSON documents carried as text) read
    back as the Core INSERT's on every backend, quotes, backslashes, control characters, text
    outside the BMP and NULLs included; a value too long for its column is refused as the ``INSERT
    … VALUES`` refuses it; rows without a column that has a client default go as before. Pieces of
    ``MYSQL_INSERT_BYTES`` go as one executemany."""
    from bench.harness import counting

    table = AuditEntry.__table__
    assert isinstance(table, Table)
    rows = [
        {**row, "object_id": f'{i} "quoted" \\ 🏢 Ä', "tenant_id": None if i % 4 else i}
        for i, row in enumerate(_audit_rows())
    ]
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table))
        conn.execute(insert(table), rows)
        expected = _read(conn, table)
        conn.execute(delete(table))
        with counting(migrated_db.engine, as_the_server_runs=True) as statements:
            bulk.insert_rows(conn, table, rows, row_security=False, json_table=True)
        assert _read(conn, table) == expected
        if conn.dialect.name == "mysql":
            assert len(statements) == 1 and "JSON_TABLE" in statements[0]
        conn.execute(delete(table))
        without_at = [{key: value for key, value in row.items() if key != "at"} for row in rows]
        bulk.insert_rows(conn, table, without_at, row_security=False, json_table=True)
        assert conn.scalar(select(func.count()).where(table.c.at.is_not(None))) == len(rows)
    if migrated_db.engine.dialect.name != "mysql":
        return
    monkeypatch.setattr(bulk, "MYSQL_INSERT_BYTES", 1000)
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table))
        with counting(migrated_db.engine) as calls, counting(migrated_db.engine, as_the_server_runs=True) as sent:
            bulk.insert_rows(conn, table, rows, row_security=False, json_table=True)
        assert _read(conn, table) == expected
    assert len(calls) == 1 < len(sent)  # pieces, as one executemany
    overlong = [{**row, "object_id": "x" * 101} for row in rows[:3]]
    errors = []
    for json_table in (False, True):
        with pytest.raises(DBAPIError) as raised, migrated_db.engine.begin() as conn:
            bulk.insert_rows(conn, table, overlong, row_security=False, json_table=json_table)
        errors.append(type(raised.value))
    assert errors[0] is errors[1]


def test_copy_only_where_it_writes_the_same(migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8: rows without a column that has a client-side default (created_at) take the INSERT,
    which fills the default; so do rows with differing keys."""
    copied: list[str] = []
    real_copy = bulk._copy
    monkeypatch.setattr(
        bulk, "_copy", lambda conn, table, rows: (copied.append(table.name), real_copy(conn, table, rows))
    )
    users = [add_user(migrated_db.session_factory, name) for name in ("ada", "bob")]
    with migrated_db.engine.begin() as conn:
        unit = conn.execute(insert(OrgUnit).values(name="Kiel", version=1)).inserted_primary_key[0]
        role = conn.scalar(select(Role.id).limit(1))
        table = RoleAssignment.__table__
        assert isinstance(table, Table)
        bulk.insert_rows(conn, table, [{"user_id": u, "role_id": role, "org_unit_id": unit} for u in users])
        assert conn.scalar(select(RoleAssignment.created_at).where(RoleAssignment.user_id == users[0])) is not None
        assert copied == []
        conn.execute(delete(table))
        bulk.insert_rows(
            conn,
            table,
            [{"user_id": u, "role_id": role, "org_unit_id": unit, "created_at": AT, "created_by": "x"} for u in users],
        )
        assert set(conn.scalars(select(RoleAssignment.created_at))) == {AT}
    assert copied == (["role_assignment"] if migrated_db.engine.dialect.name == "postgresql" else [])


@pytest.fixture
def pg_db(tmp_path: Path) -> Any:
    from dbhelpers import migrated_database

    with migrated_database("postgresql", tmp_path) as db:
        yield db


def test_row_level_security_keeps_the_insert(pg_db: MigratedDatabase) -> None:
    """Issue 8, S1: PostgreSQL refuses COPY where row-level security applies; the application role
    gets the INSERT and its policy, for a visible tenant as for a hidden one."""
    visible, hidden = add_tenants(pg_db.session_factory, "Nord", "Süd")
    mia = add_user(pg_db.session_factory, "mia")
    grant(pg_db.session_factory, mia, {visible: AccessLevel.FULL, hidden: AccessLevel.HIDDEN})
    table = Contact.__table__
    assert isinstance(table, Table)
    with app_login(pg_db, "mandant_bulk") as app, app.connect() as conn:
        conn.execute(text("SELECT set_config('app.operator_id', :id, true)"), {"id": str(mia)})
        bulk.insert_rows(conn, table, [{"tenant_id": visible, "last_name": "Neu", "version": 1}])
        with pytest.raises(ProgrammingError, match="row-level security"):
            bulk.insert_rows(conn, table, [{"tenant_id": hidden, "last_name": "Eindringling", "version": 1}])
        conn.rollback()


def _schema(conn: Connection) -> set[tuple[str, str]]:
    constraints = conn.execute(
        text(
            "SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE connamespace = current_schema()::regnamespace"
        )
    )
    indexes = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"))
    return {(str(a), str(b)) for a, b in [*constraints, *indexes]}


def test_keys_checked_after_a_bulk_load(pg_db: MigratedDatabase) -> None:
    """Issue 8: the block leaves every constraint and index as it was, and a row that breaks a key
    is refused at its end; nothing of it stays."""
    table = Customer.__table__
    assert isinstance(table, Table)
    (tenant,) = add_tenants(pg_db.session_factory, "Nord")
    with pg_db.engine.connect() as conn:
        before = _schema(conn)
        conn.rollback()
        rows = [{"tenant_id": tenant, "number": "1", "name": "A", "version": 1}]
        with pytest.raises(IntegrityError), conn.begin(), bulk.keys_checked_after(conn, [table]):
            bulk.insert_rows(conn, table, [*rows, {**rows[0], "tenant_id": tenant + 99}])
        with pytest.raises(IntegrityError), conn.begin(), bulk.keys_checked_after(conn, [table]):
            bulk.insert_rows(conn, table, [*rows, *rows])  # the unique customer number per tenant
        with conn.begin(), bulk.keys_checked_after(conn, [table]):
            bulk.insert_rows(conn, table, rows)
        assert _schema(conn) == before
        assert conn.scalar(select(Customer.number)) == "1"


def test_a_demo_loaded_with_late_keys_has_the_schema_it_had(
    pg_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8, section 8: with the chunk small enough that the small demo counts as a bulk load,
    every table's keys and indexes are back after it, exactly as defined; the tables it filled
    have planner statistics (this server may run without autovacuum)."""
    with pg_db.engine.connect() as conn:
        before = _schema(conn)
    monkeypatch.setattr(demo_generator, "CHUNK_ROWS", 50)
    report = generate_demo(pg_db.engine, scale="small", seed=2)
    assert report.counts["role_assignment"] > 50
    with pg_db.engine.connect() as conn:
        assert _schema(conn) == before
        analyzed = set(
            conn.scalars(text("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema()"))
        )
    assert {"role_assignment", "customer", "org_unit", "app_user"} <= analyzed


def _reltuples(conn: Connection, table: str) -> float:
    return float(conn.scalar(text("SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)"), {"t": table}))


def test_analyze_grown_follows_autovacuums_rule(migrated_db: MigratedDatabase) -> None:
    """Issue 8: after a large write PostgreSQL gets statistics for the tables that grew by more than
    autovacuum lets pass (50 rows plus a tenth of the table), in the writer's transaction, and only
    for those; SQLite and MariaDB are left alone."""
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    rows = [{**row, "object_id": f"{n}-{row['object_id']}"} for n in range(4) for row in _audit_rows()]  # 100
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table))
        bulk.insert_rows(conn, table, rows)
        if conn.dialect.name != "postgresql":
            assert bulk.analyze_grown(conn, {"audit_log": 100}) == []
            return
        assert bulk.analyze_grown(conn, {"audit_log": 0}) == []
        assert bulk.analyze_grown(conn, {"audit_log": 100}) == ["audit_log"]
        assert _reltuples(conn, "audit_log") == 100  # its own new rows, sampled in its transaction
        # 100 rows more on 100: 50 + 10 is passed; 55 more on 200 is not (50 + 20)
        bulk.insert_rows(conn, table, [{**row, "object_id": f"more-{row['object_id']}"} for row in rows])
        assert bulk.analyze_grown(conn, {"audit_log": 100}) == ["audit_log"]
        assert _reltuples(conn, "audit_log") == 200
        assert bulk.analyze_grown(conn, {"audit_log": 55, "role_assignment": 0}) == []


def test_analyze_grown_leaves_tables_of_another_owner(migrated_db: MigratedDatabase) -> None:
    """The application role may not analyse the owner's tables: nothing is tried (no warning)."""
    if migrated_db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: the application role of revision 0005")
    with app_login(migrated_db) as engine, engine.begin() as conn:
        assert bulk.analyze_grown(conn, {"audit_log": 10_000}) == []


def _customers(conn: Connection, tenant: int, numbers: list[str]) -> None:
    rows = [
        {"tenant_id": tenant, "number": n, "name": f"Kunde {n}", "short_name": "", "quota_mb": None, "version": 1}
        for n in numbers
    ]
    conn.execute(insert(Customer), rows)


def test_keyed_statements_match_exactly_and_write_every_type(migrated_db: MigratedDatabase) -> None:
    """Issue 8, E7: rows read, updated and deleted by key (one statement each, see below) match
    their keys exactly (case matters, as for the ORM), and write NULLs, booleans, enums, dates,
    timestamps and JSON as an INSERT writes them."""
    from mandant_desktop.db.models import AppSetting, CustomerStatus

    (tenant,) = add_tenants(migrated_db.session_factory, "Nord")
    customer = Customer.__table__
    assert isinstance(customer, Table)
    with migrated_db.engine.begin() as conn:
        _customers(conn, tenant, ["k-1", "K-1", "k-2", "k-3"])
        by_number = bulk.select_keys(conn.dialect, customer, {"number": ["k-1", "k-2"]})
        read = [dict(row._mapping) for stmt in by_number for row in conn.execute(stmt)]
        for stmt in bulk.select_keys(conn.dialect, customer, {"tenant_id": [tenant], "number": ["k-1"]}):
            assert [row.name for row in conn.execute(stmt)] == ["Kunde k-1"]
        assert sorted(row["number"] for row in read) == ["k-1", "k-2"]
        matched = bulk.update_keys(
            conn,
            customer,
            {"tenant_id": [tenant, tenant, tenant], "number": ["k-1", "k-2", "nope"]},
            {
                "quota_mb": [5, None, 1],
                "remote_access": [True, False, True],
                "status": [CustomerStatus.DEACTIVATED] * 3,
                "name": ["Äpfel", "Straße", "x"],
            },
            same={"updated_at": AT, "updated_by": "bulk"},
            increment=("version",),
        )
        assert matched == 2
        got = conn.execute(
            select(Customer.number, Customer.quota_mb, Customer.remote_access, Customer.status, Customer.name)
            .add_columns(Customer.version, Customer.updated_by)
            .order_by(Customer.id)
        ).all()
        assert [tuple(row) for row in got] == [
            ("k-1", 5, True, CustomerStatus.DEACTIVATED, "Äpfel", 2, "bulk"),
            ("K-1", None, False, CustomerStatus.ACTIVE, "Kunde K-1", 1, None),
            ("k-2", None, False, CustomerStatus.DEACTIVATED, "Straße", 2, "bulk"),
            ("k-3", None, False, CustomerStatus.ACTIVE, "Kunde k-3", 1, None),
        ]
        assert set(conn.scalars(select(Customer.updated_at).where(Customer.version == 2))) == {AT}
        settings = AppSetting.__table__
        assert isinstance(settings, Table)
        settings_rows = {"key": ["a", "b"], "value": [None, [1]], "version": [1, 1], "updated_at": [AT, None]}
        bulk.insert_columns(conn, settings, settings_rows)
        assert dict(conn.execute(select(AppSetting.key, AppSetting.updated_at)).all()) == {"a": AT, "b": None}
        document = {"muster": ["K", 1, None, True], "ä": "ü"}
        assert bulk.update_keys(conn, settings, {"key": ["a", "b"]}, {"value": [document, None]}) == 2
        assert dict(conn.execute(select(AppSetting.key, AppSetting.value)).all()) == {"a": document, "b": None}
        assert bulk.delete_keys(conn, customer, {"tenant_id": [tenant, tenant], "number": ["K-1", "k-9"]}) == 1
        assert sorted(conn.scalars(select(Customer.number))) == ["k-1", "k-2", "k-3"]


def test_keyed_statements_are_one_statement_however_many_rows(migrated_db: MigratedDatabase) -> None:
    """Issue 8: reading, updating and deleting 3 or 3,000 rows by key is one statement, counted as
    the server runs them (an executemany once per row on PostgreSQL, once per row on MariaDB but
    for an INSERT; on SQLite one executemany steps one prepared statement in process)."""
    from bench.harness import counting

    (tenant,) = add_tenants(migrated_db.session_factory, "Nord")
    customer = Customer.__table__
    assert isinstance(customer, Table)
    counts = []
    for size in (3, 3000):
        numbers = [f"{size}-{i}" for i in range(size)]
        keys = {"tenant_id": [tenant] * size, "number": numbers}
        with migrated_db.engine.begin() as conn:
            _customers(conn, tenant, numbers)
            with counting(migrated_db.engine, as_the_server_runs=True) as statements:
                read = [row for stmt in bulk.select_keys(conn.dialect, customer, keys) for row in conn.execute(stmt)]
                changed = bulk.update_keys(conn, customer, keys, {"name": numbers}, increment=("version",))
                gone = bulk.delete_keys(conn, customer, keys)
            assert len(read) == changed == gone == size
            counts.append(len(statements))
    assert counts == [3, 3]


def test_column_values_reach_the_server_as_given(migrated_db: MigratedDatabase) -> None:
    """Issue 8: rows given column by column are written, matched and deleted exactly, whichever
    form carries a column to PostgreSQL (one value repeated by the server, an array literal of
    integers or of strings, psycopg's own list): NULLs among integers, the word NULL, quotes,
    backslashes, braces and commas inside strings, one timestamp for every row, a single row; the
    same on SQLite and MariaDB, where the rows go as before."""
    strange = ["NULL", 'say "hi"', "back\\slash", "{a,b}", "", "  ", "Ä, ü", "x"]
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table))
        bulk.insert_columns(
            conn,
            table,
            {
                "at": [AT] * len(strange),  # one timestamp: sent once
                "operator_id": [7, None, 7, 7, 7, 7, 7, 7],  # integers with a NULL among them
                "operator_name": ["bulk"] * len(strange),
                "workstation": strange,
                "object_type": ["Test"] * len(strange),
                "object_id": [str(i) for i in range(len(strange))],
                "action": ["create"] * len(strange),
                "summary": strange[::-1],
                "changes": [None, {"a": [1, "{b}"]}, None, None, None, None, None, None],
            },
        )
        got = conn.execute(
            select(table.c.at, table.c.operator_id, table.c.workstation, table.c.summary, table.c.changes).order_by(
                table.c.id
            )
        ).all()
        assert [tuple(row) for row in got] == [
            (AT, None if i == 1 else 7, value, strange[-1 - i], {"a": [1, "{b}"]} if i == 1 else None)
            for i, value in enumerate(strange)
        ]
        gone = bulk.delete_keys(conn, table, {"object_type": ["Test"] * 4, "workstation": strange[:4]})
        assert gone == 4
        assert bulk.delete_keys(conn, table, {"workstation": strange[4:6]}) == 2
        assert sorted(conn.scalars(select(table.c.workstation))) == sorted(strange[6:])
        bulk.insert_columns(
            conn,
            table,
            {"at": [AT], "operator_name": ["eins"], "workstation": ["w"], "object_type": ["T"]}
            | {"object_id": ["1"], "action": ["create"], "summary": [""]},
        )
        assert conn.scalar(select(func.count()).select_from(table).where(table.c.operator_name == "eins")) == 1
        if conn.dialect.name == "postgresql":  # strings with NULLs among them, as the server reads them
            arrays, params = bulk.pg_arrays(conn.dialect, {"summary": table.c.summary}, {"summary": [None, *strange]})
            assert conn.exec_driver_sql(f"SELECT {arrays['summary']}", params).scalar_one() == [None, *strange]


def _assignment_columns(user: int, units: list[int], roles: list[int], source: int | None) -> dict[str, list[Any]]:
    rows = [(unit, role) for unit in units for role in roles]
    return {
        "user_id": [user] * len(rows),
        "org_unit_id": [unit for unit, _ in rows],
        "role_id": [role for _, role in rows],
        "inherited_from_id": [None if i % 3 == 0 else source for i in range(len(rows))],  # NULLs among ids
        "created_at": [AT] * len(rows),
        "created_by": ["bulk"] * len(rows),
    }


def test_rows_of_ids_are_written_as_given_in_one_statement(
    migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8 (inherit_toggle, bulk_assign on MariaDB): rows of ids, NULLs and constants are written
    exactly and in their order, as one statement for 4 rows and for 3,000 (on MariaDB an ``INSERT …
    SELECT FROM JSON_TABLE``, pieces of ``MYSQL_INSERT_BYTES`` as one executemany); the keys and foreign keys
    are checked as for the ``INSERT … VALUES``; rows of text besides are written as given too."""
    from bench.harness import counting

    user = add_user(migrated_db.session_factory, "bulkids")
    with migrated_db.session_factory.begin() as session:
        session.execute(insert(OrgUnit), [{"name": f"U{n}", "depth": 0} for n in range(1500)])
        units = list(session.scalars(select(OrgUnit.id).order_by(OrgUnit.id)))
        roles = list(session.scalars(select(Role.id).order_by(Role.id).limit(2)))
    table = RoleAssignment.__table__
    assert isinstance(table, Table)
    counts = []
    for size in (2, 1500):
        given = _assignment_columns(user, units[:size][::-1], roles, units[0])
        with migrated_db.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.user_id == user))
            with counting(migrated_db.engine, as_the_server_runs=True) as statements:
                bulk.insert_columns(conn, table, given)
            counts.append(len(statements))
            got = conn.execute(
                select(table.c.user_id, table.c.org_unit_id, table.c.role_id, table.c.inherited_from_id)
                .add_columns(table.c.created_at, table.c.created_by)
                .where(table.c.user_id == user)
                .order_by(table.c.id)
            ).all()
            if conn.dialect.name == "mysql":
                assert "JSON_TABLE" in statements[0]
        assert [tuple(row) for row in got] == list(zip(*given.values(), strict=True))
    assert counts == [1, 1]

    if migrated_db.engine.dialect.name == "mysql":
        monkeypatch.setattr(bulk, "MYSQL_INSERT_BYTES", 200)
        given = _assignment_columns(user, units[:40], roles, None)
        with migrated_db.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.user_id == user))
            # one executemany of the pieces, which PyMySQL sends one by one
            with counting(migrated_db.engine, as_the_server_runs=True) as statements:
                bulk.insert_columns(conn, table, given)
            got = conn.execute(
                select(table.c.org_unit_id, table.c.role_id).where(table.c.user_id == user).order_by(table.c.id)
            ).all()
        assert len(statements) > 1
        assert [tuple(row) for row in got] == list(zip(given["org_unit_id"], given["role_id"], strict=True))

    duplicate = _assignment_columns(user, [units[0], units[0]], roles[:1], None)
    with pytest.raises(IntegrityError), migrated_db.engine.begin() as conn:
        bulk.insert_columns(conn, table, duplicate)
    missing_unit = _assignment_columns(user, [units[-1] + 1000, units[-1] + 1001], roles[:1], None)
    with pytest.raises(IntegrityError), migrated_db.engine.begin() as conn:
        bulk.insert_columns(conn, table, missing_unit)
    texts = {**_assignment_columns(user, units[:3], roles[:1], None), "created_by": ["a", "b", "c"]}
    with migrated_db.engine.begin() as conn:
        conn.execute(delete(table).where(table.c.user_id == user))
        bulk.insert_columns(conn, table, texts)
        by = conn.scalars(select(table.c.created_by).where(table.c.user_id == user).order_by(table.c.id)).all()
    assert by == ["a", "b", "c"]
