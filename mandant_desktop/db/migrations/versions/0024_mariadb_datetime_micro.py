"""MariaDB: date-time columns keep microseconds (SPEC S4, E7).

Revision ID: 0024_mariadb_datetime_micro
Revises: 0023_org_unit_tree_order
Create Date: 2026-12-04

MariaDB's plain DATETIME keeps whole seconds, while SQLite and PostgreSQL keep the microseconds the
application writes. An undo tells a link row its change wrote (a role assignment, an inheritance
mark, the link rows of revision 0021) from one removed and made again since under the same key by
its ``created_at`` and ``created_by``; on MariaDB that comparison had to allow a second
(``services.undo_conflicts.same_row_written``), so a row made again within that second was taken
for the change's own and an undo deleted it. Here every DATETIME column becomes DATETIME(6), one
ALTER TABLE per table (the columns keep their nullability); the models say DATETIME(6) there too
(``db.tables.UTCDateTime``). Stored values keep their whole seconds: the comparison is exact from
now on, and an undo of a change made before the upgrade cannot be asked for (the undo history
lives in the session). SQLite and PostgreSQL: nothing here.

The downgrade turns them back into DATETIME, which rounds the fractions away.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_mariadb_datetime_micro"
down_revision: str | Sequence[str] | None = "0023_org_unit_tree_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _alter(precision: int | None) -> None:
    bind = op.get_bind()
    if bind.dialect.name not in ("mysql", "mariadb"):
        return
    wanted = "DATETIME" if precision is None else f"DATETIME({precision})"
    inspector = sa.inspect(bind)
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        parts = []
        for column in inspector.get_columns(table):
            kind = column["type"]
            if not isinstance(kind, sa.DateTime) or getattr(kind, "fsp", None) == precision:
                continue
            null = "NULL" if column["nullable"] else "NOT NULL"
            default = f" DEFAULT {column['default']}" if column.get("default") is not None else ""
            parts.append(f"MODIFY `{column['name']}` {wanted} {null}{default}")
        if parts:
            op.execute(f"ALTER TABLE `{table}` " + ", ".join(parts))


def upgrade() -> None:
    _alter(6)


def downgrade() -> None:
    _alter(None)
