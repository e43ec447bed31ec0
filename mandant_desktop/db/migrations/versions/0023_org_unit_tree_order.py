"""The org-unit tree's order as an index on SQLite and PostgreSQL (issue 8, ``org_tree_expand_all``).

Revision ID: 0023_org_unit_tree_order
Revises: 0022_mariadb_customer_search
Create Date: 2026-12-04

"Expand all" reads every unit in one query, each parent's children in display order (sort order,
name in lower case, id); a level's children come in the same order. Without an index the server
sorted all 5,000 units of the large demo on each "Expand all": on PostgreSQL 12.4 ms for the
query against 7.9 ms read in the order of this index (30 rounds in turns, load 5;
docs/profiles/2026-12-04-pg), on SQLite 5.5 against 4.4 ms. The index (parent, sort order,
``lower(name)``, id) gives both orders without a sort: all units parent by parent
(OrgUnitsService.all_units groups them by parent anyway), and one parent's children.

MariaDB has no expression indexes: nothing there (its sort of 5,000 rows stays as it was). The
models declare the index for SQLite and PostgreSQL (``db.later_tables``); a later SQLite batch
migration that copies ``org_unit`` loses it, and the migration environment makes it again (env.py).
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db.tables import ORG_UNIT_ORDER_INDEX

revision: str = "0023_org_unit_tree_order"
down_revision: str | Sequence[str] | None = "0022_mariadb_customer_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BACKENDS = ("sqlite", "postgresql")


def upgrade() -> None:
    if op.get_bind().dialect.name in _BACKENDS:
        op.execute(f"CREATE INDEX {ORG_UNIT_ORDER_INDEX} ON org_unit (parent_id, sort_order, lower(name), id)")


def downgrade() -> None:
    if op.get_bind().dialect.name in _BACKENDS:
        op.execute(f"DROP INDEX IF EXISTS {ORG_UNIT_ORDER_INDEX}")
