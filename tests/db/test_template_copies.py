"""The test databases at head are copies of a template migrated once per test process
(``dbhelpers``); here, that a copy is the template exactly: the same catalogue (tables, columns,
indexes, constraints, triggers, functions, policies, grants) and the same rows, on every backend.
A helper check, no SPEC ID; it stands in for the migration of every test's database (SPEC S9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dbhelpers import (
    BACKENDS,
    copy_of_template,
    database_at_revision,
    drop_database,
    fresh_database,
    require_backend,
    template_url,
    upgrade_to,
)
from sqlalchemy import Connection, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from mandant_desktop.db.migrate import HEAD_REVISION

_SQLITE_CATALOGUE = {
    "objects": "SELECT type, name, tbl_name, sql FROM sqlite_master",
    "versions": "SELECT user_version, application_id FROM pragma_user_version, pragma_application_id",
}

_POSTGRESQL_CATALOGUE = {
    "columns": "SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type, "
    "character_maximum_length, numeric_precision, numeric_scale, collation_name, is_identity, is_generated, "
    "generation_expression FROM information_schema.columns WHERE table_schema = 'public'",
    "relations": "SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text, "
    "c.relowner::regrole::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public'",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE connamespace = 'public'::regnamespace",
    "triggers": "SELECT tgrelid::regclass::text, tgname, tgenabled, pg_get_triggerdef(oid) FROM pg_trigger "
    "WHERE NOT tgisinternal",
    "functions": "SELECT proname, pg_get_function_identity_arguments(oid), prosrc, prosecdef, provolatile, "
    "proacl::text, proowner::regrole::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
    "policies": "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies",
    "sequences": "SELECT sequencename, data_type::text, start_value, increment_by, last_value FROM pg_sequences",
    "extensions": "SELECT extname, extversion, extnamespace::regnamespace::text FROM pg_extension",
    "schemas": "SELECT nspname, nspacl::text, nspowner::regrole::text FROM pg_namespace",
    "default privileges": "SELECT defaclrole::regrole::text, defaclnamespace::regnamespace::text, defaclobjtype, "
    "defaclacl::text FROM pg_default_acl",
    # what CREATE DATABASE ... TEMPLATE does not copy: none of it may matter
    "database": "SELECT datacl::text, (SELECT array_agg(s.setconfig::text) FROM pg_db_role_setting s "
    "WHERE s.setdatabase = d.oid) FROM pg_database d WHERE datname = current_database()",
}

# information_schema of the one database; its name is left out, since it is what differs
_MARIADB_CATALOGUE = {
    "schema": "SELECT default_character_set_name, default_collation_name FROM information_schema.schemata "
    "WHERE schema_name = DATABASE()",
    "tables": "SELECT table_name, table_type, engine, row_format, table_collation, create_options, table_comment, "
    "auto_increment FROM information_schema.tables WHERE table_schema = DATABASE()",
    "columns": "SELECT table_name, column_name, ordinal_position, column_default, is_nullable, column_type, "
    "collation_name, column_key, extra, is_generated, generation_expression, column_comment "
    "FROM information_schema.columns WHERE table_schema = DATABASE()",
    "indexes": "SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part, index_type, "
    "collation, nullable, ignored FROM information_schema.statistics WHERE table_schema = DATABASE()",
    "constraints": "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
    "WHERE constraint_schema = DATABASE()",
    "key columns": "SELECT table_name, constraint_name, column_name, ordinal_position, "
    "referenced_table_schema = DATABASE(), referenced_table_name, referenced_column_name "
    "FROM information_schema.key_column_usage WHERE constraint_schema = DATABASE()",
    "foreign keys": "SELECT table_name, constraint_name, unique_constraint_name, update_rule, delete_rule, "
    "referenced_table_name FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()",
    "checks": "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints "
    "WHERE constraint_schema = DATABASE()",
    "triggers": "SELECT trigger_name, event_manipulation, event_object_table, action_order, action_statement, "
    "action_timing, sql_mode, definer, character_set_client, collation_connection, database_collation "
    "FROM information_schema.triggers WHERE trigger_schema = DATABASE()",
    "routines, views, events": "SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE() "
    "UNION ALL SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE() "
    "UNION ALL SELECT event_name FROM information_schema.events WHERE event_schema = DATABASE()",
}

_CATALOGUES = {"sqlite": _SQLITE_CATALOGUE, "postgresql": _POSTGRESQL_CATALOGUE, "mariadb": _MARIADB_CATALOGUE}


def _sorted(rows: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in rows), key=repr)


def _snapshot(conn: Connection, backend: str) -> dict[str, list[tuple[Any, ...]]]:
    """The catalogue of the database and the rows of each of its tables, in a comparable order."""
    snapshot = {name: _sorted(conn.exec_driver_sql(query)) for name, query in _CATALOGUES[backend].items()}
    if backend == "mariadb":
        for (table,) in conn.exec_driver_sql("SHOW TABLES").all():
            snapshot[f"SHOW CREATE TABLE {table}"] = [conn.exec_driver_sql(f"SHOW CREATE TABLE `{table}`").one()[1:]]
    for table in inspect(conn).get_table_names():
        quoted = conn.dialect.identifier_preparer.quote(table)
        snapshot[f"rows of {table}"] = _sorted(conn.exec_driver_sql(f"SELECT * FROM {quoted}"))
    return snapshot


def _read(url: str, backend: str) -> dict[str, list[tuple[Any, ...]]]:
    # a plain engine, not the application's: no session settings, no catalogue sync, nothing written
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return _snapshot(conn, backend)
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_copy_of_the_template_is_the_template_exactly(backend: str, tmp_path: Path) -> None:
    if backend != "sqlite":
        require_backend(backend)
    template = _read(template_url(backend), backend)
    assert template["rows of alembic_version"] == [(HEAD_REVISION,)]
    assert template["rows of permission"], "the catalogue was synced into the template"
    copy_url = copy_of_template(backend, tmp_path)
    try:
        copy = _read(copy_url, backend)
    finally:
        drop_database(copy_url)
    assert make_url(copy_url).database != make_url(template_url(backend)).database
    assert copy.keys() == template.keys()
    for what, rows in template.items():
        assert copy[what] == rows, what


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_at_a_revision_is_an_empty_one_upgraded_to_it(backend: str, tmp_path: Path) -> None:
    """A database at an earlier revision (for a test of a later revision's upgrade) is a copy of a
    template made from the template of a revision below it: exactly what Alembic's upgrade of an
    empty database to that revision makes, catalogue and rows."""
    if backend != "sqlite":
        require_backend(backend)
    first, second = "0006_inheritance_breaks", "0015_user_sort_indexes"
    with database_at_revision(backend, first, tmp_path), database_at_revision(backend, second, tmp_path) as url:
        chained = _read(url, backend)
    with fresh_database(backend, tmp_path) as url:
        upgrade_to(url, second)
        direct = _read(url, backend)
    assert chained["rows of alembic_version"] == [(second,)]
    assert chained.keys() == direct.keys()
    for what, rows in direct.items():
        assert chained[what] == rows, what
