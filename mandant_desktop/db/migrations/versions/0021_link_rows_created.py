"""Link rows record when and by whom they were made (SPEC S4, E7).

Revision ID: 0021_link_rows_created
Revises: 0020_pg_assignment_keys_once
Create Date: 2026-12-03

A role's permission, a rights group's permission and member, a customer's contact person and a
distribution list's member were their key and nothing more: an undo could not tell the row its
change added from one removed and added again since under the same key — by another workstation
(the audit log told that much) or by the same user on another page (nothing told that). They get
``created_at`` and ``created_by``, as role assignments and inheritance marks have them, and undo
compares them as it does there (``services.undo_conflicts.same_row_written``).

Rows made before this revision get the moment of the upgrade (whole seconds, the same on every
backend) and no creator: who made them is not known. The downgrade removes both columns and keeps
the rows.

No grant is needed on PostgreSQL: the application role's rights are on the tables, new columns
included; row security does not look at these columns.
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_link_rows_created"
down_revision: str | Sequence[str] | None = "0020_pg_assignment_keys_once"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the link tables that get the two columns
TABLES = (
    "role_permission",
    "rights_group_permission",
    "rights_group_member",
    "customer_contact_person",
    "distribution_list_member",
)


def upgrade() -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)  # stored as naive UTC
    for name in TABLES:
        op.add_column(name, sa.Column("created_at", sa.DateTime(), nullable=True))
        op.add_column(name, sa.Column("created_by", sa.String(length=100), nullable=True))
        table = sa.table(name, sa.column("created_at", sa.DateTime()))
        op.execute(table.update().values(created_at=now))
        # SQLite copies the table for this (batch mode); the other backends alter the column.
        with op.batch_alter_table(name) as batch:
            batch.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("created_by")
            batch.drop_column("created_at")
