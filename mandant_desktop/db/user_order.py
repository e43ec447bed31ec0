"""The orders of the users list and the indexes that serve them (SPEC U1, section 8).

The list sorts by name — ``lower(last_name)``, ``lower(first_name)``, ``username_key`` — or by kind
and then by name, with ``id`` last so that the order is total. Without an index every window of
the list read all 10,000 users of the large demo into a temporary B-tree (a sort on PostgreSQL and
MariaDB) before it could skip to its offset. Revision ``0015_user_sort_indexes`` gives each backend
an index on exactly these keys:

* **SQLite, PostgreSQL**: indexes on the expressions the list orders by (:data:`NAME_INDEX`,
  :data:`KIND_INDEX`).
* **MariaDB/MySQL**: MariaDB has no expression indexes. Two invisible virtual columns hold
  ``lower(last_name)`` and ``lower(first_name)`` (:data:`MARIADB_COLUMNS`), the same two indexes
  are on them, and the list orders by them there: the same values in the same collation, so the
  same order. Invisible columns are left out of ``SELECT *`` and of an ``INSERT`` without a column
  list, and computed by the server: nothing that writes users knows of them.

The models declare the indexes for each backend (``db.later_tables``: the expressions on SQLite
and PostgreSQL, the virtual columns' names on MariaDB). The columns themselves exist on MariaDB
only and are not in the models: Alembic's comparison leaves them out (:func:`is_order_object`).
A later migration that rebuilds ``app_user`` with a SQLite batch operation drops the expression
indexes with the old table; the migration environment puts them back (:func:`restore_after_batch`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, literal_column

from mandant_desktop.db.tables import app_user

REVISION = "0015_user_sort_indexes"
NAME_INDEX = "ix_app_user_name_order"
KIND_INDEX = "ix_app_user_kind_order"
#: MariaDB/MySQL: the virtual column → the column it holds in lower case
MARIADB_COLUMNS = {"last_name_order": "last_name", "first_name_order": "first_name"}

_EXPRESSIONS = "lower(last_name), lower(first_name), username_key, id"
_MARIADB_KEYS = "last_name_order, first_name_order, username_key, id"


def _is_mariadb(dialect_name: str) -> bool:
    return dialect_name in ("mysql", "mariadb")


def name_keys(dialect_name: str) -> list[ColumnElement[Any]]:
    """The name order of the list on this backend (``id`` comes last, from the caller)."""
    if _is_mariadb(dialect_name):
        return [
            literal_column("app_user.last_name_order"),
            literal_column("app_user.first_name_order"),
            app_user.c.username_key,
        ]
    return [func.lower(app_user.c.last_name), func.lower(app_user.c.first_name), app_user.c.username_key]


def index_ddl(dialect_name: str) -> list[str]:
    """The statements of revision 0015 on this backend."""
    keys = _MARIADB_KEYS if _is_mariadb(dialect_name) else _EXPRESSIONS
    statements = [
        f"CREATE INDEX {NAME_INDEX} ON app_user ({keys})",
        f"CREATE INDEX {KIND_INDEX} ON app_user (kind, {keys})",
    ]
    if _is_mariadb(dialect_name):
        columns = ", ".join(
            f"ADD COLUMN {name} VARCHAR(100) AS (lower({source})) VIRTUAL INVISIBLE"
            for name, source in MARIADB_COLUMNS.items()
        )
        statements.insert(0, f"ALTER TABLE app_user {columns}")
    return statements


def drop_ddl(dialect_name: str) -> list[str]:
    if _is_mariadb(dialect_name):
        columns = ", ".join(f"DROP COLUMN {name}" for name in MARIADB_COLUMNS)
        indexes = [f"DROP INDEX {name} ON app_user" for name in (KIND_INDEX, NAME_INDEX)]
        return [*indexes, f"ALTER TABLE app_user {columns}"]
    return [f"DROP INDEX IF EXISTS {KIND_INDEX}", f"DROP INDEX IF EXISTS {NAME_INDEX}"]


def is_order_object(name: str | None, type_: str, parent_names: Any = None) -> bool:
    """MariaDB's virtual columns of this module, which the models do not describe."""
    if type_ == "column":
        table = (parent_names or {}).get("table_name")
        return table == app_user.name and name in MARIADB_COLUMNS
    return False


def restore_after_batch(connection: Connection, revisions: set[str]) -> None:
    """After migrations on SQLite up to ``revisions`` (the database's revision and all below it):
    put back the expression indexes that a batch rebuild of ``app_user`` dropped."""
    if REVISION not in revisions:
        return
    for statement in index_ddl("sqlite"):
        connection.exec_driver_sql(statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
