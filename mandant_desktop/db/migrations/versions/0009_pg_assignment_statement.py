"""PostgreSQL: the database-side assignment check of revision 0005 once per statement instead of
once per row (issue 8, SPEC S1).

Revision ID: 0009_pg_assignment_statement
Revises: 0008_customer_search
Create Date: 2026-12-03

The rule stays the one of 0005: an operator who is not trusted (not the schema owner) may add,
change or remove a role assignment only in an org unit where that operator holds
``assignments.assign``, in the rows as they stood before the change. The per-row trigger asked
that, and whether the current user is trusted, for each of the 1,000,000 rows the large demo
writes. Three statement-level ``AFTER`` triggers with transition tables ask it once per statement
for all the units the statement touched:

* the rights are those held before the statement: the operator's rows now, without the statement's
  new rows, with its old rows. For a statement of one row this is exactly what the per-row trigger
  saw; for more rows it does not depend on the order in which PostgreSQL happens to visit them;
* for an update or delete the old rows' units are checked first, then the new rows' units; the
  error (SQLSTATE 42501, "role assignment outside the operator's org units (unit N)") names the
  lowest unit refused, as the per-row trigger named the first;
* an ``AFTER`` trigger refuses after the rows are written; the raise undoes the whole statement,
  as before. A row that an ``INSERT … ON CONFLICT DO NOTHING`` skips changes nothing and is no
  longer looked at (the application uses no such statement on this table).

The function of 0005 (``mandant_check_assignment()``) stays; the downgrade puts its per-row trigger
back. SQLite and MariaDB have neither feature: this revision does nothing there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_pg_assignment_statement"
down_revision: str | Sequence[str] | None = "0008_customer_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "mandant_check_assignments"
#: trigger name → (event, REFERENCING clause)
TRIGGERS = {
    "mandant_check_assignments_insert": ("INSERT", "NEW TABLE AS new_rows"),
    "mandant_check_assignments_update": ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "mandant_check_assignments_delete": ("DELETE", "OLD TABLE AS old_rows"),
}

# The transition tables exist only for the events that have them, so each event has its own
# query; PL/pgSQL plans a query when it first runs it. ``allowed`` is the set of units in which the
# operator held assignments.assign before the statement.
_CHECK = """
    WITH held AS (
        SELECT ra.org_unit_id, ra.role_id FROM role_assignment ra
        WHERE ra.user_id = acting_user {without_new}
        {with_old}
    ), allowed AS (
        SELECT DISTINCT held.org_unit_id FROM held
        JOIN role_permission rp ON rp.role_id = held.role_id AND rp.permission_code = 'assignments.assign'
    ), touched AS (
        {touched}
    )
    SELECT min(touched.unit) INTO refused FROM touched
    WHERE NOT EXISTS (SELECT 1 FROM allowed WHERE allowed.org_unit_id = touched.unit);
"""
_WITHOUT_NEW = "AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = ra.id)"
_WITH_OLD = "UNION ALL SELECT o.org_unit_id, o.role_id FROM old_rows o WHERE o.user_id = acting_user"
_OLD_UNITS = "SELECT org_unit_id AS unit FROM old_rows"
_NEW_UNITS = "SELECT org_unit_id AS unit FROM new_rows"


def _check(*, old: bool, new: bool, touched: str) -> str:
    return _CHECK.format(without_new=_WITHOUT_NEW if new else "", with_old=_WITH_OLD if old else "", touched=touched)


_REFUSE = """
    IF refused IS NOT NULL THEN
        RAISE EXCEPTION 'role assignment outside the operator''s org units (unit %)', refused
            USING ERRCODE = '42501';
    END IF;
"""

_FUNCTION = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    acting_user integer := mandant_operator_id();
    refused integer;
BEGIN
    IF mandant_is_trusted() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        {_check(old=False, new=True, touched=_NEW_UNITS)}
    ELSIF TG_OP = 'DELETE' THEN
        {_check(old=True, new=False, touched=_OLD_UNITS)}
    ELSE
        {_check(old=True, new=True, touched=_OLD_UNITS)}
        {_REFUSE}
        {_check(old=True, new=True, touched=_NEW_UNITS)}
    END IF;
    {_REFUSE}
    RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS mandant_check_assignment ON role_assignment")
    op.execute(_FUNCTION)
    for name, (event, referencing) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON role_assignment REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON role_assignment")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    op.execute(
        "CREATE TRIGGER mandant_check_assignment BEFORE INSERT OR UPDATE OR DELETE ON role_assignment "
        "FOR EACH ROW EXECUTE FUNCTION mandant_check_assignment()"
    )
