"""PostgreSQL: the customer search of revision 0010 reads the operator's tenants once, and a second
function returns the first window of hits in number order (issue 8).

Revision ID: 0013_pg_customer_search_once
Revises: 0012_pg_tenant_access_statement
Create Date: 2026-12-03

``mandant_customer_search(pattern)`` of revision 0010 called ``mandant_visible_tenants()`` once per
matching row: "gmbh" (17,759 hits of 100,000 customers) took 1.5–3 s as the application login
against tens of milliseconds as the owner. Its condition now reads the array in a scalar sub-select,
which PostgreSQL evaluates once (an InitPlan), as the read policy of revision 0005 does. The rule is
unchanged: a customer is returned when its tenant is among the operator's visible ones.

The table's first window (sorted by number) still got every hit from the function and sorted them
itself. ``mandant_customer_search_first(pattern, tenants, first_rows, descending)`` returns only the first
``first_rows`` hits in the table's number order (``length(number), number``, then ``id``), so PostgreSQL
may walk the number-order index and stop, or sort the hits the trigram indexes found, whichever
is cheaper for the text (a custom plan for every call: ``plan_cache_mode``). ``tenants`` (NULL: no
further limit) narrows the result to the tenants the caller's own query keeps (a tenant filter,
T9), so that the first ``first_rows`` hits of the function are the first of the caller's query; the
visibility rule is the same as the other function's, read once per call.

Both functions stay owned by the schema owner, revoked from PUBLIC and granted to ``mandant_app``
(``CREATE OR REPLACE`` keeps the grants of the existing one). SQLite and MariaDB: nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_pg_customer_search_once"
down_revision: str | Sequence[str] | None = "0012_pg_tenant_access_statement"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH = "mandant_customer_search"
FIRST = "mandant_customer_search_first"
FIRST_SIGNATURE = f"{FIRST}(text, integer[], integer, boolean)"

_MATCH = """(lower(number) LIKE pattern ESCAPE '/' OR lower(name) LIKE pattern ESCAPE '/'
                   OR lower(short_name) LIKE pattern ESCAPE '/')"""

# The function of revision 0010 with the visible tenants as written here ({visible}).
_SEARCH = f"""
DO $do$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION {SEARCH}(pattern text) RETURNS SETOF integer
        LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = %I, pg_temp AS $body$
            SELECT id FROM customer
            WHERE {_MATCH}
              AND tenant_id = ANY ({{visible}})
        $body$$f$, current_schema());
END
$do$;
"""

_FIRST_QUERY = f"""
            SELECT id FROM customer
            WHERE {_MATCH}
              AND tenant_id = ANY (visible) AND (tenants IS NULL OR tenant_id = ANY (tenants))
            ORDER BY length(number) {{direction}}, number {{direction}}, id LIMIT first_rows"""

_FIRST = f"""
DO $do$
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION {FIRST}(pattern text, tenants integer[], first_rows integer, descending boolean)
        RETURNS SETOF integer
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100
        SET search_path = %I, pg_temp SET plan_cache_mode = force_custom_plan AS $body$
        DECLARE
            visible integer[] := mandant_visible_tenants();
        BEGIN
            IF descending THEN
                RETURN QUERY {_FIRST_QUERY.format(direction="DESC")};
            ELSE
                RETURN QUERY {_FIRST_QUERY.format(direction="")};
            END IF;
        END
        $body$$f$, current_schema());
    EXECUTE 'REVOKE ALL ON FUNCTION {FIRST_SIGNATURE} FROM PUBLIC';
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mandant_app') THEN
        EXECUTE 'GRANT EXECUTE ON FUNCTION {FIRST_SIGNATURE} TO mandant_app';
    END IF;
END
$do$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_SEARCH.format(visible="(SELECT mandant_visible_tenants())::integer[]"))
        op.execute(_FIRST)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {FIRST_SIGNATURE}")
        op.execute(_SEARCH.format(visible="mandant_visible_tenants()"))
