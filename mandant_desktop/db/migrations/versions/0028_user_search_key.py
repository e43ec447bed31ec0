"""The users search compares folded texts word by word, as the customer search does since revision
0027: "Jürgen" finds "Juergen", "strasse" finds "Straße" (SPEC U1, E2).

Revision ID: 0028_user_search_key
Revises: 0027_customer_search_fold
Create Date: 2026-12-04

The rule is :mod:`mandant_desktop.domain.search_folding`, which no backend can apply, so the
application stores each user's folded user name, e-mail address, first and last name in the new
column ``app_user.search_key`` with every insert and every change (the models, and the rows of
bulk inserts), and the searches of users compare it (:mod:`mandant_desktop.db.search_keys`). It is
filled here for the users there are by one ``UPDATE`` (SQLite: through a function of this
connection; elsewhere the keys of one read, loaded into a temporary table and joined in).

No index: a search reads every user either way (a substring), and the scan of one short column of
the large demo's 10,000 users takes a few milliseconds on each backend
(docs/profiles/2026-12-04-search-fold-2). A workstation of an older version still inserts users,
with an empty key (the column's default): they are found once a newer version changes them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mandant_desktop.db import search_keys

revision: str = "0028_user_search_key"
down_revision: str | Sequence[str] | None = "0027_customer_search_fold"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "app_user"
#: the texts of the key, in the order the models join them (tables.USER_KEY_COLUMNS)
COLUMNS = ("username", "email", "first_name", "last_name")


def upgrade() -> None:
    op.add_column(TABLE, sa.Column(search_keys.KEY_COLUMN, sa.Text(), nullable=False, server_default=""))
    search_keys.fill_keys(op.get_bind(), TABLE, COLUMNS)


def downgrade() -> None:
    op.execute(f"ALTER TABLE {TABLE} DROP COLUMN {search_keys.KEY_COLUMN}")  # SQLite too, since 3.35
