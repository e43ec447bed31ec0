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

from mandant_desktop.db.customer_search import NUMBER_ORDER_INDEX, include_name, restore_after_batch
from mandant_desktop.db.tables import metadata

target_metadata = metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can alter little in place; batch mode copies the table (see migrate.py).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # The search index exists on some backends only and is not part of the models.
        include_name=include_name,
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # A batch operation on ``customer`` cannot reflect its expression index; the line below
        # creates it again, with the search triggers the copy of the table lost.
        warnings.filterwarnings("ignore", f".*{NUMBER_ORDER_INDEX}", SAWarning)
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            restore_after_batch(connection)


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("offline (SQL script) migrations are not supported; use mandant-admin db upgrade")
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("pass an open connection in config.attributes['connection'] (see db.migrate)")
    _run(connection)


_main()
