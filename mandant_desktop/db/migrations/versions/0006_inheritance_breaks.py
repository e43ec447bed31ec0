"""Chain breaks of role inheritance (SPEC A7).

Revision ID: 0006_inheritance_breaks
Revises: 0005_pg_row_security
Create Date: 2026-11-22

"Edit roles" on a unit whose roles are inherited turns them into direct roles and stops the chain
there: the units below lose what reached them through it, and a unit created below it later must
not receive it either. The assignment rows cannot say so once the inherited rows are gone, so the
break is kept as a (user, unit) row of its own, next to ``inheritance_source``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_inheritance_breaks"
down_revision: str | Sequence[str] | None = "0005_pg_row_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inheritance_break",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["org_unit_id"], ["org_unit.id"], name=op.f("fk_inheritance_break_org_unit_id_org_unit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_inheritance_break_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "org_unit_id", name=op.f("pk_inheritance_break")),
    )
    op.create_index(op.f("ix_inheritance_break_org_unit_id"), "inheritance_break", ["org_unit_id"], unique=False)


def downgrade() -> None:
    # The index goes with the table; MariaDB refuses to drop it first, as a foreign key needs it.
    op.drop_table("inheritance_break")
