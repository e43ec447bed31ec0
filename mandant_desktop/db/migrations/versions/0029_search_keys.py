"""The searches of users, org units, rights groups, the outbox and contacts compare folded texts
word by word, as the customer search does since revision 0027: "Jürgen" finds "Juergen",
"strasse" finds "Straße", "mueller kg" finds "Elektro Müller KG" (SPEC U1, A4, C4, U4, S5, E2).

Revision ID: 0029_search_keys
Revises: 0028_sqlite_ids_never_reused
Create Date: 2026-12-04

The rule is :mod:`mandant_desktop.domain.search_folding`, which no backend can apply, so the
application stores the folded texts of each row in a new column ``search_key`` of ``app_user``
(user name, e-mail address, first and last name), ``org_unit`` (name), ``rights_group`` (name),
``outbox_mail`` (recipient, subject) and ``contact`` (last and first name, contact type; in a
separate tenant's database too, which the same revisions migrate), with every insert and every
change (the models, and the rows of bulk inserts), and the searches compare it
(:mod:`mandant_desktop.db.search_keys`). The keys of the rows there are are filled here by one
``UPDATE`` per table (SQLite: through a function of this connection; elsewhere the keys of one
read, loaded into a temporary table and joined in).

No index: each search reads every row either way (a substring); the scan of one short column is
what the searches of these tables did before, on 10,000 users, 5,000 units, 37,000 groups and
20,000 contacts of the large demo (docs/profiles/2026-12-04-search-fold-2). A workstation of an
older version still inserts rows with an empty key (the column's default): they are found once a
newer version changes them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mandant_desktop.db import search_keys

revision: str = "0029_search_keys"
down_revision: str | Sequence[str] | None = "0028_sqlite_ids_never_reused"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table → the texts of its key, in the order the models join them (tables.*_KEY_COLUMNS)
TABLES = {
    "app_user": ("username", "email", "first_name", "last_name"),
    "org_unit": ("name",),
    "rights_group": ("name",),
    "outbox_mail": ("recipient", "subject"),
    "contact": ("last_name", "first_name", "contact_type"),
}


def upgrade() -> None:
    for table, columns in TABLES.items():
        op.add_column(table, sa.Column(search_keys.KEY_COLUMN, sa.Text(), nullable=False, server_default=""))
        search_keys.fill_keys(op.get_bind(), table, columns)


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {search_keys.KEY_COLUMN}")  # SQLite too, since 3.35
