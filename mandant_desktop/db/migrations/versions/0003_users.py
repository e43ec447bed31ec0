"""The outbox has its own permission: roles that configure mail may read it.

Revision ID: 0003_users
Revises: 0002_exact_keys
Create Date: 2026-11-22

The users feature adds the permission ``mail.view`` (reading the outbox, activation links
included). The catalogue sync adds new permissions but never changes a role, so on a database
made before this feature nobody could open the outbox. Every role that may configure the e-mail
server (``settings.smtp``) — the Administrator among them — receives it here, once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_users"
down_revision: str | Sequence[str] | None = "0002_exact_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_permission = sa.table(
    "permission",
    sa.column("code", sa.String),
    sa.column("scope", sa.String),
    sa.column("area", sa.String),
    sa.column("sort_order", sa.Integer),
)
_role_permission = sa.table(
    "role_permission", sa.column("role_id", sa.Integer), sa.column("permission_code", sa.String)
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.select(_permission.c.code).where(_permission.c.code == "mail.view")).first() is None:
        # The catalogue sync corrects the sort order right after the upgrade.
        op.execute(_permission.insert().values(code="mail.view", scope="admin", area="mail", sort_order=0))
    holders = sa.select(_role_permission.c.role_id).where(_role_permission.c.permission_code == "settings.smtp")
    granted = sa.select(_role_permission.c.role_id).where(_role_permission.c.permission_code == "mail.view")
    role_ids = [row[0] for row in bind.execute(holders.except_(granted))]
    if role_ids:
        op.bulk_insert(_role_permission, [{"role_id": role_id, "permission_code": "mail.view"} for role_id in role_ids])


def downgrade() -> None:
    op.execute(_role_permission.delete().where(_role_permission.c.permission_code == "mail.view"))
    op.execute(_permission.delete().where(_permission.c.code == "mail.view"))
