"""Alembic environment, run programmatically by :mod:`mandant_desktop.db.migrate`.

The caller owns the connection (and with it the transaction, the SQLite pragmas and the server
advisory lock) and hands it in through ``config.attributes["connection"]``; this module never opens
a database on its own, so there is no ``alembic.ini`` and no URL to keep secret.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from mandant_desktop.db.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can alter little in place; batch mode copies the table (see migrate.py).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("offline (SQL script) migrations are not supported; use mandant-admin db upgrade")
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("pass an open connection in config.attributes['connection'] (see db.migrate)")
    _run(connection)


_main()
