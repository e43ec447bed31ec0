"""The schema the migrations build, read from each backend's own catalogue and held against the
models: every index, and every date-time column to the fraction of a second (SPEC S9, S4, E7).

Alembic's comparison (``dbhelpers.schema_differences``) cannot see all of it: SQLite cannot reflect
an index on an expression, and Alembic by itself takes MariaDB's ``DATETIME`` for ``DATETIME(6)``.
The databases are copies of the process's template, which was migrated from the first revision
(``dbhelpers``); ``test_migrations.py`` upgrades from the first revision itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dbhelpers import BACKENDS, SERVER_BACKENDS, MigratedDatabase, migrated_database, schema_differences
from schemahelpers import database_indexes, date_times_in_database, declared_date_times, undeclared_and_missing
from sqlalchemy import text

from mandant_desktop.db import contact_order, tables, user_order


def test_head_has_exactly_the_declared_indexes(migrated_db: MigratedDatabase) -> None:
    """S9, A4, U1, C1, section 8: after the upgrade to head every backend has exactly the indexes the
    models declare for it, with the same keys (expressions too), and no others but MariaDB's own
    for a foreign key: the users list's and the customer search's indexes too (revisions 0008,
    0015, 0018, 0022, 0027); the org tree's order index (revision 0023) and the contacts list's (revision
    0025) on SQLite and PostgreSQL, where the models declare them; on MariaDB the contacts list's
    index on its virtual columns instead."""
    with migrated_db.engine.connect() as conn:
        assert undeclared_and_missing(conn) == ({}, {})
        found = database_indexes(conn)
        backend = conn.dialect.name
    order_index = ("org_unit", tables.ORG_UNIT_ORDER_INDEX)
    if backend in tables.ORG_UNIT_ORDER_BACKENDS:
        assert found[order_index] == (False, ("parent_id", "sort_order", "lowername", "id"))
    else:
        assert order_index not in found
    contacts = ("contact", tables.CONTACT_ORDER_INDEX)
    mariadb_contacts = ("contact", contact_order.MARIADB_INDEX)
    if backend in tables.CONTACT_ORDER_BACKENDS:
        assert found[contacts] == (False, ("lowerlast_name", "lowerfirst_name", "tenant_id", "id"))
        assert mariadb_contacts not in found
    else:
        assert contacts not in found
        assert found[mariadb_contacts] == (False, (*contact_order.MARIADB_COLUMNS, "tenant_id", "id"))
    names = ("lowerlast_name", "lowerfirst_name")
    if backend in tables.VIRTUAL_COLUMN_BACKENDS:
        names = tuple(user_order.MARIADB_COLUMNS)
    assert found[("app_user", user_order.NAME_INDEX)] == (False, (*names, "username_key", "id"))
    assert found[("app_user", user_order.KIND_INDEX)] == (False, ("kind", *names, "username_key", "id"))
    length = "number_length" if backend in tables.VIRTUAL_COLUMN_BACKENDS else "lengthnumber"
    assert found[("customer", tables.CUSTOMER_NUMBER_ORDER_INDEX)] == (False, (length, "number"))
    # revision 0027: the search indexes of the folded key instead of those of the three columns
    keyed = {("customer", tables.CUSTOMER_KEY_TRIGRAM_INDEX), ("customer", tables.CUSTOMER_KEY_GRAMS_INDEX)}
    assert (keyed <= found.keys()) == (backend == "postgresql")
    assert not {("customer", name) for name in tables.CUSTOMER_TRIGRAM_INDEXES.values()} & found.keys()


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_undeclared_or_lost_index_is_noticed(backend: str, tmp_path: Path) -> None:
    """S9: an index the models do not declare is a difference on every backend, for the catalogue
    check and for Alembic's comparison (the migration environment's options, db.schema_compare),
    which no longer leaves any index out; and a lost users-list or customer-number order index is
    missing for the catalogue check everywhere, and for Alembic on the servers (SQLite cannot
    reflect an expression index for it)."""
    on = " ON app_user" if backend in tables.VIRTUAL_COLUMN_BACKENDS else ""
    with migrated_database(backend, tmp_path) as db:
        with db.engine.begin() as conn:
            conn.execute(text("CREATE INDEX ix_undeclared ON customer (quota_mb)"))
            conn.execute(text(f"DROP INDEX {user_order.NAME_INDEX}{on}"))
        with db.engine.connect() as conn:
            extra, missing = undeclared_and_missing(conn)
        differences = {(d[0], d[1].name) for d in schema_differences(db.engine)}
    assert extra == {("customer", "ix_undeclared"): (False, ("quota_mb",))}
    assert set(missing) == {("app_user", user_order.NAME_INDEX)}
    expected = {("remove_index", "ix_undeclared")}
    if backend != "sqlite":
        expected.add(("add_index", user_order.NAME_INDEX))
    assert differences == expected


@pytest.mark.parametrize("backend", tables.ORG_UNIT_ORDER_BACKENDS)
def test_a_lost_org_tree_order_index_is_noticed(backend: str, tmp_path: Path) -> None:
    """S9, A4: without the org tree's order index a database no longer matches the models: the
    comparison of the indexes says so on SQLite and PostgreSQL, and on PostgreSQL Alembic's
    comparison too (SQLite cannot reflect the index for Alembic)."""
    with migrated_database(backend, tmp_path) as db:
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP INDEX {tables.ORG_UNIT_ORDER_INDEX}"))
        with db.engine.connect() as conn:
            extra, missing = undeclared_and_missing(conn)
        differences = schema_differences(db.engine)
    assert extra == {}
    assert set(missing) == {("org_unit", tables.ORG_UNIT_ORDER_INDEX)}
    if backend == "postgresql":
        assert [(d[0], d[1].name) for d in differences] == [("add_index", tables.ORG_UNIT_ORDER_INDEX)]
    else:
        assert differences == []


# --------------------------------------------------------------------------- date-time columns


def test_date_time_columns_match_the_models_to_the_fraction(migrated_db: MigratedDatabase) -> None:
    """S9, S4, E7: every date-time column the migrations made at head is one of the models', with
    the fractional seconds the models' type has on this backend, read from the backend's catalogue;
    and on the servers that is six digits, microseconds, for every one of them (MariaDB: revision
    0024), so that an undo compares the moments it wrote exactly. A column that a later migration
    adds as plain DATETIME on MariaDB fails here (Alembic by itself takes it for DATETIME(6))."""
    with migrated_db.engine.connect() as conn:
        found = date_times_in_database(conn)
        declared = declared_date_times(conn.dialect)
        backend = conn.dialect.name
    assert ("role_assignment", "created_at") in declared and ("audit_log", "at") in declared
    assert found == declared
    if backend != "sqlite":
        assert set(found.values()) == {6}


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
def test_a_date_time_column_without_fractions_is_a_difference(backend: str, tmp_path: Path) -> None:
    """S9, S4: a date-time column that keeps whole seconds (MariaDB's plain DATETIME,
    PostgreSQL's timestamp(0)) differs from the models, for the catalogue check above and for
    Alembic's comparison with the migration environment's options (db.schema_compare)."""
    with migrated_database(backend, tmp_path) as db:
        with db.engine.begin() as conn:
            if backend == "mariadb":
                conn.execute(text("ALTER TABLE tenant MODIFY updated_at DATETIME NULL"))
            else:
                conn.execute(text("ALTER TABLE tenant ALTER COLUMN updated_at TYPE timestamp(0)"))
        with db.engine.connect() as conn:
            found = date_times_in_database(conn)
            declared = declared_date_times(conn.dialect)
        assert {key for key in found if found[key] != declared[key]} == {("tenant", "updated_at")}
        assert found[("tenant", "updated_at")] == 0
        differences = schema_differences(db.engine)
    assert [(d[0][0], d[0][2], d[0][3]) for d in differences] == [("modify_type", "tenant", "updated_at")]
