"""The order of the contacts list and the index that serves it (SPEC section 8; issue 8).

The contacts page reads its contacts in windows of 200 (``ContactService.contact_window``), sorted
by ``lower(last_name)``, ``lower(first_name)``, ``tenant_id``, ``id``. Without an index every window
sorted all 20,000 contacts of the large demo before it skipped to its offset. Revision
``0025_contact_order_index`` gives each backend an index on exactly these keys:

* **SQLite, PostgreSQL**: an index on the expressions (:data:`tables.CONTACT_ORDER_INDEX`), which the
  models declare for these two backends (``db.later_tables``).
* **MariaDB/MySQL**: no expression indexes. Two invisible virtual columns hold the lower-case names
  (:data:`MARIADB_COLUMNS`) and :data:`MARIADB_INDEX` is on them; the list orders by them there
  (the same values in the same collation, so the same order). Invisible columns are left out of
  ``SELECT *`` and of an ``INSERT`` without a column list: nothing that writes contacts knows of them.
  The columns exist on MariaDB only and are not in the models; Alembic's comparison leaves them out
  (:func:`is_mariadb_object`), as it does the users list's (``db.user_order``). The models declare
  the index on them for MariaDB by the columns' names (``db.later_tables``).

What the window does besides so that the index is read (``ContactService.contact_window``): it
sends no tenant condition when it keeps every tenant (``services.contacts.window_group``; SQLite
took an IN list of 200 tenants through the tenant index and sorted), and on PostgreSQL it turns
sorting off for its read transaction (:func:`prefer_the_index`). On MariaDB a window of the whole
list after the first finds its ids in the index alone and then reads those rows (:func:`window`):
read directly, only the first window came from the index; from offset 200 on the optimizer sorted
all contacts, as the row look-ups through the index cost it more (ANALYZE on the large demo: 40 ms
at offset 200, 180-310 ms at 10,000-19,800). The index holds every key and the id, so the ids are
read from it without a look-up, and only the window's rows are looked up and sorted (1-3 ms at
offsets 200-10,000; docs/profiles/2026-12-04-schema-models). The first window stays direct (0.5 ms
against 0.9 ms).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, literal_column, select, text

from mandant_desktop.db.tables import CONTACT_ORDER_INDEX

#: named, not imported: ``contact`` is one of the later tables, which no start needs (db.later_tables)
TABLE = "contact"
REVISION = "0025_contact_order_index"
MARIADB_INDEX = "ix_contact_order_columns"
#: MariaDB/MySQL: the virtual column → the column it holds in lower case
MARIADB_COLUMNS = {"last_name_order": "last_name", "first_name_order": "first_name"}


def _is_mariadb(dialect_name: str) -> bool:
    return dialect_name in ("mysql", "mariadb")


def order_keys(dialect_name: str) -> list[ColumnElement[Any]]:
    """The list's order on this backend, as its index holds it."""
    from mandant_desktop.db.tables import contact

    if _is_mariadb(dialect_name):
        names: list[ColumnElement[Any]] = [literal_column(f"{TABLE}.{name}") for name in MARIADB_COLUMNS]
    else:
        names = [func.lower(contact.c.last_name), func.lower(contact.c.first_name)]
    return [*names, contact.c.tenant_id, contact.c.id]


def prefer_the_index(connection: Connection) -> None:
    """PostgreSQL: no sort in the rest of this (read) transaction, so that the window is read from
    the index. Under row security the planner takes the policy's ``tenant_id = ANY(visible
    tenants)`` for 5 % of the contacts (it cannot see the array), and sorting ~1,000 rows looked
    cheaper to it than walking the index to offset 10,000: it sorted all 20,000 (EXPLAIN ANALYZE,
    revision 0025). ``set_config(…, true)`` is ``SET LOCAL``: it ends with the transaction. Called
    for the whole list only (a search keeps few contacts, which sort cheaply). Other backends:
    nothing."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT set_config('enable_sort', 'off', true)"))


def window(
    rows: Select[*tuple[Any, ...]],
    where: Sequence[ColumnElement[bool]],
    dialect_name: str,
    offset: int,
    limit: int,
    *,
    whole_list: bool,
) -> Select[*tuple[Any, ...]]:
    """The window ``offset``, ``limit`` of ``rows`` (contacts filtered by ``where``) in the list's
    order. MariaDB, for the whole list (``whole_list``, no search) after its first window: the
    window's ids from the order index alone, in a derived table, then their rows (see the module's
    text). Elsewhere, for the first window and for a search (few contacts, sorted cheaply), the
    rows read directly."""
    keys = order_keys(dialect_name)
    if not (whole_list and offset > 0 and _is_mariadb(dialect_name)):
        return rows.order_by(*keys).offset(offset).limit(limit)
    from mandant_desktop.db.tables import contact

    ids = select(contact.c.id).where(*where).order_by(*keys).offset(offset).limit(limit).subquery("window_ids")
    return rows.join(ids, ids.c.id == contact.c.id).order_by(*keys)


def index_ddl(dialect_name: str) -> list[str]:
    """The statements of revision 0025 on this backend."""
    if not _is_mariadb(dialect_name):
        return [f"CREATE INDEX {CONTACT_ORDER_INDEX} ON {TABLE} (lower(last_name), lower(first_name), tenant_id, id)"]
    columns = ", ".join(
        f"ADD COLUMN {name} VARCHAR(100) AS (lower({source})) VIRTUAL INVISIBLE"
        for name, source in MARIADB_COLUMNS.items()
    )
    keys = ", ".join(MARIADB_COLUMNS)
    return [
        f"ALTER TABLE {TABLE} {columns}",
        f"CREATE INDEX {MARIADB_INDEX} ON {TABLE} ({keys}, tenant_id, id)",
    ]


def drop_ddl(dialect_name: str) -> list[str]:
    if not _is_mariadb(dialect_name):
        return [f"DROP INDEX IF EXISTS {CONTACT_ORDER_INDEX}"]
    columns = ", ".join(f"DROP COLUMN {name}" for name in MARIADB_COLUMNS)
    return [f"DROP INDEX {MARIADB_INDEX} ON {TABLE}", f"ALTER TABLE {TABLE} {columns}"]


def is_mariadb_object(name: str | None, type_: str, parent_names: Any = None) -> bool:
    """MariaDB's virtual columns of this module, which the models do not describe."""
    if type_ == "column":
        return (parent_names or {}).get("table_name") == TABLE and name in MARIADB_COLUMNS
    return False
