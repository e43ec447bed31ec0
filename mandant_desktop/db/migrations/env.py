"""Alembic environment, run programmatically by :mod:`mandant_desktop.db.migrate`.

The caller owns the connection (and with it the transaction, the SQLite pragmas and the server
advisory lock) and hands it in through ``config.attributes["connection"]``; this module never opens
a database on its own, so there is no ``alembic.ini`` and no URL to keep secret.
"""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SAWarning
from sqlalchemy.schema import CreateIndex

from mandant_desktop.db import user_order
from mandant_desktop.db.customer_search import NUMBER_ORDER_INDEX, restore_after_batch
from mandant_desktop.db.schema_compare import comparison_options
from mandant_desktop.db.tables import CONTACT_ORDER_INDEX, ORG_UNIT_ORDER_INDEX, metadata

target_metadata = metadata


def _revisions_at_or_below_current() -> set[str]:
    script = context.script
    revisions: set[str] = set()
    for head in context.get_context().get_current_heads():
        revisions.update(r.revision for r in script.iterate_revisions(head, "base"))
    return revisions


#: the expression indexes the models declare: (table, index) → the revision that made it (the
#: revisions below it know no such index)
_DECLARED_EXPRESSION_INDEXES = {
    ("org_unit", ORG_UNIT_ORDER_INDEX): "0023_org_unit_tree_order",
    ("contact", CONTACT_ORDER_INDEX): "0025_contact_order_index",
}


def _restore_declared_expression_indexes(connection: Connection, revisions: set[str]) -> None:
    """SQLite: make the models' expression indexes again, as they declare them, after a batch copy
    of their table dropped them with the old table (SQLAlchemy cannot reflect them to copy them)."""
    for (table, name), revision in _DECLARED_EXPRESSION_INDEXES.items():
        if revision in revisions:
            index = next(index for index in metadata.tables[table].indexes if index.name == name)
            connection.execute(CreateIndex(index, if_not_exists=True))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can alter little in place; batch mode copies the table (see migrate.py).
        render_as_batch=connection.dialect.name == "sqlite",
        # What the comparison leaves out and how it compares date-time columns (db.schema_compare).
        **comparison_options(connection.dialect.name),
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # A batch operation on ``customer`` cannot reflect its expression index; the line below
        # creates it again, with the search triggers the copy of the table lost.
        warnings.filterwarnings("ignore", f".*{NUMBER_ORDER_INDEX}", SAWarning)
        # Likewise the users list's order indexes on ``app_user``.
        for index in (user_order.NAME_INDEX, user_order.KIND_INDEX, ORG_UNIT_ORDER_INDEX, CONTACT_ORDER_INDEX):
            warnings.filterwarnings("ignore", f".*{index}", SAWarning)
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            restore_after_batch(connection)
            revisions = _revisions_at_or_below_current()
            user_order.restore_after_batch(connection, revisions)
            _restore_declared_expression_indexes(connection, revisions)


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("offline (SQL script) migrations are not supported; use mandant-admin db upgrade")
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("pass an open connection in config.attributes['connection'] (see db.migrate)")
    _run(connection)


_main()
