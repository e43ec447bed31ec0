"""An index on ``rights_group_permission.permission_code`` on every backend (issue 8; schema S9).

Revision ID: 0026_group_permission_code
Revises: 0025_contact_order_index
Create Date: 2026-12-04

Only MariaDB had one: InnoDB makes an index for a foreign key that no index begins with, named as
the key (the primary key begins with ``group_id``), and keeps it while the key exists. What reads
by the code: the catalogue's sync deletes the rows of removed permissions (``permission_code IN``)
and the delete of the permission itself checks the key; on SQLite and PostgreSQL both scanned all
220,852 rows of the large demo (PostgreSQL's DELETE for an unknown code: 85 ms, a sequential
scan), on MariaDB they read the index (docs/profiles/2026-12-04-schema-models). No read of the
program filters by the code otherwise, so the choice was an index everywhere or none; MariaDB keeps
its index as long as the foreign key is there, hence one everywhere: SQLite and PostgreSQL get it,
and MariaDB's index of the key is renamed to the name the models give it (declared with
``index=True``).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026_group_permission_code"
down_revision: str | Sequence[str] | None = "0025_contact_order_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "rights_group_permission"
INDEX = "ix_rights_group_permission_permission_code"
#: MariaDB/MySQL: the index InnoDB made for the foreign key, named as the key (revision 0001)
KEY_INDEX = "fk_rights_group_permission_permission_code_permission"


def _mariadb_index_names() -> set[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT DISTINCT index_name FROM information_schema.statistics "
        f"WHERE table_schema = database() AND table_name = '{TABLE}'"
    )
    return {str(row[0]) for row in rows}


def upgrade() -> None:
    if op.get_bind().dialect.name not in ("mysql", "mariadb"):
        op.create_index(INDEX, TABLE, ["permission_code"])
    elif KEY_INDEX in _mariadb_index_names():
        op.execute(f"ALTER TABLE {TABLE} RENAME INDEX {KEY_INDEX} TO {INDEX}")
    else:
        op.create_index(INDEX, TABLE, ["permission_code"])


def downgrade() -> None:
    if op.get_bind().dialect.name not in ("mysql", "mariadb"):
        op.drop_index(INDEX, TABLE)
    else:
        # The foreign key needs an index: the one it had, under its old name.
        op.execute(f"ALTER TABLE {TABLE} RENAME INDEX {INDEX} TO {KEY_INDEX}")
