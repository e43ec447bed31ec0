"""SQLite: an index for customer searches of one or two characters (issue 8).

Revision ID: 0019_customer_search_short
Revises: 0018_pg_customer_search_grams
Create Date: 2026-12-03

Revision 0008's trigram index cannot answer a text shorter than three characters, so such a
search scanned every customer, testing three ``GLOB`` patterns on each: 130–200 ms on the large
demo for a text with few or no hits ("q", "xy", "zz"), where the walk of the number order cannot
stop early. Created here on SQLite (described in :mod:`mandant_desktop.db.customer_search`):

* ``customer_search_short``: a contentless FTS5 table (``ascii`` tokenizer, no positions, an index
  of first characters) whose tokens are each column's substrings of two characters, filled from
  the existing customers (about 2.5 s for 100,000, 5 MB) and kept in step by three triggers;
* ``customer_search_position``: the numbers 1 to 1,000 the triggers cut the substrings with.

A SQLite without FTS5 (no table of revision 0008) gets nothing; PostgreSQL has its index of short
texts since revision 0018, MariaDB none.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db import customer_search as search

revision: str = "0019_customer_search_short"
down_revision: str | Sequence[str] | None = "0018_pg_customer_search_grams"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    tables = bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars()
    if search.FTS_TABLE in set(tables):  # else this SQLite has no FTS5 (logged by revision 0008)
        search.create_sqlite_short_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search.drop_sqlite_short_index(bind)
