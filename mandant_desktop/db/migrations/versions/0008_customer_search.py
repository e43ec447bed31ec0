"""An index for the customer search (SPEC C1, section 8): substrings of number, name and short name.

Revision ID: 0008_customer_search
Revises: 0007_login_throttle
Create Date: 2026-12-03

What each backend gets, and why, is described in :mod:`mandant_desktop.db.customer_search`:

* SQLite: the FTS5 table ``customer_search`` (trigram tokenizer), filled here from the existing
  customers and kept in step by three triggers; and an index on ``(length(number), number)``, the
  number order of the table, so that a scan for one or two characters can stop after the first
  window. A SQLite without FTS5 or the trigram tokenizer gets the order index only (logged).
* PostgreSQL: the extension ``pg_trgm`` and a GIN trigram index on ``lower()`` of each column,
  plus the same order index. A role that may not create the extension (it is "trusted" from
  PostgreSQL 13 on, so the database owner may) gets the order index only (logged): the search
  works as before, by a scan. The downgrade leaves the extension in place; other schemas of the
  server may use it.
* MariaDB/MySQL: nothing; the search stays a scan (no substring index exists there).
"""

import logging
from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

from mandant_desktop.db import customer_search as search

revision: str = "0008_customer_search"
down_revision: str | Sequence[str] | None = "0007_login_throttle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("mandant_desktop.db.migrate")


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        op.execute(search.ORDER_INDEX_DDL)
        problem = search.sqlite_supports_index(bind)
        if problem is not None:
            log.warning("customer search without an index: this SQLite lacks FTS5 with trigrams (%s)", problem)
            return
        search.create_sqlite_index(bind)
    elif dialect == "postgresql":
        op.execute(search.ORDER_INDEX_DDL)
        try:
            # In a savepoint: a refused CREATE EXTENSION must not abort the whole upgrade.
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            log.warning("customer search without an index: the extension pg_trgm cannot be created (%s)", reason)
            return
        for column, name in search.PG_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON customer USING gin (lower({column}) gin_trgm_ops)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        search.drop_sqlite_index(op.get_bind())
    elif dialect == "postgresql":
        for name in search.PG_INDEXES.values():
            op.execute(f"DROP INDEX IF EXISTS {name}")
    if dialect in ("sqlite", "postgresql"):
        op.execute(f"DROP INDEX IF EXISTS {search.NUMBER_ORDER_INDEX}")
