"""Alembic environment, run programmatically by :mod:`mandant_desktop.db.migrate`.

The caller owns the connection (and with it the transaction, the SQLite pragmas and the server
advisory lock) and hands it in through ``config.attributes["connection"]``; this module never opens
a database on its own, so there is no ``alembic.ini`` and no URL to keep secret.
"""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SAWarning

from mandant_desktop.db import user_order
from mandant_desktop.db.customer_search import NUMBER_ORDER_INDEX, include_name, restore_after_batch
from mandant_desktop.db.tables import ORG_UNIT_ORDER_INDEX, metadata

target_metadata = metadata


def include_object_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's ``include_name`` hook: the models, without the search index, the users list's
    order indexes and columns and the org tree's order index, which exist on some backends only."""
    if type_ == "index" and name == ORG_UNIT_ORDER_INDEX:
        return False
    return include_name(name, type_, parent_names) and not user_order.is_order_object(name, type_, parent_names)


def _revisions_at_or_below_current() -> set[str]:
    script = context.script
    revisions: set[str] = set()
    for head in context.get_context().get_current_heads():
        revisions.update(r.revision for r in script.iterate_revisions(head, "base"))
    return revisions


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can alter little in place; batch mode copies the table (see migrate.py).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # The search index and the order indexes exist on some backends only and are not part of the models.
        include_name=include_object_name,
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # A batch operation on ``customer`` cannot reflect its expression index; the line below
        # creates it again, with the search triggers the copy of the table lost.
        warnings.filterwarnings("ignore", f".*{NUMBER_ORDER_INDEX}", SAWarning)
        # Likewise the users list's order indexes on ``app_user``.
        for index in (user_order.NAME_INDEX, user_order.KIND_INDEX, ORG_UNIT_ORDER_INDEX):
            warnings.filterwarnings("ignore", f".*{index}", SAWarning)
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            restore_after_batch(connection)
            user_order.restore_after_batch(connection, _revisions_at_or_below_current())


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("offline (SQL script) migrations are not supported; use mandant-admin db upgrade")
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("pass an open connection in config.attributes['connection'] (see db.migrate)")
    _run(connection)


_main()
