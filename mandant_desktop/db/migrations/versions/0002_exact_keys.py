"""Normalised keys and numbers compare exactly on MariaDB/MySQL too.

Revision ID: 0002_exact_keys
Revises: 0001_initial
Create Date: 2026-11-22

MariaDB databases are usually created with a collation that ignores case and accents
(``utf8mb4_unicode_ci``, as the README suggests). The unique indexes on the ``*_key`` columns, on
customer numbers and on template names then took "müller" and "muller" (or "A1" and "a1") for the
same value, which SQLite and PostgreSQL do not. These columns get the binary collation; existing
rows stay valid, since a binary collation tells more values apart, never fewer. SQLite and
PostgreSQL compare exactly already: nothing to do there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0002_exact_keys"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column, length, nullable)
_COLUMNS = (
    ("tenant", "name_key", 100, False),
    ("tenant", "newsroom_slug", 100, True),
    ("app_user", "username_key", 100, False),
    ("app_user", "email_key", 254, True),
    ("role", "name_key", 100, False),
    ("rights_group", "name_key", 150, False),
    ("customer", "number", 32, False),
    ("deleted_customer_number", "number", 32, False),
    ("template", "name", 200, False),
)


def _on_mysql() -> bool:
    return op.get_bind().dialect.name in ("mysql", "mariadb")


def upgrade() -> None:
    if not _on_mysql():
        return
    for table, column, length, nullable in _COLUMNS:
        op.alter_column(
            table,
            column,
            existing_type=sa.String(length),
            type_=mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin"),
            existing_nullable=nullable,
        )


def downgrade() -> None:
    if not _on_mysql():
        return
    for table, column, length, nullable in _COLUMNS:
        # Back to the table's default collation. This fails if rows now differ only in case or
        # accents, which is the honest outcome: the old schema cannot hold them.
        op.alter_column(
            table,
            column,
            existing_type=mysql.VARCHAR(length, charset="utf8mb4", collation="utf8mb4_bin"),
            type_=sa.String(length),
            existing_nullable=nullable,
        )
