"""PostgreSQL: the statement checks of revisions 0009 and 0012 planned for each statement (issue 8).

Revision ID: 0014_pg_checks_replanned
Revises: 0013_pg_customer_search_once
Create Date: 2026-12-03

The assignment check (``mandant_check_assignments``, 0009) and the tenant-access check
(``mandant_check_tenant_accesses``, 0012) join the statement's transition tables with the
operator's own rows. PL/pgSQL prepares such a query once per connection and keeps its plan; the
planner sized the transition table by the statement that ran first. On a pooled connection that
first ticked "inherit" in a small subtree (2 rows) and then at the root (10,000 rows), the kept plan
compared every one of the administrator's 5,000 assignments with every new row: 50 million
comparisons, 5.8 s inside the check of one INSERT that itself took 0.1 s (auto_explain, the
benchmark's copy of the large demo, 12:20 UTC). A fresh connection planned it for 10,000 rows and
took 0.2 s, which is why it came and went.

The checks now run through ``EXECUTE``, which plans each time with the transition tables' real
sizes (a fraction of a millisecond per statement; both functions run once per statement). Queries
and rules are those of 0009 and 0012, word for word; only the operator is passed as ``$1``. The
downgrade puts back the functions of 0009 and 0012 as those revisions wrote them.
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db.migrate import revision_module

revision: str = "0014_pg_checks_replanned"
down_revision: str | Sequence[str] | None = "0013_pg_customer_search_once"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 0009: the units the operator may assign in, before the statement, against the units it touched
_ASSIGNMENTS = """
    WITH held AS (
        SELECT ra.org_unit_id, ra.role_id FROM role_assignment ra
        WHERE ra.user_id = $1 {without_new}
        {with_old}
    ), allowed AS (
        SELECT DISTINCT held.org_unit_id FROM held
        JOIN role_permission rp ON rp.role_id = held.role_id AND rp.permission_code = 'assignments.assign'
    ), touched AS (
        SELECT org_unit_id AS unit FROM {touched}
    )
    SELECT min(touched.unit) FROM touched
    WHERE NOT EXISTS (SELECT 1 FROM allowed WHERE allowed.org_unit_id = touched.unit)
"""
_ASSIGNMENTS_WITHOUT_NEW = "AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = ra.id)"
_ASSIGNMENTS_WITH_OLD = "UNION ALL SELECT o.org_unit_id, o.role_id FROM old_rows o WHERE o.user_id = $1"

# 0012: the tenants the operator had full access to, before the statement, against those it touched
_ACCESSES = """
    WITH editable AS (
        SELECT ta.tenant_id FROM tenant_access ta
        WHERE ta.user_id = $1 AND ta.level = 'full' {without_new}
        {with_old}
    ), touched AS (
        {touched}
    )
    SELECT EXISTS (
        SELECT 1 FROM touched WHERE NOT EXISTS (SELECT 1 FROM editable WHERE editable.tenant_id = touched.tenant_id)
    )
"""
_ACCESSES_WITHOUT_NEW = (
    "AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = ta.tenant_id AND n.user_id = ta.user_id)"
)
_ACCESSES_WITH_OLD = "UNION ALL SELECT o.tenant_id FROM old_rows o WHERE o.user_id = $1 AND o.level = 'full'"


def _run(query: str, into: str) -> str:
    """``query`` (with the operator as ``$1``) planned for this statement, its answer into ``into``."""
    return f"EXECUTE $q${query}$q$ INTO {into} USING acting_user;"


def _assignments(*, old: bool, new: bool, touched: str) -> str:
    query = _ASSIGNMENTS.format(
        without_new=_ASSIGNMENTS_WITHOUT_NEW if new else "",
        with_old=_ASSIGNMENTS_WITH_OLD if old else "",
        touched=touched,
    )
    return _run(query, "refused")


def _accesses(*, old: bool, new: bool) -> str:
    parts = (("SELECT tenant_id FROM old_rows", old), ("SELECT tenant_id FROM new_rows", new))
    query = _ACCESSES.format(
        without_new=_ACCESSES_WITHOUT_NEW if new else "",
        with_old=_ACCESSES_WITH_OLD if old else "",
        touched=" UNION ".join(part for part, used in parts if used),
    )
    return _run(query, "refused")


_REFUSE_ASSIGNMENT = """
    IF refused IS NOT NULL THEN
        RAISE EXCEPTION 'role assignment outside the operator''s org units (unit %)', refused
            USING ERRCODE = '42501';
    END IF;
"""

_CHECK_ASSIGNMENTS = f"""
CREATE OR REPLACE FUNCTION mandant_check_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    acting_user integer := mandant_operator_id();
    refused integer;
BEGIN
    IF mandant_is_trusted() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        {_assignments(old=False, new=True, touched="new_rows")}
    ELSIF TG_OP = 'DELETE' THEN
        {_assignments(old=True, new=False, touched="old_rows")}
    ELSE
        {_assignments(old=True, new=True, touched="old_rows")}
        {_REFUSE_ASSIGNMENT}
        {_assignments(old=True, new=True, touched="new_rows")}
    END IF;
    {_REFUSE_ASSIGNMENT}
    RETURN NULL;
END
$$;
"""

_CHECK_ACCESSES = f"""
CREATE OR REPLACE FUNCTION mandant_check_tenant_accesses() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    acting_user integer := mandant_operator_id();
    refused boolean;
BEGIN
    IF mandant_is_trusted() THEN
        RETURN NULL;
    END IF;
    -- a statement that changed no row (a cascade from a user without access rows) asks nothing
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM old_rows) THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM role_assignment held JOIN role_permission rp ON rp.role_id = held.role_id
        WHERE held.user_id = acting_user AND rp.permission_code = 'tenants.manage_access'
    ) THEN
        refused := true;
    ELSIF TG_OP = 'INSERT' THEN
        {_accesses(old=False, new=True)}
    ELSIF TG_OP = 'DELETE' THEN
        {_accesses(old=True, new=False)}
    ELSE
        {_accesses(old=True, new=True)}
    END IF;
    IF refused THEN
        RAISE EXCEPTION 'tenant access changed without the right to manage it' USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_CHECK_ASSIGNMENTS)
    op.execute(_CHECK_ACCESSES)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in ("0009_pg_assignment_statement", "0012_pg_tenant_access_statement"):
        function = revision_module(name)._FUNCTION
        op.execute(function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
