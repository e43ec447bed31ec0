"""An index for the order of the contacts list (SPEC section 8; issue 8).

Revision ID: 0025_contact_order_index
Revises: 0024_mariadb_datetime_micro
Create Date: 2026-12-04

The contacts page reads its contacts in windows of 200 ordered by ``lower(last_name)``,
``lower(first_name)``, ``tenant_id``, ``id``; each window sorted all contacts first. What each
backend gets is described in :mod:`mandant_desktop.db.contact_order`: an expression index on SQLite
and PostgreSQL (declared by the models); on MariaDB/MySQL two invisible virtual columns with the
lower-case names and an index on them.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db import contact_order

revision: str = "0025_contact_order_index"
down_revision: str | Sequence[str] | None = "0024_mariadb_datetime_micro"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in contact_order.index_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in contact_order.drop_ddl(op.get_bind().dialect.name):
        op.execute(statement)
