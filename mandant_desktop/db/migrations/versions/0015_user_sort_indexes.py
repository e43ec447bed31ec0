"""Indexes for the sort orders of the users list (SPEC U1, section 8; issue 8).

Revision ID: 0015_user_sort_indexes
Revises: 0014_pg_checks_replanned
Create Date: 2026-12-03

The users list orders by name (``lower(last_name)``, ``lower(first_name)``, ``username_key``,
``id``) or by kind and then name. Each of its windows sorted all users in a temporary B-tree
first. What each backend gets, and why MariaDB's differ, is described in
:mod:`mandant_desktop.db.user_order`: expression indexes on SQLite and PostgreSQL; on MariaDB/MySQL
two invisible virtual columns with the lower-case names, and the same indexes on them.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db import user_order

revision: str = "0015_user_sort_indexes"
down_revision: str | Sequence[str] | None = "0014_pg_checks_replanned"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in user_order.index_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in user_order.drop_ddl(op.get_bind().dialect.name):
        op.execute(statement)
