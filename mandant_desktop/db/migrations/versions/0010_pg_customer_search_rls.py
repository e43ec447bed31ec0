"""PostgreSQL: the customer search through the trigram indexes for the application role (issue 8).

Revision ID: 0010_pg_customer_search_rls
Revises: 0009_pg_assignment_statement
Create Date: 2026-12-03

Row-level security (revision 0005) applies to ``mandant_app`` and not to the schema owner. Under
it, PostgreSQL evaluates no condition of the query before the row policy unless the condition is
leakproof, and ``lower()`` and ``LIKE`` are not: the trigram indexes of revision 0008 served the
owner only, and the application role read all 100,000 customers on every search (70 ms instead of
8 ms in the EXPLAIN of the issue's notes). The function created here runs the search as the owner,
so through the indexes, and returns only the ids of customers in tenants the operator
(``app.operator_id``) may see, as the read policy does; the caller's own query still passes the
policy. SQLite and MariaDB: nothing.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db import customer_search as search

revision: str = "0010_pg_customer_search_rls"
down_revision: str | Sequence[str] | None = "0009_pg_assignment_statement"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(search.PG_SEARCH_FUNCTION_DDL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {search.PG_SEARCH_FUNCTION}(text)")
