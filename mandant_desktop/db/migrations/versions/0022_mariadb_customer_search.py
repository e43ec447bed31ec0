"""MariaDB: an index for the customer search (issue 8).

Revision ID: 0022_mariadb_customer_search
Revises: 0021_link_rows_created
Create Date: 2026-12-03

MariaDB had no index for the customer search: every window and every count of a search read all
100,000 customers of the large demo, testing three folded columns each (``customer_filter``
117 ms, ``customer_search_terms`` 127 ms). MariaDB 10.11 has no n-gram full-text parser (MySQL's
``ngram`` parser is MySQL's), and its FULLTEXT indexes match words, not substrings. Created here on
MariaDB/MySQL (described in :mod:`mandant_desktop.db.customer_search`):

* ``customer_search_gram``: per customer, the grams of its folded number, name and short name
  (from every position the next three characters, fewer at a column's end), filled from the
  existing customers and kept in step by three triggers;
* ``customer_search_position``: the numbers 1 to 1,000 the triggers cut the grams with;
* ``customer.number_length``: an invisible virtual column, ``length(number)``, and the index
  ``ix_customer_number_order`` on it and the number, which a window in number order walks.

SQLite and PostgreSQL have their indexes since revisions 0008, 0018 and 0019: nothing here.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db import customer_search as search

revision: str = "0022_mariadb_customer_search"
down_revision: str | Sequence[str] | None = "0021_link_rows_created"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name in ("mysql", "mariadb"):
        search.create_mariadb_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name in ("mysql", "mariadb"):
        search.drop_mariadb_index(bind)
