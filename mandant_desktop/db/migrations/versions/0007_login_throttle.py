"""Failed log-ins on unknown user names are counted in the database (SPEC S1).

Revision ID: 0007_login_throttle
Revises: 0006_inheritance_breaks
Create Date: 2026-11-22

Until now each workstation counted them in memory: two workstations (or a restarted program) each
allowed five attempts. The table is keyed by a SHA-256 hash of the normalised name, never the
typed name itself (it may be a mistyped password). On PostgreSQL the application role of revision
0005 needs its rights on the new table: the default privileges of 0005 cover tables created by the
same owner, the explicit grant here covers an upgrade run by another role (a superuser).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_login_throttle"
down_revision: str | Sequence[str] | None = "0006_inheritance_breaks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "mandant_app"

_GRANT = f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO {APP_ROLE};
    END IF;
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("name_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name_hash", name=op.f("pk_login_throttle")),
    )
    op.create_index(op.f("ix_login_throttle_locked_until"), "login_throttle", ["locked_until"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_GRANT)


def downgrade() -> None:
    op.drop_index(op.f("ix_login_throttle_locked_until"), table_name="login_throttle")
    op.drop_table("login_throttle")
