"""PostgreSQL: the database-side tenant-access check of revision 0005 once per statement instead of
once per row (issue 8, SPEC S1, T2).

Revision ID: 0012_pg_tenant_access_statement
Revises: 0011_pg_assignment_keys
Create Date: 2026-12-03

The rule stays the one of 0005: an operator who is not trusted (not the schema owner) may add,
change or remove a tenant-access row only while holding ``tenants.manage_access`` (in any unit)
and full access to the row's tenant — for a change, to its tenant before and after. Saving the
access matrix writes one row per changed cell; the per-row trigger asked all of it again for each.
Three statement-level ``AFTER`` triggers with transition tables ask it once per statement, as
revision 0009 does for role assignments:

* full access is judged as it stood before the statement: the operator's rows now, without the
  statement's new rows, with its old rows. For a statement of one row this is what the per-row
  trigger saw; for more it does not depend on the order in which PostgreSQL visits them (an
  operator who takes their own full access to a tenant away in the same statement still had it);
* the error is the same (SQLSTATE 42501, "tenant access changed without the right to manage it");
  an ``AFTER`` trigger refuses after the rows are written, and the raise undoes the statement.

The function of 0005 (``mandant_check_tenant_access()``) stays; the downgrade puts its per-row
trigger back. SQLite and MariaDB: nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_pg_tenant_access_statement"
down_revision: str | Sequence[str] | None = "0011_pg_assignment_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "mandant_check_tenant_accesses"
#: trigger name → (event, REFERENCING clause)
TRIGGERS = {
    "mandant_check_tenant_accesses_insert": ("INSERT", "NEW TABLE AS new_rows"),
    "mandant_check_tenant_accesses_update": ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "mandant_check_tenant_accesses_delete": ("DELETE", "OLD TABLE AS old_rows"),
}

# Each event has its own query (the transition tables exist only for the events that have them).
_CHECK = """
    WITH editable AS (
        SELECT ta.tenant_id FROM tenant_access ta
        WHERE ta.user_id = acting_user AND ta.level = 'full' {without_new}
        {with_old}
    ), touched AS (
        {touched}
    )
    SELECT EXISTS (
        SELECT 1 FROM touched WHERE NOT EXISTS (SELECT 1 FROM editable WHERE editable.tenant_id = touched.tenant_id)
    ) INTO refused;
"""
_WITHOUT_NEW = "AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = ta.tenant_id AND n.user_id = ta.user_id)"
_WITH_OLD = "UNION ALL SELECT o.tenant_id FROM old_rows o WHERE o.user_id = acting_user AND o.level = 'full'"
_OLD = "SELECT tenant_id FROM old_rows"
_NEW = "SELECT tenant_id FROM new_rows"


def _check(*, old: bool, new: bool) -> str:
    touched = " UNION ".join(part for part, used in ((_OLD, old), (_NEW, new)) if used)
    return _CHECK.format(without_new=_WITHOUT_NEW if new else "", with_old=_WITH_OLD if old else "", touched=touched)


_FUNCTION = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    acting_user integer := mandant_operator_id();
    refused boolean;
BEGIN
    IF mandant_is_trusted() THEN
        RETURN NULL;
    END IF;
    -- a statement that changed no row (a cascade from a user without access rows) asks nothing,
    -- as the per-row trigger was not called for it
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
        {_check(old=False, new=True)}
    ELSIF TG_OP = 'DELETE' THEN
        {_check(old=True, new=False)}
    ELSE
        {_check(old=True, new=True)}
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
    op.execute("DROP TRIGGER IF EXISTS mandant_check_tenant_access ON tenant_access")
    op.execute(_FUNCTION)
    for name, (event, referencing) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON tenant_access REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON tenant_access")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    op.execute(
        "CREATE TRIGGER mandant_check_tenant_access BEFORE INSERT OR UPDATE OR DELETE ON tenant_access "
        "FOR EACH ROW EXECUTE FUNCTION mandant_check_tenant_access()"
    )
