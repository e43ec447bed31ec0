"""The schema of a migrated database read from each backend's own catalogue, and the same facts
as the models declare them: the indexes and the date-time columns' fractional seconds (for
``tests/db/test_migrated_schema.py`` and ``tests/db/test_migrations.py``)."""

from __future__ import annotations

import re

from sqlalchemy import Connection, DateTime, text
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex

from mandant_desktop.db import tables
from mandant_desktop.db.schema_compare import index_applies

#: an index: whether it is unique, and its keys (a column's name, or an expression's text)
IndexShape = tuple[bool, tuple[str, ...]]


def _normalised(key: str) -> str:
    """A key as each backend prints it, in one spelling: lower case, without quotes, spaces,
    brackets or PostgreSQL's casts (``lower((name)::text)`` and ``lower(name)`` are ``lowername``)."""
    key = re.sub(r"::[a-z ]+", "", key.lower())
    return re.sub(r"[\s\"`()]", "", key)


def _keys(listed: str) -> tuple[str, ...]:
    """The keys of an index's key list as printed, split at the commas outside brackets."""
    keys, depth, current = [], 0, ""
    for char in listed:
        if char == "," and depth == 0:
            keys.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    return (*(_normalised(key) for key in keys), _normalised(current))


def database_indexes(conn: Connection) -> dict[tuple[str, str], IndexShape]:
    """Every index of the models' tables that is no primary key and no unique constraint, by
    (table, name), as the backend's catalogue has it."""
    modelled = set(tables.metadata.tables)
    found: dict[tuple[str, str], IndexShape] = {}
    backend = conn.dialect.name
    if backend == "sqlite":
        # A constraint's index has no SQL of its own (sqlite_autoindex_...).
        rows = conn.exec_driver_sql(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        for table, name, sql in rows:
            listed = re.search(r"\bON\s+\S+\s*\((.*)\)\s*$", sql, re.DOTALL | re.IGNORECASE)
            assert listed is not None, sql
            found[(table, name)] = (sql.upper().startswith("CREATE UNIQUE"), _keys(listed.group(1)))
    elif backend == "postgresql":
        rows = conn.exec_driver_sql(
            "SELECT t.relname, i.relname, x.indisunique, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        )
        for table, name, unique, definition in rows:
            listed = re.search(r"\bUSING \w+ \((.*)\)$", definition)
            assert listed is not None, definition
            found[(table, name)] = (bool(unique), _keys(listed.group(1)))
    else:
        rows = conn.exec_driver_sql(
            "SELECT s.table_name, s.index_name, s.non_unique, "
            "group_concat(s.column_name ORDER BY s.seq_in_index SEPARATOR ',') "
            "FROM information_schema.statistics s WHERE s.table_schema = database() AND s.index_name <> 'PRIMARY' "
            "AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = "
            "s.table_schema AND c.table_name = s.table_name AND c.constraint_name = s.index_name "
            "AND c.constraint_type = 'UNIQUE') GROUP BY s.table_name, s.index_name, s.non_unique"
        )
        for table, name, non_unique, columns in rows:
            found[(table, name)] = (not non_unique, _keys(columns))
    return {key: shape for key, shape in found.items() if key[0] in modelled}


def _declared_indexes(dialect: Dialect) -> dict[tuple[str, str], IndexShape]:
    """The indexes the models declare for this backend (``Index.ddl_if``), by (table, name): their
    keys as the backend's ``CREATE INDEX`` would list them (an operator class too, PostgreSQL's
    ``gin_trgm_ops``, as its catalogue prints it)."""
    declared: dict[tuple[str, str], IndexShape] = {}
    for table in tables.metadata.tables.values():
        for index in table.indexes:
            if not index_applies(index, dialect.name):
                continue
            ddl = str(CreateIndex(index).compile(dialect=dialect))
            listed = re.search(r"\bON\s+\S+\s+(?:USING\s+\w+\s+)?\((.*)\)\s*$", ddl, re.DOTALL)
            assert listed is not None, ddl
            declared[(table.name, str(index.name))] = (bool(index.unique), _keys(listed.group(1)))
    return declared


def _foreign_key_indexes(dialect: Dialect) -> dict[tuple[str, str], IndexShape]:
    """MariaDB/MySQL: the index InnoDB makes by itself for a foreign key that no index begins with,
    named as the key. The other backends make none."""
    if dialect.name not in ("mysql", "mariadb"):
        return {}
    return {
        (table.name, str(key.name)): (False, tuple(column.name for column in key.columns))
        for table in tables.metadata.tables.values()
        for key in table.foreign_key_constraints
    }


def undeclared_and_missing(
    conn: Connection,
) -> tuple[dict[tuple[str, str], IndexShape], dict[tuple[str, str], IndexShape]]:
    """The indexes the database has beyond the declared ones, and the declared ones it lacks or
    has with other keys."""
    found = database_indexes(conn)
    declared = _declared_indexes(conn.dialect)
    by_server = _foreign_key_indexes(conn.dialect)
    rest = {key: shape for key, shape in found.items() if not (key not in declared and by_server.get(key) == shape)}
    extra = {key: shape for key, shape in rest.items() if declared.get(key) != shape}
    missing = {key: shape for key, shape in declared.items() if rest.get(key) != shape}
    return extra, missing


def _precision(ddl: str, default: int | None) -> int | None:
    found = re.search(r"\((\d+)\)", ddl)
    return int(found.group(1)) if found else default


#: the precision of a date-time column whose DDL names none (MariaDB: whole seconds; PostgreSQL:
#: microseconds); SQLite stores the text it is given (SQLAlchemy writes microseconds)
_DEFAULT_PRECISION = {"mysql": 0, "mariadb": 0, "postgresql": 6, "sqlite": None}


def declared_date_times(dialect: Dialect) -> dict[tuple[str, str], int | None]:
    """Every date-time column of the models and the fractional digits its type has on this backend."""
    declared = {}
    for table in tables.metadata.tables.values():
        for column in table.columns:
            affinity = column.type._type_affinity
            if affinity is not None and issubclass(affinity, DateTime):
                ddl = dialect.type_compiler_instance.process(column.type)
                declared[(table.name, column.name)] = _precision(ddl, _DEFAULT_PRECISION[dialect.name])
    return declared


def date_times_in_database(conn: Connection) -> dict[tuple[str, str], int | None]:
    """Every date-time column of the models' tables and its fractional digits, from the backend's
    catalogue (information_schema.columns.datetime_precision on the servers)."""
    modelled = set(tables.metadata.tables)
    backend = conn.dialect.name
    found: dict[tuple[str, str], int | None] = {}
    if backend == "sqlite":
        for table in modelled:
            for row in conn.exec_driver_sql(f"PRAGMA table_info({table})"):
                if str(row[2]).upper().startswith(("DATETIME", "TIMESTAMP")):
                    found[(table, row[1])] = _precision(row[2], None)
        return found
    kinds = "('timestamp without time zone', 'timestamp with time zone')"
    if backend in ("mysql", "mariadb"):
        kinds = "('datetime', 'timestamp')"
    rows = conn.execute(
        text(
            "SELECT table_name, column_name, datetime_precision FROM information_schema.columns "
            f"WHERE table_schema = {'current_schema()' if backend == 'postgresql' else 'database()'} "
            f"AND data_type IN {kinds}"
        )
    )
    for table, column, precision in rows:
        if table in modelled:
            found[(table, column)] = None if precision is None else int(precision)
    return found
